import { Injectable, type Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** What a chamber's member aggregates count of one firm: its latest submitted result, coarse profile and findings. */
export interface SubmittedResultSummary {
  firmId: string;
  assessmentId: string;
  catalogueVersion: string;
  naceSection: string;
  headcountBand: string;
  legalForm: string;
  level: string | null;
  overallScore: number | null;
  /** The scoring model the result was computed with (1 for results from before models were numbered). */
  scoringModel: number;
  dimensionScores: Record<string, number | null>;
  /** Exposure findings as `questionId:optionId`. */
  findings: string[];
}

/**
 * The contract through which the chambers feature learns about its member firms' self-checks (campaign progress,
 * batch distribution, member aggregates). The assessments feature owns the tables and provides it; the caller
 * decides which firms it may ask about (members, consents). Every method is one statement for a set of firms.
 */
export interface FirmResults {
  /** Per firm: started (an assessment created or submitted since `since`) and submitted (status submitted since then). */
  activitySince(
    orgIds: readonly string[],
    since: Date,
    m?: EntityManager,
  ): Promise<Map<string, { started: boolean; submitted: boolean }>>;
  /** Per firm, the id of its latest assessment submitted at or after `since` (firms without one are missing). */
  latestSubmittedSince(orgIds: readonly string[], since: Date): Promise<Map<string, string>>;
  /** Per firm, the latest submitted assessment with a result from before `before`; ordered by firm id. */
  latestResultsBefore(orgIds: readonly string[], before: Date): Promise<SubmittedResultSummary[]>;
}

/** Injection token of FirmResults; AssessmentsModule provides and exports it. */
export const FIRM_RESULTS = Symbol('FIRM_RESULTS');

@Injectable()
export class AssessmentFirmResults implements FirmResults {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activitySince(
    orgIds: readonly string[],
    since: Date,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { started: boolean; submitted: boolean }>> {
    const unique = [...new Set(orgIds)];
    if (!unique.length) return new Map();
    const rows: { orgId: string; started: boolean; submitted: boolean }[] = await m.query(
      `SELECT a."org_id" AS "orgId",
              bool_or(a."created_at" >= $2 OR a."submitted_at" >= $2) AS "started",
              bool_or(a."status" = 'submitted' AND a."submitted_at" >= $2) AS "submitted"
         FROM "assessment" a WHERE a."org_id" = ANY($1::uuid[]) GROUP BY a."org_id"`,
      [unique, since],
    );
    return new Map(rows.map((r) => [r.orgId, { started: r.started === true, submitted: r.submitted === true }]));
  }

  async latestSubmittedSince(orgIds: readonly string[], since: Date): Promise<Map<string, string>> {
    const unique = [...new Set(orgIds)];
    if (!unique.length) return new Map();
    const rows: { orgId: string; id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (a."org_id") a."org_id" AS "orgId", a."id"
         FROM "assessment" a
        WHERE a."org_id" = ANY($1::uuid[]) AND a."status" = 'submitted' AND a."submitted_at" >= $2
        ORDER BY a."org_id", a."submitted_at" DESC`,
      [unique, since],
    );
    return new Map(rows.map((r) => [r.orgId, r.id]));
  }

  latestResultsBefore(orgIds: readonly string[], before: Date): Promise<SubmittedResultSummary[]> {
    const unique = [...new Set(orgIds)];
    if (!unique.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT DISTINCT ON (a."org_id") a."org_id" AS "firmId", a."id" AS "assessmentId", a."catalogue_version" AS "catalogueVersion",
              coalesce(a."profile_snapshot"->>'naceSection', '') AS "naceSection",
              coalesce(a."profile_snapshot"->>'headcountBand', '') AS "headcountBand",
              coalesce(a."profile_snapshot"->>'legalForm', '') AS "legalForm",
              a."level", a."overall_score" AS "overallScore",
              coalesce((a."result"->>'scoringModel')::int, 1) AS "scoringModel",
              coalesce((SELECT jsonb_object_agg(d->>'dimensionId', d->'score') FROM jsonb_array_elements(a."result"->'dimensions') d), '{}') AS "dimensionScores",
              coalesce((SELECT jsonb_agg((f->>'questionId') || ':' || (f->>'optionId')) FROM jsonb_array_elements(a."result"->'findings') f
                         WHERE f->>'kind' = 'exposure'), '[]') AS "findings"
         FROM "assessment" a
        WHERE a."org_id" = ANY($1::uuid[]) AND a."status" = 'submitted' AND a."result" IS NOT NULL AND a."submitted_at" < $2
        ORDER BY a."org_id", a."submitted_at" DESC`,
      [unique, before],
    );
  }
}

export const firmResultsProvider: Provider = { provide: FIRM_RESULTS, useClass: AssessmentFirmResults };
