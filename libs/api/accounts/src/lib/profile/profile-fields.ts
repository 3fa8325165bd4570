// The firm profile: exactly the profile fields of the criteria catalogue (docs/catalogue-format.md, "Profile fields"),
// plus the firm's name and its optional unified social credit code. Applicability rules read these fields.

export const LEGAL_FORMS = ['wfoe', 'jv', 'rep_office', 'branch', 'other'] as const;
export const ACTIVITIES = ['manufacturing', 'trading', 'services', 'rnd', 'ecommerce', 'construction', 'food_drugs_medical', 'hazardous_chemicals'] as const;
export const HEADCOUNT_BANDS = ['lt50', '50_249', '250_999', 'gte1000'] as const;
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const NACE_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;
/** ISO 3166-2:CN codes (without "CN-") of the 31 mainland provincial-level divisions, where the SCS applies. */
export const PROVINCES = [
  'AH', 'BJ', 'CQ', 'FJ', 'GD', 'GS', 'GX', 'GZ', 'HA', 'HB', 'HE', 'HI', 'HL', 'HN', 'JL', 'JS',
  'JX', 'LN', 'NM', 'NX', 'QH', 'SC', 'SD', 'SH', 'SN', 'SX', 'TJ', 'XJ', 'XZ', 'YN', 'ZJ',
] as const;

export const MIN_TAX_REGISTRATION_YEAR = 1978; // reform and opening: no foreign-invested firm registered earlier

export interface FirmProfileData {
  name: string;
  uscc?: string | null;
  legalForm?: (typeof LEGAL_FORMS)[number];
  activities?: (typeof ACTIVITIES)[number][];
  importsExports?: boolean;
  headcountBand?: (typeof HEADCOUNT_BANDS)[number];
  agencyLabour?: boolean;
  pollutantPermit?: (typeof YES_NO_UNKNOWN)[number];
  largeScaleData?: (typeof YES_NO_UNKNOWN)[number];
  publicProcurement?: boolean;
  largeEnterpriseBuyer?: boolean;
  taxRegistrationYear?: number;
  naceSection?: (typeof NACE_SECTIONS)[number];
  provinces?: (typeof PROVINCES)[number][];
  germanParent?: boolean;
}

/** The fields the catalogue's applicability rules need; a profile missing one of them is incomplete. */
export const REQUIRED_PROFILE_FIELDS = [
  'legalForm', 'activities', 'importsExports', 'headcountBand', 'agencyLabour', 'pollutantPermit', 'largeScaleData',
  'publicProcurement', 'largeEnterpriseBuyer', 'taxRegistrationYear', 'naceSection', 'provinces', 'germanParent',
] as const satisfies readonly (keyof FirmProfileData)[];

/** The catalogue fields still missing (the first profile version, created at registration, has only the name). */
export function missingProfileFields(data: FirmProfileData): string[] {
  return REQUIRED_PROFILE_FIELDS.filter((f) => data[f] === undefined || data[f] === null);
}
