import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditService, DirectoryService, ProfileService, missingProfileFields } from '@scs/api/accounts';
import { CatalogueService } from '@scs/api/catalogue';
import { PseudonymKeyMissingError, ResearchRecordsService } from '@scs/api/research';
import {
  APP_CONFIG,
  ResourceOwners,
  UUID_RE,
  WorkSlots,
  type AppConfig,
  type AuthUser,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
} from '@scs/api/core';
import {
  PROFILE_FIELD_NAMES,
  PROFILE_FIELDS,
  diffCatalogues,
  firmProfileSchema,
  type FirmProfile,
} from '@scs/shared/catalogue';
import {
  compareFindings,
  dimensionProgress,
  projectExposure,
  repairPlan,
  score,
  scoringModelOf,
  toMonth,
  type FindingsComparison,
  type ScoredFinding,
  type ProjectionPoint,
  type RepairPlanItem,
  type ScoreResult,
} from '@scs/shared/scoring';
import { answerFields, answerMap, isAnswered, type AnswerMap } from '@scs/shared/answers';
import { Assessment, AssessmentAnswer } from './assessment.entity';
import { toAnswerView } from './answers/answer-view';
import { AnswersService } from './answers/answers.service';
import { carryOverAnswers } from './change-impact/carry-over';
import { lockDraft } from './draft-lock';
import { SubmittedResults } from './submitted-results';
import type {
  AssessmentSummary,
  AssessmentView,
  ComparisonView,
  FindingRef,
  SinceLastView,
} from './dto/assessment.dto';

/** `GET /assessments/:id/result`: the stored result with the repair plan and the projection. */
export type ResultView = ScoreResult & { repairPlan: RepairPlanItem[]; projection: ProjectionPoint[] };

/** Only the catalogue's profile fields are pinned to an assessment (never the firm name or USCC). */
export function snapshotOf(data: object): FirmProfile {
  const source = data as Record<string, unknown>;
  return Object.fromEntries(
    PROFILE_FIELD_NAMES.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]),
  ) as FirmProfile;
}

/**
 * A JSON value with its object keys in the order PostgreSQL's jsonb stores them (shorter keys first, then bytewise), so
 * that a view built from a value just written serialises exactly like the same value read back from a jsonb column.
 */
export function inJsonbOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(inJsonbOrder) as T;
  if (value === null || typeof value !== 'object') return value;
  const byte = (a: string, b: string) => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length - y.length || Buffer.compare(x, y);
  };
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byte(a, b))
      .map(([k, v]) => [k, inJsonbOrder(v)]),
  ) as T;
}

function summaryOf(a: Assessment, answered: number): AssessmentSummary {
  return {
    id: a.id,
    status: a.status,
    catalogueVersion: a.catalogueVersion,
    createdAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    overallScore: a.overallScore,
    level: a.level,
    previousId: a.previousId,
    answered,
  };
}

const findingRef = (f: ScoredFinding): FindingRef => ({
  questionId: f.questionId,
  optionId: f.optionId,
  dimensionId: f.dimensionId,
  severity: f.severity,
  kind: f.kind,
});

/** `compareFindings` (the one definition, shared with the PDF) as the API's finding references. */
function comparisonRefs(c: FindingsComparison<ScoredFinding>): ComparisonView['findings'] {
  return {
    resolved: c.resolved.map(findingRef),
    new: c.new.map(findingRef),
    changed: c.changed.map((x) => ({
      ...findingRef(x.after),
      previousOptionId: x.before.optionId,
      direction: x.direction,
    })),
    unchanged: c.unchanged.map(findingRef),
  };
}

/** Answers as the scoring takes them; `records` is the only field beyond option and note. */
const rowAnswers = (rows: readonly AssessmentAnswer[]): AnswerMap => answerMap(rows);

/** The month records are evaluated as of: the submission date of a submitted assessment, else today. */
const asOfMonth = (a: Assessment): string => toMonth(a.submittedAt ?? new Date());

type Plan = { asOf: string; repairPlan: RepairPlanItem[]; projection: ProjectionPoint[] };
/** Plans of submitted assessments remembered per process (oldest out first); each is a few kilobytes. */
const MAX_REMEMBERED_PLANS = 2_000;

