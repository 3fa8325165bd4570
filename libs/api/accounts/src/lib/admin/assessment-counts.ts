/**
 * How many assessments each catalogue version has, for the platform admin's list of catalogue versions. Accounts
 * defines the contract (it depends on no other feature); the assessments feature, which owns the table, provides it.
 */
export interface AssessmentCounts {
  perCatalogueVersion(versions: readonly string[]): Promise<Map<string, number>>;
}

/** Injection token of AssessmentCounts (looked up application-wide: AssessmentsModule provides it). */
export const ASSESSMENT_COUNTS = Symbol('ASSESSMENT_COUNTS');
