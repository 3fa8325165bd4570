import { type FirmProfile, PROFILE_FIELD_NAMES, PROFILE_FIELDS } from '@scs/shared/catalogue';

// The firm profile: exactly the catalogue's profile fields (PROFILE_FIELDS in @scs/shared/catalogue, the single
// source of their values and labels), plus the firm's name and its optional unified social credit code.

export const LEGAL_FORMS = PROFILE_FIELDS.legalForm.values;
export const ACTIVITIES = PROFILE_FIELDS.activities.values;
export const HEADCOUNT_BANDS = PROFILE_FIELDS.headcountBand.values;
export const YES_NO_UNKNOWN = PROFILE_FIELDS.pollutantPermit.values;
export const NACE_SECTIONS = PROFILE_FIELDS.naceSection.values;
export const PROVINCES = PROFILE_FIELDS.provinces.values;
export const MIN_TAX_REGISTRATION_YEAR = PROFILE_FIELDS.taxRegistrationYear.min;

/** A stored profile version. Version 1 (created at registration) holds only the name; later versions are complete. */
export type FirmProfileData = { name: string; uscc?: string | null } & Partial<FirmProfile>;

/**
 * The fields the catalogue's applicability rules need; a profile missing one of them is incomplete. Fields added later
 * (with a `defaultValue`, e.g. the 2026.2 importer/exporter and data-volume fields) are optional: rules read the default.
 */
export const REQUIRED_PROFILE_FIELDS: readonly (keyof FirmProfile)[] = PROFILE_FIELD_NAMES.filter(
  (f) => !('defaultValue' in PROFILE_FIELDS[f]),
);

/** Optional profile fields added with later catalogue versions, with their allowed values. */
export const OPTIONAL_PROFILE_FIELDS = {
  importer: PROFILE_FIELDS.importer.values,
  exporter: PROFILE_FIELDS.exporter.values,
  customsDirectUnregistered: PROFILE_FIELDS.customsDirectUnregistered.values,
  piProcessedVolume: PROFILE_FIELDS.piProcessedVolume.values,
  crossBorderPiVolume: PROFILE_FIELDS.crossBorderPiVolume.values,
  crossBorderSensitivePiVolume: PROFILE_FIELDS.crossBorderSensitivePiVolume.values,
} as const;

/** The catalogue fields still missing. */
export function missingProfileFields(data: FirmProfileData): string[] {
  return REQUIRED_PROFILE_FIELDS.filter((f) => data[f] === undefined || data[f] === null);
}
