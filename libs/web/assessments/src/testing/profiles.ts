import type { FirmProfile } from '@scs/shared/catalogue';
import { TEST_FIRM_PROFILE } from '@scs/shared/testing';

/** A manufacturer (WFOE in Jiangsu, 250–999 staff, imports and exports): many questions apply. */
export const MANUFACTURER_PROFILE: FirmProfile = TEST_FIRM_PROFILE;

/** A consultancy (WFOE in Shanghai, 50–249 staff, services only): fewer questions apply. */
export const CONSULTANCY_PROFILE: FirmProfile = {
  ...MANUFACTURER_PROFILE,
  activities: ['services'],
  importsExports: false,
  headcountBand: '50_249',
  pollutantPermit: 'no',
  largeEnterpriseBuyer: false,
  taxRegistrationYear: 2015,
  naceSection: 'M',
  provinces: ['SH'],
};
