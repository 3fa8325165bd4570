import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, ProfileService, missingProfileFields } from '@scs/api/accounts';
import { CatalogueService } from '@scs/api/catalogue';
import { PseudonymKeyMissingError, ResearchRecordsService, researchModuleFor } from '@scs/api/research';
import { ResearchModuleAnswerError, flattenResearchModule } from '@scs/shared/disclosure';
import {
  ResourceOwners,
  UUID_RE,
  type AuthUser,
  ConflictError,
  type FieldProblem,
  InvalidInputError,
  type MessageKey,
  type MessageParams,
  NotFoundError,
  texts,
  UnprocessableError,
} from '@scs/api/core';
import {
  PROFILE_FIELD_NAMES,
  PROFILE_FIELDS,
  diffCatalogues,
  firmProfileSchema,
  isApplicable,
  type Catalogue,
  type FirmProfile,
} from '@scs/shared/catalogue';
import {
  compareResults,
  projectExposure,
  repairPlan,
  score,
  toMonth,
  type ProjectionPoint,
  type RepairPlanItem,
  type ScoreResult,
} from '@scs/shared/scoring';
import { answerFields, answerMap, answerProblem, isAnswered, parseAnswer, type AnswerMap } from '@scs/shared/answers';
import { Assessment, AssessmentAnswer } from './assessment.entity';
import { carryOverAnswers } from './change-impact/carry-over';
import type {
  AnswerConflict,
  AnswerInputDto,
  AnswerView,
  AssessmentSummary,
  AssessmentView,
  ComparisonView,
  SaveAnswersResult,
} from './dto/assessment.dto';

const recordTypeOf = (catalogue: Catalogue, id: string | undefined) =>
  id ? catalogue.recordTypes?.find((t) => t.id === id) : undefined;

/** `GET /assessments/:id/result`: the stored result with the repair plan and the projection. */
export type ResultView = ScoreResult & { repairPlan: RepairPlanItem[]; projection: ProjectionPoint[] };

/** Only the catalogue's profile fields are pinned to an assessment (never the firm name or USCC). */
export function snapshotOf(data: object): FirmProfile {
  const source = data as Record<string, unknown>;
  return Object.fromEntries(
    PROFILE_FIELD_NAMES.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]),
  ) as FirmProfile;
}

