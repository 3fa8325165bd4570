export { isApplicable, applicabilityRuleSchema, type ApplicabilityRule } from './lib/applicability';
export { diffCatalogues, type CatalogueDiff, type ItemChange, type ListDiff, type OptionField, type QuestionChange, type QuestionField } from './lib/diff';
export { CatalogueFileError, mergeCatalogueFiles, parseCatalogueFiles, type CatalogueFile } from './lib/parse';
export {
  PROFILE_FIELDS,
  PROFILE_FIELD_NAMES,
  firmProfileSchema,
  type FirmProfile,
  type ProfileField,
  type ProfileFieldDefinition,
} from './lib/profile';
export { toPublicCatalogue, type Localized, type PublicCatalogue } from './lib/public';
export {
  DONT_KNOW,
  LEVEL_IDS,
  SEVERITIES,
  WEIGHTS,
  catalogueSchema,
  type Catalogue,
  type Dimension,
  type DontKnow,
  type Finding,
  type Level,
  type LevelId,
  type Option,
  type Portal,
  type Question,
  type Reference,
  type Repair,
  type Severity,
  type Weight,
} from './lib/schema';
export { LOCALES, localize, negotiateLocale, type Locale, type Steps, type Text, type TextZh } from './lib/text';
export { CatalogueValidationError, applicableQuestions, validateCatalogue, type CatalogueIssue } from './lib/validate';
