import { Injectable, type Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { DONT_KNOW, localize, type ReadLocale } from '@scs/shared/catalogue';
import type {
  PortfolioAnswer,
  PortfolioAnswersView,
  PortfolioCell,
  PortfolioDimension,
  ReportLevel,
} from '@scs/shared/contracts';
import type { ScoreResult } from '@scs/shared/scoring';

/** A self-check is due again this many months after the last submitted one. */
export const REASSESSMENT_MONTHS = 12;

/** What another feature (the group portfolio) may learn about one firm's self-check: no answers, no findings. */
export interface EntityStanding {
  orgId: string;
  assessmentId: string | null;
  catalogueVersion: string | null;
  score: number | null;
  level: ReportLevel | null;
  provisional: boolean;
  cells: PortfolioCell[];
  actions: { open: number; overdue: number };
  repairs: { open: number; overdue: number; nextDue: string | null };
  lastSubmittedAt: string | null;
  nextDue: string | null;
  reassessmentOverdue: boolean;
}

/**
 * The contract through which the portfolio feature reads the standing of linked firms: the latest level and
 * dimension scores, open and overdue actions, repair deadlines of the repair planner, the last and next self-check.
 * The assessments feature owns those tables and provides it; callers decide who may see which firm.
 */
export interface EntityStandings {
  /** One standing per requested organisation (in the order given), overdue as of `asOf` ('YYYY-MM-DD'). */
  of(orgIds: string[], asOf: string): Promise<{ standings: EntityStanding[]; dimensions: PortfolioDimension[] }>;
  /** Changes whenever `of` may answer differently for these organisations on the same day. */
  version(orgIds: string[]): Promise<string>;
  /**
   * The answers of the latest submitted self-check with question, option and finding texts in `locale` (only for
   * callers that checked the firm granted them).
   */
  answers(orgId: string, locale: ReadLocale): Promise<Omit<PortfolioAnswersView, 'entity'>>;
}

/** Injection token of EntityStandings; AssessmentsModule provides and exports it. */
export const ENTITY_STANDINGS = Symbol('ENTITY_STANDINGS');

interface LatestRow {
  orgId: string;
  id: string;
  catalogueVersion: string;
  submittedAt: Date;
  result: ScoreResult;
}
interface ActionRow {
  orgId: string;
  open: number;
  overdue: number;
  repairOpen: number;
  repairOverdue: number;
  repairNext: string | null;
}

/** `YYYY-MM-DD` plus n months (the day clamped to the month's end). */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

@Injectable()
export class AssessmentEntityStandings implements EntityStandings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogues: CatalogueService,
  ) {}

  async of(orgIds: string[], asOf: string): Promise<{ standings: EntityStanding[]; dimensions: PortfolioDimension[] }> {
    if (!orgIds.length) return { standings: [], dimensions: [] };
    const [latest, actions] = await Promise.all([this.latest(orgIds), this.actionCounts(orgIds, asOf)]);
    const byOrg = new Map(latest.map((r) => [r.orgId, r]));
    const actionsByOrg = new Map(actions.map((r) => [r.orgId, r]));
    const standings = orgIds.map((orgId): EntityStanding => {
      const a = byOrg.get(orgId);
      const x = actionsByOrg.get(orgId);
      const submitted = a ? new Date(a.submittedAt).toISOString() : null;
      const nextDue = submitted ? addMonths(submitted.slice(0, 10), REASSESSMENT_MONTHS) : null;
      return {
        orgId,
        assessmentId: a?.id ?? null,
        catalogueVersion: a?.catalogueVersion ?? null,
        score: a?.result.score ?? null,
        level: (a?.result.level as ReportLevel | null | undefined) ?? null,
        provisional: a?.result.provisional ?? false,
        cells: (a?.result.dimensions ?? []).map((d) => ({
          code: d.code,
          score: d.score,
          level: d.level as ReportLevel | null,
        })),
        actions: { open: x?.open ?? 0, overdue: x?.overdue ?? 0 },
        repairs: { open: x?.repairOpen ?? 0, overdue: x?.repairOverdue ?? 0, nextDue: x?.repairNext ?? null },
        lastSubmittedAt: submitted,
        nextDue,
        reassessmentOverdue: nextDue !== null && nextDue < asOf,
      };
    });
    return { standings, dimensions: await this.dimensions(latest) };
  }

  async version(orgIds: string[]): Promise<string> {
    if (!orgIds.length) return 'none';
    const [row] = (await this.dataSource.query(
      `SELECT md5(
                coalesce((SELECT string_agg(a."id"::text || ':' || a."submitted_at"::text, ',' ORDER BY a."id")
                            FROM "assessment" a WHERE a."org_id" = ANY($1::uuid[]) AND a."status" = 'submitted'), '')
                || '|' ||
                coalesce((SELECT string_agg(x."id"::text || ':' || x."updated_at"::text, ',' ORDER BY x."id")
                            FROM "action" x WHERE x."org_id" = ANY($1::uuid[])), '')
              ) AS "digest"`,
      [orgIds],
    )) as { digest: string }[];
    return row?.digest ?? 'none';
  }

  async answers(orgId: string, locale: ReadLocale): Promise<Omit<PortfolioAnswersView, 'entity'>> {
    const [latest] = await this.latest([orgId]);
    if (!latest) return { assessmentId: null, catalogueVersion: null, submittedAt: null, locale, answers: [] };
    const [{ catalogue }, rows] = await Promise.all([
      this.catalogues.require(latest.catalogueVersion),
      this.dataSource.query(
        `SELECT x."question_id" AS "questionId", x."option_id" AS "optionId", x."records", x."note"
           FROM "assessment_answer" x WHERE x."assessment_id" = $1`,
        [latest.id],
      ) as Promise<{ questionId: string; optionId: string | null; records: unknown[] | null; note: string | null }[]>,
    ]);
    const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
    const findings = new Map(latest.result.findings.map((f) => [f.questionId, f]));
    const dimensions = new Map(catalogue.dimensions.map((d) => [d.id, d]));
    const answers: PortfolioAnswer[] = [];
    for (const q of catalogue.questions) {
      const row = byQuestion.get(q.id);
      if (!row || (row.optionId === null && !Array.isArray(row.records))) continue;
      const f = findings.get(q.id);
      const kind = Array.isArray(row.records) ? 'records' : row.optionId === DONT_KNOW ? 'dontKnow' : 'option';
      const optionId = kind === 'option' ? row.optionId : kind === 'records' ? (f?.optionId ?? null) : null;
      const option = optionId ? q.options.find((o) => o.id === optionId) : undefined;
      const dimension = dimensions.get(q.dimension);
      const findingTitle = f?.finding
        ? localize(f.finding.title, locale)
        : f?.verify
          ? localize(f.verify, locale)
          : null;
      answers.push({
        questionId: q.id,
        dimension: { code: dimension?.code ?? q.dimension, title: dimension ? localize(dimension.name, locale) : '' },
        question: localize(q.text, locale),
        kind,
        option: option ? localize(option.label, locale) : null,
        records: Array.isArray(row.records) ? row.records.length : 0,
        note: row.note,
        finding: f && findingTitle ? { kind: f.kind, severity: f.severity, title: findingTitle } : null,
      });
    }
    return {
      assessmentId: latest.id,
      catalogueVersion: latest.catalogueVersion,
      submittedAt: new Date(latest.submittedAt).toISOString(),
      locale,
      answers,
    };
  }

  private latest(orgIds: string[]): Promise<LatestRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (a."org_id") a."org_id" AS "orgId", a."id", a."catalogue_version" AS "catalogueVersion",
              a."submitted_at" AS "submittedAt", a."result"
         FROM "assessment" a
        WHERE a."org_id" = ANY($1::uuid[]) AND a."status" = 'submitted' AND a."result" IS NOT NULL
        ORDER BY a."org_id", a."submitted_at" DESC`,
      [orgIds],
    );
  }

  private actionCounts(orgIds: string[], asOf: string): Promise<ActionRow[]> {
    return this.dataSource.query(
      `SELECT x."org_id" AS "orgId",
              count(*)::int AS "open",
              count(*) FILTER (WHERE x."due_date" < $2::date)::int AS "overdue",
              count(*) FILTER (WHERE x."source_key" LIKE 'repair:%')::int AS "repairOpen",
              count(*) FILTER (WHERE x."source_key" LIKE 'repair:%' AND x."due_date" < $2::date)::int AS "repairOverdue",
              to_char(min(x."due_date") FILTER (WHERE x."source_key" LIKE 'repair:%'), 'YYYY-MM-DD') AS "repairNext"
         FROM "action" x
        WHERE x."org_id" = ANY($1::uuid[]) AND x."status" <> 'done'
        GROUP BY x."org_id"`,
      [orgIds, asOf],
    );
  }

  /** The heat map's columns: the dimensions of the newest catalogue version in use, then any older-only codes. */
  private async dimensions(latest: LatestRow[]): Promise<PortfolioDimension[]> {
    const versions = [...new Set(latest.map((r) => r.catalogueVersion))].sort(compareVersions).reverse();
    const seen = new Map<string, PortfolioDimension>();
    for (const version of versions) {
      const { catalogue } = await this.catalogues.require(version);
      for (const d of catalogue.dimensions) {
        if (!seen.has(d.code))
          seen.set(d.code, {
            code: d.code,
            title: { en: localize(d.name, 'en'), de: localize(d.name, 'de'), zh: localize(d.name, 'zh') },
          });
      }
    }
    return [...seen.values()];
  }
}

function compareVersions(a: string, b: string): number {
  const [ay, an] = a.split('.').map(Number);
  const [by, bn] = b.split('.').map(Number);
  return ay - by || an - bn;
}

export const entityStandingsProvider: Provider = { provide: ENTITY_STANDINGS, useClass: AssessmentEntityStandings };
