import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { researchModuleFor } from '@scs/api/research';
import { ResearchModuleAnswerError, flattenResearchModule } from '@scs/shared/disclosure';
import {
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
import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { toMonth } from '@scs/shared/scoring';
import { answerFields, answerProblem, parseAnswer } from '@scs/shared/answers';
import { Assessment, AssessmentAnswer } from '../assessment.entity';
import { lockDraft } from '../draft-lock';
import type { AnswerConflict, AnswerInputDto, ResearchAnswersView, SaveAnswersResult } from '../dto/assessment.dto';
import { toAnswerView } from './answer-view';

// The write paths of a draft's answers (autosave of one answer, a batch, the research module answers), apart from the
// assessment lifecycle (start, profile, submit, result) in AssessmentsService.

const recordTypeOf = (catalogue: Catalogue, id: string | undefined) =>
  id ? catalogue.recordTypes?.find((t) => t.id === id) : undefined;

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

// A batch against a remembered draft context as one statement (one round trip, no BEGIN/COMMIT): the same upsert, and
// when it did not write every answer of the batch (a stale revision) the final check divides by zero (22012), which
// aborts the statement, so nothing of the batch is written: all or nothing, as in a transaction. No row at all (the
// draft submitted or its context changed) writes nothing either.
const UPSERT_BATCH_OF_KNOWN_DRAFT = `WITH draft AS (SELECT id FROM assessment WHERE id = $1 AND status = 'draft'
   AND catalogue_version = $4 AND profile_snapshot = $5::jsonb FOR SHARE),
 written AS (INSERT INTO ${ANSWER_COLUMNS} SELECT draft.id, i.q, i.o, i.r, i.n, i.b + 1, $3, now() FROM draft, ${ANSWER_ROWS} ${ON_REVISION})
 SELECT question_id, revision FROM written WHERE 1 / ((SELECT count(*) FROM written) = $6::int)::int = 1`;
const DIVISION_BY_ZERO = '22012';

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
export class AnswersService {
  private readonly drafts = new Map<string, DraftContext>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogues: CatalogueService,
  ) {}

  /**
   * Upserts a batch of answers in one statement. Every answer names the revision it was based on; if any answer was
   * changed by someone else in the meantime, nothing is written and 409 lists the current values to keep or replace.
   */
  async saveAnswers(id: string, user: AuthUser, input: AnswerInputDto[]): Promise<SaveAnswersResult> {
    const ids = input.map((a) => a.questionId);
    if (new Set(ids).size !== ids.length) throw new InvalidInputError('errors.answers.duplicate');
    if (input.length === 1) return this.saveOneAnswer(id, user, input[0] as AnswerInputDto);
    const known = this.drafts.get(id);
    if (known && this.validWith(known, input)) {
      const fast = await this.saveBatchOfKnownDraft(id, user, input, known);
      if (fast) return fast;
    }
    this.drafts.delete(id);
    return this.dataSource.transaction(async (m) => {
      const a = await lockDraft(m, id, 'pessimistic_read');
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
      this.rememberDraft(id, a);
      return { saved: saved.map((s) => ({ questionId: s.question_id, revision: s.revision })) };
    });
  }

  /**
   * A batch (the wizard's debounced autosave) against a remembered draft context: one prepared statement that
   * share-locks the draft for the statement, as the full path's transaction does, and writes every answer of the batch
   * or none (UPSERT_BATCH_OF_KNOWN_DRAFT). Unless it wrote every answer (a stale revision, or the draft submitted or
   * changed meanwhile), `undefined` lets the full path decide and word the error: all or nothing either way.
   */
  private async saveBatchOfKnownDraft(
    id: string,
    user: AuthUser,
    input: AnswerInputDto[],
    known: DraftContext,
  ): Promise<SaveAnswersResult | undefined> {
    let rows: { question_id: string; revision: number }[];
    try {
      rows = await this.prepared<{ question_id: string; revision: number }>(
        'scs_autosave_batch_known_draft',
        UPSERT_BATCH_OF_KNOWN_DRAFT,
        [id, answerPayload(input), user.id, known.catalogueVersion, known.snapshotJson, input.length],
      );
    } catch (e) {
      const code =
        (e as { code?: unknown; driverError?: { code?: unknown } }).code ??
        (e as { driverError?: { code?: unknown } }).driverError?.code;
      if (code === DIVISION_BY_ZERO) return undefined; // not every answer written: the statement was aborted
      throw e;
    }
    if (rows.length !== input.length) return undefined;
    return { saved: rows.map((r) => ({ questionId: r.question_id, revision: r.revision })) };
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
  private validWith(known: DraftContext, answers: AnswerInputDto | AnswerInputDto[]): boolean {
    const stored = this.catalogues.cached(known.catalogueVersion);
    if (!stored) return false;
    try {
      this.validateAnswers(stored.catalogue, known.profileSnapshot, Array.isArray(answers) ? answers : [answers]);
      return true;
    } catch {
      return false;
    }
  }

  /** Remembers a draft's context (also for a draft just started, so that its first save takes the fast path). */
  rememberDraft(id: string, a: Pick<Assessment, 'catalogueVersion' | 'profileSnapshot'>): void {
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

  /** The firm's answers to the research module of one assessment (stored on the assessment; {} when none). */
  async researchAnswers(id: string): Promise<ResearchAnswersView> {
    const a = await this.dataSource.getRepository(Assessment).findOne({
      where: { id },
      select: { id: true, catalogueVersion: true, researchAnswers: true },
    });
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    return { catalogueVersion: a.catalogueVersion, answers: a.researchAnswers ?? {} };
  }

  /** Stores the research module answers of a draft after checking them against the module of its catalogue version. */
  async saveResearchAnswers(id: string, answers: Record<string, string | string[]>): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const a = await lockDraft(m, id, 'pessimistic_write');
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