/** The row → view mapper of `assessment_answer`; the answer fields themselves are encoded by @scs/shared/answers. */
function toAnswerView(r: AssessmentAnswer & { updatedByName?: string | null }): AnswerView {
  return {
    questionId: r.questionId,
    ...answerFields(parseAnswer(r)),
    note: r.note,
    revision: r.revision,
    updatedBy: r.updatedBy,
    updatedByName: r.updatedByName ?? null,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
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

/** The answers of a batch as one JSON parameter: question, option, note, the revision the client based it on. */
function answerPayload(input: readonly AnswerInputDto[]): string {
  return JSON.stringify(
    input.map((x) => {
      const fields = answerFields(parseAnswer(x));
      return {
        q: x.questionId,
        o: fields.optionId,
        r: fields.records ?? null,
        n: x.note?.trim() ? x.note : null,
        b: x.baseRevision,
      };
    }),
  );
}

/** Answers as the scoring takes them; `records` is the only field beyond option and note. */
const rowAnswers = (rows: readonly AssessmentAnswer[]): AnswerMap => answerMap(rows);

/** The month records are evaluated as of: the submission date of a submitted assessment, else today. */
const asOfMonth = (a: Assessment): string => toMonth(a.submittedAt ?? new Date());

const ANSWER_COLUMNS =
  'assessment_answer (assessment_id, question_id, option_id, records, note, revision, updated_by, updated_at)';
const ANSWER_ROWS = 'jsonb_to_recordset($2::jsonb) AS i(q text, o text, r jsonb, n text, b int)';
// Updates an existing answer only where the stored revision is the one the client based its change on.
const ON_REVISION = `ON CONFLICT ON CONSTRAINT "PK_assessment_answer" DO UPDATE
     SET option_id = EXCLUDED.option_id, records = EXCLUDED.records, note = EXCLUDED.note, revision = assessment_answer.revision + 1,
         updated_by = EXCLUDED.updated_by, updated_at = now()
     WHERE assessment_answer.revision = EXCLUDED.revision - 1
   RETURNING question_id, revision`;

// Inserts new answers (base revision 0) and updates existing ones on their base revision (inside a transaction).
const UPSERT_ANSWERS = `INSERT INTO ${ANSWER_COLUMNS} SELECT $1, i.q, i.o, i.r, i.n, i.b + 1, $3, now() FROM ${ANSWER_ROWS} ${ON_REVISION}`;

// The same as one statement that also requires the assessment to be a draft (share-locked for the statement).
const UPSERT_ANSWER_OF_DRAFT = `WITH draft AS (SELECT id FROM assessment WHERE id = $1 AND status = 'draft' FOR SHARE)
 INSERT INTO ${ANSWER_COLUMNS} SELECT draft.id, i.q, i.o, i.r, i.n, i.b + 1, $3, now() FROM draft, ${ANSWER_ROWS} ${ON_REVISION}`;

// The autosave of one answer when the draft's catalogue version and profile snapshot are remembered: the same
// statement, written only while the draft still has exactly the context the answer was validated against.
const UPSERT_ANSWER_OF_KNOWN_DRAFT = `WITH draft AS (SELECT id FROM assessment WHERE id = $1 AND status = 'draft'
   AND catalogue_version = $4 AND profile_snapshot = $5::jsonb FOR SHARE)
 INSERT INTO ${ANSWER_COLUMNS} SELECT draft.id, i.q, i.o, i.r, i.n, i.b + 1, $3, now() FROM draft, ${ANSWER_ROWS} ${ON_REVISION}`;

/** What validating an answer needs of its draft (catalogue version and profile snapshot), remembered per process. */
interface DraftContext {
  catalogueVersion: string;
  profileSnapshot: FirmProfile;
  /** The snapshot as JSON, compared with the stored one (jsonb equality) by the write. */
  snapshotJson: string;
}
/** About 1 kB each; the oldest goes first. */
const DRAFT_CONTEXTS_MAX = 20_000;

/** Questions by id, per catalogue object (catalogues are immutable once loaded). */
const questionIndex = new WeakMap<Catalogue, Map<string, Catalogue['questions'][number]>>();
function questionsById(catalogue: Catalogue): Map<string, Catalogue['questions'][number]> {
  let index = questionIndex.get(catalogue);
  if (!index) {
    index = new Map(catalogue.questions.map((q) => [q.id, q]));
    questionIndex.set(catalogue, index);
  }
  return index;
}

@Injectable()
export class AssessmentsService implements OnModuleInit {
  private readonly logger = new Logger(AssessmentsService.name);
  private readonly drafts = new Map<string, DraftContext>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogues: CatalogueService,
    private readonly profiles: ProfileService,
    private readonly owners: ResourceOwners,
    private readonly audit: AuditService,
    private readonly research: ResearchRecordsService,
  ) {}

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
    const id = await this.dataSource.transaction(async (m) => {
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
      return created.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<AssessmentView> {
    const a = await this.find(id);
    const answers: (AssessmentAnswer & { updatedByName: string | null })[] = await this.dataSource.query(
      `SELECT x.question_id AS "questionId", x.option_id AS "optionId", x.records, x.note, x.revision, x.updated_by AS "updatedBy",
              x.updated_at AS "updatedAt", u.name AS "updatedByName"
         FROM assessment_answer x LEFT JOIN user_account u ON u.id = x.updated_by
        WHERE x.assessment_id = $1 ORDER BY x.question_id`,
      [id],
    );
    const views = answers.map(toAnswerView);
    const plan = a.status === 'submitted' && a.result ? await this.planOf(a, answers) : undefined;
    return {
      ...summaryOf(a, views.filter(isAnswered).length),
      orgId: a.orgId,
      profile: a.profileSnapshot,
      answers: views,
      changedQuestions: a.changedQuestions,
      result: a.result,
      ...(plan ? { repairPlan: plan.repairPlan, projection: plan.projection } : {}),
    };
  }

  /** Repair plan and projected exposure of an assessment, as of its submission date (a draft: today). */
  async planOf(
    a: Assessment,
    rows?: readonly AssessmentAnswer[],
  ): Promise<{ asOf: string; repairPlan: RepairPlanItem[]; projection: ProjectionPoint[] }> {
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    const answers = rowAnswers(
      rows ?? (await this.dataSource.getRepository(AssessmentAnswer).findBy({ assessmentId: a.id })),
    );
    const asOf = asOfMonth(a);
    return {
      asOf,
      repairPlan: repairPlan(catalogue, answers, asOf),
      projection: projectExposure(catalogue, a.profileSnapshot, answers, asOf),
    };
  }

  /**
   * Upserts a batch of answers in one statement. Every answer names the revision it was based on; if any answer was
   * changed by someone else in the meantime, nothing is written and 409 lists the current values to keep or replace.
   */
  async saveAnswers(id: string, user: AuthUser, input: AnswerInputDto[]): Promise<SaveAnswersResult> {
    const ids = input.map((a) => a.questionId);
    if (new Set(ids).size !== ids.length) throw new InvalidInputError('errors.answers.duplicate');
    if (input.length === 1) return this.saveOneAnswer(id, user, input[0] as AnswerInputDto);
    return this.dataSource.transaction(async (m) => {
      const a = await this.lockDraft(m, id, 'pessimistic_read');
      const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
      this.validateAnswers(catalogue, a.profileSnapshot, input);
      const saved: { question_id: string; revision: number }[] = await m.query(UPSERT_ANSWERS, [
        id,
        answerPayload(input),
        user.id,
      ]);
      if (saved.length !== input.length) {
        const ok = new Set(saved.map((s) => s.question_id));
        // Raising inside the transaction rolls the whole batch back: nothing is half-saved.
        throw await this.conflict(
          m,
          id,
          input.filter((x) => !ok.has(x.questionId)),
        );
      }
      return { saved: saved.map((s) => ({ questionId: s.question_id, revision: s.revision })) };
    });
  }

  /**
   * The autosave of one answer (the common case). Usually one round trip: the draft's catalogue version and profile
   * snapshot are remembered from an earlier save, the answer is validated against them, and one statement writes it
   * only while the assessment is still a draft with exactly that context (share-locked for the statement, so a
   * concurrent submit waits or wins) and only on the expected revision. When that statement writes nothing (stale
   * revision, submitted, or the profile or catalogue changed, also by another process), or nothing is remembered yet:
   * read the draft, validate, and write with the plain draft check, as before.
   */
  private async saveOneAnswer(id: string, user: AuthUser, answer: AnswerInputDto): Promise<SaveAnswersResult> {
    const m = this.dataSource.manager;
    const payload = answerPayload([answer]);
    const known = this.drafts.get(id);
    if (known && this.validWith(known, answer)) {
      const row = (
        await this.prepared<{ question_id: string; revision: number }>(
          'scs_autosave_known_draft',
          UPSERT_ANSWER_OF_KNOWN_DRAFT,
          [id, payload, user.id, known.catalogueVersion, known.snapshotJson],
        )
      )[0];
      if (row) return { saved: [{ questionId: row.question_id, revision: row.revision }] };
    }
    this.drafts.delete(id);
    const a = await m.findOne(Assessment, { where: { id } });
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    if (a.status !== 'draft') throw new ConflictError('errors.assessment.readOnly');
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    this.validateAnswers(catalogue, a.profileSnapshot, [answer]);
    const saved: { question_id: string; revision: number }[] = await m.query(UPSERT_ANSWER_OF_DRAFT, [
      id,
      payload,
      user.id,
    ]);
    const row = saved[0];
    if (row) {
      this.rememberDraft(id, a);
      return { saved: [{ questionId: row.question_id, revision: row.revision }] };
    }
    const now = await m.findOne(Assessment, { select: { id: true, status: true }, where: { id } });
    if (!now) throw new NotFoundError('errors.assessment.notFound');
    if (now.status !== 'draft') throw new ConflictError('errors.assessment.readOnly');
    throw await this.conflict(m, id, [answer]);
  }

  /**
   * Runs the hottest statement as a named prepared statement on the TypeORM pool's connections: PostgreSQL then parses
   * and plans it once per connection instead of on every save (its CPU per save fell from about 0.4 to 0.23 ms, on the
   * same 2 cores as the API; docs/performance.md). Falls back to an unnamed query when the pool is not pg's. (Behind a
   * connection pooler in transaction mode, named statements need PgBouncer ≥ 1.21 with max_prepared_statements.)
   */
  private async prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const master: unknown = (this.dataSource.driver as { master?: unknown }).master;
    if (master instanceof Pool) return (await master.query<T & object>({ name, text, values })).rows;
    return this.dataSource.query(text, values);
  }

  /**
   * Whether `answer` passes validation against a remembered context. Any refusal means "let the full path decide": it
   * validates against the stored draft again and words the error (the remembered context may be out of date).
   */
  private validWith(known: DraftContext, answer: AnswerInputDto): boolean {
    const stored = this.catalogues.cached(known.catalogueVersion);
    if (!stored) return false;
    try {
      this.validateAnswers(stored.catalogue, known.profileSnapshot, [answer]);
      return true;
    } catch {
      return false;
    }
  }

  private rememberDraft(id: string, a: Assessment): void {
    if (this.drafts.size >= DRAFT_CONTEXTS_MAX) this.drafts.delete(this.drafts.keys().next().value as string);
    this.drafts.set(id, {
      catalogueVersion: a.catalogueVersion,
      profileSnapshot: a.profileSnapshot,
      snapshotJson: JSON.stringify(a.profileSnapshot),
    });
  }

  /** 409 listing the current values of the answers someone else changed in the meantime. */
  private async conflict(m: EntityManager, id: string, stale: AnswerInputDto[]): Promise<ConflictError> {
    const current = await m.findBy(
      AssessmentAnswer,
      stale.map((x) => ({ assessmentId: id, questionId: x.questionId })),
    );
    const byId = new Map(current.map((c) => [c.questionId, c]));
    const conflicts: AnswerConflict[] = stale.map((x) => {
      const c = byId.get(x.questionId);
      return { questionId: x.questionId, yourBaseRevision: x.baseRevision, current: c ? toAnswerView(c) : null };
    });
    return new ConflictError('errors.answers.changedMeanwhile', {}, { details: { conflicts } });
  }

  /** Changes profile fields inside a draft; applicability is re-evaluated from the new snapshot at once. */
  async updateProfile(id: string, user: AuthUser, changes: Partial<FirmProfile>): Promise<AssessmentView> {
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockDraft(m, id, 'pessimistic_write');
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

  /** Stores the research module answers of a draft after checking them against the module of its catalogue version. */
  async saveResearchAnswers(id: string, answers: Record<string, string | string[]>): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockDraft(m, id, 'pessimistic_write');
      const module = researchModuleFor(a.catalogueVersion);
      if (!module) throw new UnprocessableError('errors.research.noModule', { version: a.catalogueVersion });
      try {
        flattenResearchModule(module, answers);
      } catch (e) {
        if (!(e instanceof ResearchModuleAnswerError)) throw e;
        const fields = Object.fromEntries(
          e.problems.map((p) => [
            p.split(':')[0] ?? 'answers',
            { code: 'validation.invalid' as const, params: { detail: p } },
          ]),
        );
        throw new InvalidInputError('errors.research.invalidAnswers', {}, { fields });
      }
      await m.update(Assessment, { id }, { researchAnswers: answers });
    });
  }

  /** Recomputes the score on the server from the stored answers (never the client's) and freezes the assessment. */
  async submit(id: string, user: AuthUser): Promise<AssessmentView> {
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockDraft(m, id, 'pessimistic_write');
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
      await m.update(
        Assessment,
        { id },
        {
          status: 'submitted',
          submittedAt: now,
          submittedBy: user.id,
          result,
          overallScore: result.score,
          level: result.level,
        },
      );
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
    });
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
      ...compareResults(from.result as ScoreResult, to.result as ScoreResult),
    };
  }

  async find(id: string): Promise<Assessment> {
    const a = await this.dataSource.getRepository(Assessment).findOneBy({ id });
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    return a;
  }

  private async lockDraft(
    m: EntityManager,
    id: string,
    mode: 'pessimistic_read' | 'pessimistic_write',
  ): Promise<Assessment> {
    const a = await m.findOne(Assessment, { where: { id }, lock: { mode } });
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    if (a.status !== 'draft') throw new ConflictError('errors.assessment.readOnly');
    return a;
  }

  private validateAnswers(catalogue: Catalogue, profile: FirmProfile, input: AnswerInputDto[]): void {
    const questions = questionsById(catalogue);
    const problems: Record<string, FieldProblem> = {};
    const add = (id: string, code: MessageKey, params: MessageParams = {}) => {
      problems[id] = { code, params, label: texts('field.question', { id }) };
    };
    for (const x of input) {
      const q = questions.get(x.questionId);
      if (!q) add(x.questionId, 'errors.answers.notInCatalogue', { version: catalogue.version });
      else if (q.applicability && !isApplicable(q.applicability, profile))
        add(x.questionId, 'errors.answers.notApplicable');
      else {
        if (x.records != null && x.optionId != null) {
          add(x.questionId, 'errors.answers.optionAndRecords');
          continue;
        }
        const value = parseAnswer(x);
        const problem = value && answerProblem(q, value, recordTypeOf(catalogue, q.record), toMonth(new Date()));
        if (!problem) continue;
        switch (problem.kind) {
          case 'noDontKnow':
            add(x.questionId, 'errors.answers.noDontKnow');
            break;
          case 'noSuchOption':
            add(x.questionId, 'errors.answers.noSuchOption', { option: problem.optionId });
            break;
          case 'noRecords':
            add(x.questionId, 'errors.answers.noRecords');
            break;
          case 'tooManyRecords':
            add(x.questionId, 'errors.answers.tooManyRecords', { max: problem.max, count: problem.count });
            break;
          case 'badRecord':
            add(x.questionId, 'errors.answers.badRecord', { field: problem.field, detail: problem.message });
            break;
        }
      }
    }
    if (Object.keys(problems).length) throw new InvalidInputError('errors.answers.invalid', {}, { fields: problems });
  }
}