@Injectable()
export class AssessmentsService implements OnModuleInit {
  private readonly logger = new Logger(AssessmentsService.name);
  /**
   * The plan of a submitted assessment never changes: its answers are frozen, its catalogue version is published and
   * immutable, and its as-of month is the submission's. Submit, the result page and the report each ask for it (36
   * scorings of the projection each time), so it is computed once per process. Drafts are never remembered.
   * The remembered plan is shared, not copied: its texts are the catalogue's own objects, which carry their
   * translations by identity (`localize`), so a copy would lose the Chinese and the German corrections. Read only.
   */
  private readonly submittedPlans = new Map<string, Plan>();
  /** Results of submitted assessments, read from PostgreSQL once per process (see SubmittedResults). */
  private readonly submittedResults = new SubmittedResults();
  /**
   * Submits running at once: each scores, projects and builds the view (the heaviest CPU of an officer's requests), so
   * a crowd submitting together waits in order instead of taking the CPU from autosave, the request made most.
   */
  private readonly submits: WorkSlots;
  /** Every column of an assessment but its result, which `withResult` reads (or takes from `submittedResults`). */
  private withoutResult?: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogues: CatalogueService,
    private readonly profiles: ProfileService,
    private readonly owners: ResourceOwners,
    private readonly audit: AuditService,
    private readonly research: ResearchRecordsService,
    private readonly answers: AnswersService,
    private readonly directory: DirectoryService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.submits = new WorkSlots(config.submitConcurrency ?? Math.max(1, availableParallelism() - 1));
  }

  onModuleInit(): void {
    this.owners.register('assessment', async (id) => {
      if (!UUID_RE.test(id)) return null;
      const rows: { org_id: string }[] = await this.dataSource.query('SELECT org_id FROM assessment WHERE id = $1', [
        id,
      ]);
      return rows[0]?.org_id ?? null;
    });
  }

  async list(orgId: string): Promise<AssessmentSummary[]> {
    const rows: (Assessment & { answered: string })[] = await this.dataSource
      .getRepository(Assessment)
      .createQueryBuilder('a')
      .select(this.columnsWithoutResult('a'))
      .addSelect(
        (qb) =>
          qb
            .select('count(*)')
            .from(AssessmentAnswer, 'x')
            .where('x.assessment_id = a.id AND (x.option_id IS NOT NULL OR x.records IS NOT NULL)'),
        'answered',
      )
      .where('a.org_id = :orgId', { orgId })
      .orderBy('a.created_at', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((e, i) => Object.assign(e, { answered: (raw[i] as { answered: string }).answered })),
      );
    return rows.map((a) => summaryOf(a, Number(a.answered)));
  }

  /** Starts a draft pinned to the current catalogue and the firm's current profile; optionally pre-filled from a submitted one. */
  async start(orgId: string, user: AuthUser, previousId?: string): Promise<AssessmentView> {
    const current = await this.catalogues.current();
    const created = await this.dataSource.transaction(async (m) => {
      const profile = await this.profiles.current(orgId, m);
      const missing = missingProfileFields(profile.data);
      if (missing.length) {
        const labels = missing.map((f) => PROFILE_FIELDS[f as keyof typeof PROFILE_FIELDS]?.label ?? f);
        throw new UnprocessableError(
          'errors.assessment.profileIncomplete',
          { missing: labels },
          { details: { missing } },
        );
      }
      let previous: Assessment | null = null;
      let changed: string[] = [];
      if (previousId) {
        previous = await m.findOneBy(Assessment, { id: previousId, orgId });
        if (!previous) throw new NotFoundError('errors.assessment.previousNotFound');
        if (previous.status !== 'submitted') throw new ConflictError('errors.assessment.reassessDraft');
        if (previous.catalogueVersion !== current.version) {
          const before = await this.catalogues.require(previous.catalogueVersion);
          const diff = diffCatalogues(before.catalogue, current.catalogue);
          changed = [...diff.questions.added, ...diff.questions.changed.map((c) => c.id)];
        }
      }
      const created = await m.save(
        m.create(Assessment, {
          orgId,
          catalogueVersion: current.version,
          profileSnapshot: snapshotOf(profile.data),
          status: 'draft',
          previousId: previous?.id ?? null,
          changedQuestions: changed,
          createdBy: user.id,
        }),
      );
      if (previous) {
        // Carry over answers whose question and option still exist in the current catalogue, following its idMap (D1 → X1).
        const prior = await m.findBy(AssessmentAnswer, { assessmentId: previous.id });
        const { carried } = carryOverAnswers(current.catalogue, previous.catalogueVersion, prior);
        if (carried.length) {
          await m.insert(
            AssessmentAnswer,
            carried.map((a) => ({
              assessmentId: created.id,
              questionId: a.questionId,
              ...answerFields(a.value),
              note: a.note,
              revision: 1,
              updatedBy: user.id,
            })),
          );
        }
      }
      await this.audit.record(
        {
          actorUserId: user.id,
          orgId,
          action: previous ? 'assessment.reassess' : 'assessment.start',
          target: created.id,
        },
        m,
      );
      return created;
    });
    // The new draft's owner and context are known: its first read and its first save need no lookup.
    this.owners.remember('assessment', created.id, orgId);
    this.answers.rememberDraft(created.id, created);
    if (created.previousId) return this.get(created.id);
    // A fresh draft has no answers: the view of what was just written, without reading it back.
    return {
      ...summaryOf({ ...created, submittedAt: null, overallScore: null, level: null }, 0),
      orgId,
      profile: inJsonbOrder(created.profileSnapshot),
      answers: [],
      changedQuestions: created.changedQuestions,
      result: null,
    };
  }

  async get(id: string): Promise<AssessmentView> {
    const a = await this.find(id);
    const rows: AssessmentAnswer[] = await this.dataSource.query(
      `SELECT x.question_id AS "questionId", x.option_id AS "optionId", x.records, x.note, x.revision, x.updated_by AS "updatedBy",
              x.updated_at AS "updatedAt"
         FROM assessment_answer x WHERE x.assessment_id = $1 ORDER BY x.question_id`,
      [id],
    );
    const names = await this.directory.userNames(rows.map((x) => x.updatedBy));
    const answers = rows.map((x) => ({ ...x, updatedByName: x.updatedBy ? (names.get(x.updatedBy) ?? null) : null }));
    const views = answers.map(toAnswerView);
    const plan = a.status === 'submitted' && a.result ? await this.planOf(a, answers) : undefined;
    const sinceLast = a.status === 'submitted' && a.result ? await this.sinceLast(a) : undefined;
    return {
      ...summaryOf(a, views.filter(isAnswered).length),
      orgId: a.orgId,
      profile: a.profileSnapshot,
      answers: views,
      changedQuestions: a.changedQuestions,
      result: a.result,
      ...(plan ? { repairPlan: plan.repairPlan, projection: plan.projection } : {}),
      ...(sinceLast !== undefined ? { sinceLast } : {}),
    };
  }

  /** The firm's submitted assessment before `a` (by submission time), if any. */
  async previousSubmitted(a: Assessment): Promise<Assessment | null> {
    if (!a.submittedAt) return null;
    return this.withResult(
      this.withoutResultQuery('p')
        .where('p.org_id = :org AND p.status = :s AND p.submitted_at < :at', {
          org: a.orgId,
          s: 'submitted',
          at: a.submittedAt,
        })
        .orderBy('p.submitted_at', 'DESC')
        .limit(1),
    );
  }

  /** Progress since the previous submitted assessment: per finding and per dimension (`compareFindings`). */
  private async sinceLast(a: Assessment): Promise<SinceLastView | null> {
    const previous = await this.previousSubmitted(a);
    if (!previous?.result || !previous.submittedAt || !a.result) return null;
    const c = compareFindings(previous.result, a.result);
    const refs = comparisonRefs(c);
    return {
      previous: {
        id: previous.id,
        submittedAt: previous.submittedAt.toISOString(),
        score: previous.overallScore,
        level: previous.level,
        scoringModel: scoringModelOf(previous.result),
      },
      resolved: refs.resolved,
      new: refs.new,
      changed: refs.changed,
      unchanged: refs.unchanged.length,
      dimensions: dimensionProgress(previous.result, a.result, c),
    };
  }

  /** Repair plan and projected exposure of an assessment, as of its submission date (a draft: today). */
  async planOf(a: Assessment, rows?: readonly AssessmentAnswer[]): Promise<Plan> {
    const frozen = a.status === 'submitted' && a.submittedAt ? `${a.id}@${a.submittedAt.toISOString()}` : undefined;
    const known = frozen ? this.submittedPlans.get(frozen) : undefined;
    if (known) return known;
    const plan = await this.computePlan(a, rows);
    if (frozen) {
      if (this.submittedPlans.size >= MAX_REMEMBERED_PLANS)
        this.submittedPlans.delete(this.submittedPlans.keys().next().value as string);
      this.submittedPlans.set(frozen, plan);
    }
    return plan;
  }

  private async computePlan(a: Assessment, rows?: readonly AssessmentAnswer[]): Promise<Plan> {
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    const answers = rowAnswers(
      rows ?? (await this.dataSource.getRepository(AssessmentAnswer).findBy({ assessmentId: a.id })),
    );
    const asOf = asOfMonth(a);
    return {
      asOf,
      repairPlan: repairPlan(catalogue, answers, asOf),
      // A submitted result keeps the model it was scored with, so month 0 of the projection is its stored score.
      projection: projectExposure(catalogue, a.profileSnapshot, answers, asOf, 36, {
        ...(a.result ? { model: scoringModelOf(a.result) } : {}),
      }),
    };
  }

  /** Changes profile fields inside a draft; applicability is re-evaluated from the new snapshot at once. */
  async updateProfile(id: string, user: AuthUser, changes: Partial<FirmProfile>): Promise<AssessmentView> {
    await this.dataSource.transaction(async (m) => {
      const a = await lockDraft(m, id, 'pessimistic_write');
      const next = firmProfileSchema.safeParse({ ...a.profileSnapshot, ...changes });
      if (!next.success) {
        // zod's texts are English; the field is named in the user's words.
        const fields = Object.fromEntries(
          next.error.issues.map((i) => {
            const field = i.path.join('.') || 'profile';
            const label = PROFILE_FIELDS[String(i.path[0]) as keyof typeof PROFILE_FIELDS]?.label;
            const problem = { code: 'validation.invalid' as const, params: { detail: i.message } };
            return [field, label ? { ...problem, label } : problem];
          }),
        );
        throw new InvalidInputError('errors.assessment.invalidProfile', {}, { fields });
      }
      await m.update(Assessment, { id }, { profileSnapshot: next.data });
      await this.audit.record({ actorUserId: user.id, orgId: a.orgId, action: 'assessment.profile', target: id }, m);
    });
    return this.get(id);
  }

  /** Recomputes the score on the server from the stored answers (never the client's) and freezes the assessment. */
  submit(id: string, user: AuthUser): Promise<AssessmentView> {
    return this.submits.run(() => this.submitNow(id, user));
  }

  private async submitNow(id: string, user: AuthUser): Promise<AssessmentView> {
    const submitted = await this.dataSource.transaction(async (m) => {
      const a = await lockDraft(m, id, 'pessimistic_write');
      const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
      const rows = await m.findBy(AssessmentAnswer, { assessmentId: id });
      const now = new Date();
      // Records are evaluated as of the assessment date: the submission.
      const result = score(catalogue, a.profileSnapshot, answerMap(rows), now);
      if (result.unanswered.length > 0) {
        throw new UnprocessableError(
          'errors.assessment.unanswered',
          { count: result.unanswered.length, ids: result.unanswered.join(', ') },
          { details: { unanswered: result.unanswered } },
        );
      }
      // The result is serialised once: for the row and for the remembered copy below.
      const json = JSON.stringify(result);
      const updated = await m
        .createQueryBuilder()
        .update(Assessment)
        .set({
          status: 'submitted',
          submittedAt: now,
          submittedBy: user.id,
          result: () => ':resultJson::jsonb',
          overallScore: result.score,
          level: result.level,
        })
        .setParameter('resultJson', json)
        .where('id = :id', { id })
        .returning('xmin::text AS row_version')
        .execute();
      await this.audit.record(
        {
          actorUserId: user.id,
          orgId: a.orgId,
          action: 'assessment.submit',
          target: id,
          details: { level: result.level, score: result.score },
        },
        m,
      );
      await this.recordForResearch(a, catalogue.version, result, rows, now, m);
      return { rowVersion: (updated.raw as { row_version?: string }[])[0]?.row_version, json };
    });
    // The view reads the result just written: remembered as the plain JSON the database would return.
    if (submitted.rowVersion)
      this.submittedResults.remember(SubmittedResults.key(id, submitted.rowVersion), submitted.json);
    return this.get(id);
  }

  /** Anonymised research copy, in the submit transaction; written only while the firm's research consent is active. */
  private async recordForResearch(
    a: Assessment,
    catalogueVersion: string,
    result: ScoreResult,
    rows: AssessmentAnswer[],
    submittedAt: Date,
    m: EntityManager,
  ): Promise<void> {
    try {
      await this.research.recordSubmission(
        {
          firmId: a.orgId,
          profile: a.profileSnapshot,
          catalogueVersion,
          result,
          answers: answerMap(rows),
          researchAnswers: a.researchAnswers,
          submittedAt,
        },
        m,
      );
    } catch (e) {
      // A misconfigured research key must not stop a firm from submitting its own self-check.
      if (!(e instanceof PseudonymKeyMissingError)) throw e;
      this.logger.error(`Research record skipped for a consenting firm: ${e.message}`);
      await this.audit.record(
        {
          orgId: a.orgId,
          action: 'research.record_skipped',
          target: a.id,
          details: { reason: 'pseudonym key missing' },
        },
        m,
      );
    }
  }

  /** The stored result with the repair plan and projected exposure (as of the submission date). */
  async result(id: string): Promise<ResultView> {
    const a = await this.find(id);
    if (a.status !== 'submitted' || !a.result) throw new ConflictError('errors.assessment.notSubmitted');
    const plan = await this.planOf(a);
    return { ...a.result, repairPlan: plan.repairPlan, projection: plan.projection };
  }

  /** Score change per dimension and findings resolved / new / unchanged between two submitted assessments of one firm. */
  async compare(id: string, otherId: string): Promise<ComparisonView> {
    if (!UUID_RE.test(otherId))
      throw new InvalidInputError('errors.assessment.otherIdUuid', {}, { fields: { otherId: 'validation.uuid' } });
    const a = await this.find(id);
    const b = await this.dataSource.getRepository(Assessment).findOneBy({ id: otherId, orgId: a.orgId });
    if (!b) throw new NotFoundError('errors.assessment.compareNotFound');
    if (!a.result || !b.result) throw new ConflictError('errors.assessment.compareNotSubmitted');
    const [from, to] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
    const fr = from.result as ScoreResult;
    const tr = to.result as ScoreResult;
    const dims = new Map<string, { code: string; from: number | null; to: number | null }>();
    for (const d of fr.dimensions) dims.set(d.dimensionId, { code: d.code, from: d.score, to: null });
    for (const d of tr.dimensions)
      dims.set(d.dimensionId, { code: d.code, from: dims.get(d.dimensionId)?.from ?? null, to: d.score });
    const brief = (x: Assessment) => ({
      id: x.id,
      submittedAt: x.submittedAt?.toISOString() ?? null,
      overallScore: x.overallScore,
      level: x.level,
      catalogueVersion: x.catalogueVersion,
    });
    return {
      from: brief(from),
      to: brief(to),
      dimensions: [...dims].map(([dimensionId, d]) => ({
        dimensionId,
        code: d.code,
        from: d.from,
        to: d.to,
        change: d.from !== null && d.to !== null ? d.to - d.from : null,
      })),
      // The one comparison (issue #16: keyed by question + kind here and by exposure question in the PDF, they
      // disagreed); the PDF's counts are comparisonCounts of the same function.
      findings: comparisonRefs(compareFindings(fr, tr)),
    };
  }

  async find(id: string): Promise<Assessment> {
    const a = await this.withResult(this.withoutResultQuery('a').where('a.id = :id', { id }));
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    return a;
  }

  /** Every column of an assessment but its result, as selections of `alias`. */
  private columnsWithoutResult(alias: string): string[] {
    this.withoutResult ??= this.dataSource
      .getMetadata(Assessment)
      .columns.map((c) => c.propertyName)
      .filter((c) => c !== 'result');
    return this.withoutResult.map((c) => `${alias}.${c}`);
  }

  /** A query of assessments (alias `alias`) with every column but the result, and the row version (`xmin`). */
  private withoutResultQuery(alias: string): SelectQueryBuilder<Assessment> {
    return this.dataSource
      .getRepository(Assessment)
      .createQueryBuilder(alias)
      .select(this.columnsWithoutResult(alias))
      .addSelect(`${alias}.xmin::text`, 'row_version');
  }

  /**
   * The first assessment of `query` (from `withoutResultQuery`) with its stored result: none for a draft (only submit
   * writes a result, in the statement that makes the assessment submitted); a submitted one's from `submittedResults`,
   * keyed by id and row version, so a row changed in any way (another process, SQL) is read again; else read once as
   * text and remembered.
   */
  private async withResult(query: SelectQueryBuilder<Assessment>): Promise<Assessment | null> {
    const { entities, raw } = await query.getRawAndEntities<{ row_version: string }>();
    const a = entities[0];
    if (!a) return null;
    a.result = null;
    if (a.status === 'draft') return a;
    const key = SubmittedResults.key(a.id, raw[0]?.row_version ?? '');
    const known = this.submittedResults.get(key);
    if (known) {
      a.result = known;
      return a;
    }
    const rows: { json: string | null }[] = await this.dataSource.query(
      'SELECT result::text AS json FROM assessment WHERE id = $1',
      [a.id],
    );
    const json = rows[0]?.json;
    if (json) a.result = a.status === 'submitted' ? this.submittedResults.remember(key, json) : JSON.parse(json);
    return a;
  }
}
