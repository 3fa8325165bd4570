// The firm profiles tests register firms with (PUT /api/orgs/:id/profile without the name and USCC; a FirmProfile of
// @scs/shared/catalogue). This lib imports no other lib, so the literal types are spelled out here.

/** The test firm: a manufacturer (WFOE in Jiangsu, 250–999 staff, imports and exports, German parent); many questions apply. */
export const TEST_FIRM_PROFILE = {
  legalForm: 'wfoe' as const,
  activities: ['manufacturing', 'trading'] as ('manufacturing' | 'trading')[],
  importsExports: true,
  headcountBand: '250_999' as const,
  agencyLabour: false,
  pollutantPermit: 'yes' as const,
  largeScaleData: 'no' as const,
  publicProcurement: false,
  largeEnterpriseBuyer: true,
  taxRegistrationYear: 2012,
  naceSection: 'C' as const,
  provinces: ['JS'] as 'JS'[],
  germanParent: true,
};

/**
 * A small manufacturer (WFOE in Jiangsu, 50–249 staff, no imports or exports, no permit): the plain profile of the
 * catalogue and scoring specs; tests override what they are about.
 */
export const SMALL_FIRM_PROFILE = {
  legalForm: 'wfoe' as const,
  activities: ['manufacturing'] as 'manufacturing'[],
  importsExports: false,
  headcountBand: '50_249' as const,
  agencyLabour: false,
  pollutantPermit: 'no' as const,
  largeScaleData: 'no' as const,
  publicProcurement: false,
  largeEnterpriseBuyer: false,
  taxRegistrationYear: 2015,
  naceSection: 'C' as const,
  provinces: ['JS'] as 'JS'[],
  germanParent: true,
};
