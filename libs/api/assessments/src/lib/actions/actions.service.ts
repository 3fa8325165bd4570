import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DirectoryService, MembershipsService } from '@scs/api/accounts';
import { ConflictError, ResourceOwners, UUID_RE, type AuthUser, InvalidInputError, NotFoundError } from '@scs/api/core';
import { Action } from './action.entity';
import type { ActionView, CreateActionDto, ListActionsQuery, UpdateActionDto } from './action.dto';
import { compareFindings, type RepairPlanItem, type ScoreResult } from '@scs/shared/scoring';
import type { RepairActionsResult } from '@scs/shared/contracts';

const today = () => new Date().toISOString().slice(0, 10);

// Every action row is read with the assessment that closed it (if any): "resolved by the assessment of <date>"; the
// owner's name comes from accounts (actionRows).
const SELECT_ACTION = `SELECT a.*, r.submitted_at AS resolved_by_submitted_at
    FROM action a LEFT JOIN assessment r ON r.id = a.resolved_by_assessment_id`;

interface SubmittedResult {
  id: string;
  submittedAt: Date;
  result: ScoreResult;
}

/** What a re-assessment resolved, per open action: the latest submitted assessment and the action ids it resolves. */
interface Offers {
  latest: SubmittedResult | null;
  resolves: Set<string>;
}

@Injectable()
export class ActionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly owners: ResourceOwners,
    private readonly directory: DirectoryService,
    private readonly memberships: MembershipsService,
  ) {}

  /** Action rows (a SELECT_ACTION query) with their owner's name (`owner_name`) from accounts. */
  private async actionRows(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, params);
    const names = await this.directory.userNames(rows.map((r) => (r['owner_user_id'] as string | null) ?? null));
    return rows.map((r) => ({ ...r, owner_name: names.get(r['owner_user_id'] as string) ?? null }));
  }

  onModuleInit(): void {
    this.owners.register('action', async (id) => {
      if (!UUID_RE.test(id)) return null;
      const rows: { org_id: string }[] = await this.dataSource.query('SELECT org_id FROM action WHERE id = $1', [id]);
      return rows[0]?.org_id ?? null;
    });
  }

  async list(orgId: string, q: ListActionsQuery): Promise<ActionView[]> {
    const params: unknown[] = [orgId];
    let where = 'a.org_id = $1';
    if (q.status) where += ` AND a.status = $${params.push(q.status)}`;
    if (q.overdue) where += ` AND a.status <> 'done' AND a.due_date < $${params.push(today())}`;
    const rows: Record<string, unknown>[] = await this.actionRows(
      `${SELECT_ACTION} WHERE ${where} ORDER BY (a.status = 'done'), a.due_date NULLS LAST, a.created_at`,
      params,
    );
    const offers = await this.offers(orgId, rows);
    return rows.map((r) => toView(r, offers));
  }

  /**
   * Which open actions the firm's latest submitted assessment resolved. An action's finding counts as resolved when
   * `compareFindings` (the comparison the result page and the PDF use) lists its question as resolved between the
   * assessment the action came from (or, for an action without one, the assessment before the latest) and the latest.
   */
  private async offers(orgId: string, rows: readonly Record<string, unknown>[]): Promise<Offers> {
    const open = rows.filter((r) => r['status'] !== 'done' && r['question_id']);
    if (!open.length) return { latest: null, resolves: new Set() };
    const submitted: { id: string; submittedAt: Date }[] = await this.dataSource.query(
      `SELECT id, submitted_at AS "submittedAt" FROM assessment
        WHERE org_id = $1 AND status = 'submitted' ORDER BY submitted_at DESC`,
      [orgId],
    );
    const [latestRow, previousRow] = submitted;
    if (!latestRow) return { latest: null, resolves: new Set() };
    // The baseline of each action: its own assessment if submitted before the latest, else the one before the latest.
    const baselineOf = new Map<string, string>();
    for (const r of open) {
      const own = submitted.find((x) => x.id === r['assessment_id']);
      const created = new Date(r['created_at'] as string);
      if (own && own.id !== latestRow.id) baselineOf.set(r['id'] as string, own.id);
      else if (!r['assessment_id'] && previousRow && created < latestRow.submittedAt)
        baselineOf.set(r['id'] as string, previousRow.id);
    }
    const ids = [...new Set([latestRow.id, ...baselineOf.values()])];
    const results: { id: string; result: ScoreResult }[] = await this.dataSource.query(
      'SELECT id, result FROM assessment WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const resultOf = new Map(results.map((x) => [x.id, x.result]));
    const latest = resultOf.get(latestRow.id);
    if (!latest) return { latest: null, resolves: new Set() };
    const resolvedByBaseline = new Map<string, Set<string>>();
    const resolves = new Set<string>();
    for (const r of open) {
      const baseline = baselineOf.get(r['id'] as string);
      const before = baseline ? resultOf.get(baseline) : undefined;
      if (!baseline || !before) continue;
      let resolved = resolvedByBaseline.get(baseline);
      if (!resolved) {
        resolved = new Set(compareFindings(before, latest).resolved.map((f) => f.questionId));
        resolvedByBaseline.set(baseline, resolved);
      }
      if (resolved.has(r['question_id'] as string)) resolves.add(r['id'] as string);
    }
    return { latest: { id: latestRow.id, submittedAt: new Date(latestRow.submittedAt), result: latest }, resolves };
  }

  /**
   * Closes an action as resolved by the latest assessment (one click on the offer). Idempotent: an action already
   * closed by that assessment is returned unchanged. 409 when the latest assessment did not resolve its finding.
   */
  async closeResolved(id: string): Promise<ActionView> {
    const [row]: Record<string, unknown>[] = await this.actionRows(`${SELECT_ACTION} WHERE a.id = $1`, [id]);
    if (!row) throw new NotFoundError('errors.actions.notFound');
    if (!row['question_id']) throw new ConflictError('errors.actions.noQuestion');
    if (row['status'] === 'done' && row['resolved_by_assessment_id']) return toView(row);
    const offers = await this.offers(row['org_id'] as string, [row]);
    if (!offers.latest || !offers.resolves.has(id)) throw new ConflictError('errors.actions.notResolved');
    await this.dataSource.query(
      `UPDATE action SET status = 'done', resolved_by_assessment_id = $2, updated_at = now()
        WHERE id = $1 AND resolved_by_assessment_id IS NULL`,
      [id, offers.latest.id],
    );
    return this.get(id);
  }

  async create(orgId: string, user: AuthUser, dto: CreateActionDto): Promise<ActionView> {
    if (dto.ownerUserId) await this.assertMember(orgId, dto.ownerUserId);
    if (dto.assessmentId) {
      const found: unknown[] = await this.dataSource.query('SELECT 1 FROM assessment WHERE id = $1 AND org_id = $2', [
        dto.assessmentId,
        orgId,
      ]);
      if (!found.length)
        throw new InvalidInputError(
          'errors.actions.assessmentOfOtherFirm',
          {},
          { fields: { assessmentId: 'errors.actions.notAnAssessmentOfFirm' } },
        );
    }
    const saved = await this.dataSource.getRepository(Action).save({
      orgId,
      title: dto.title.trim(),
      questionId: dto.questionId ?? null,
      optionId: dto.optionId ?? null,
      assessmentId: dto.assessmentId ?? null,
      ownerUserId: dto.ownerUserId ?? null,
      dueDate: dto.dueDate ?? null,
      status: dto.status ?? 'open',
      note: dto.note ?? null,
      createdBy: user.id,
    });
    return this.get(saved.id);
  }

  /**
   * Dated actions from a credit-repair plan: one per record with an action month, due on the first of that month.
   * Idempotent: each action has a source key (`repair:<assessment>:<question>:<record index>`), unique per firm, so a
   * second call creates nothing and returns the existing ones.
   */
  async createFromRepairPlan(
    orgId: string,
    assessmentId: string,
    user: AuthUser,
    plan: readonly RepairPlanItem[],
  ): Promise<RepairActionsResult> {
    const wanted = plan
      .filter((i) => i.actionMonth !== null)
      .map((i) => ({
        key: `repair:${assessmentId}:${i.questionId}:${i.recordIndex}`,
        title:
          `Credit repair ${i.questionId}: ${i.recordTypeLabel.en} (${i.tier === 'none' ? 'decided' : `${i.tier}, decided`} ${i.decided})`.slice(
            0,
            200,
          ),
        questionId: i.questionId,
        dueDate: `${i.actionMonth}-01`,
        note: `Channel: ${i.channel.text.en}. Documents: ${i.documents.map((d) => d.en).join('; ')}.`.slice(0, 2000),
      }));
    if (!wanted.length) return { created: [], existing: [] };
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO action (org_id, assessment_id, question_id, title, due_date, status, note, created_by, source_key)
       SELECT $1, $2, w.q, w.t, w.d::date, 'open', w.n, $3, w.k FROM jsonb_to_recordset($4::jsonb) AS w(k text, t text, q text, d text, n text)
       ON CONFLICT (org_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        orgId,
        assessmentId,
        user.id,
        JSON.stringify(wanted.map((w) => ({ k: w.key, t: w.title, q: w.questionId, d: w.dueDate, n: w.note }))),
      ],
    );
    const createdIds = new Set(inserted.map((r) => r.id));
    const rows: Record<string, unknown>[] = await this.actionRows(
      `${SELECT_ACTION} WHERE a.org_id = $1 AND a.source_key = ANY($2::text[]) ORDER BY a.due_date, a.source_key`,
      [orgId, wanted.map((w) => w.key)],
    );
    const views = rows.map((r) => toView(r));
    return { created: views.filter((v) => createdIds.has(v.id)), existing: views.filter((v) => !createdIds.has(v.id)) };
  }

  async update(id: string, dto: UpdateActionDto): Promise<ActionView> {
    const action = await this.dataSource.getRepository(Action).findOneBy({ id });
    if (!action) throw new NotFoundError('errors.actions.notFound');
    if (dto.ownerUserId) await this.assertMember(action.orgId, dto.ownerUserId);
    const patch: Partial<Action> = {};
    if (dto.title !== undefined) patch.title = dto.title.trim();
    if (dto.ownerUserId !== undefined) patch.ownerUserId = dto.ownerUserId;
    if (dto.dueDate !== undefined) patch.dueDate = dto.dueDate;
    if (dto.status !== undefined) patch.status = dto.status;
    if (dto.note !== undefined) patch.note = dto.note;
    if (Object.keys(patch).length) await this.dataSource.getRepository(Action).update({ id }, patch);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.getRepository(Action).delete({ id });
  }

  async get(id: string): Promise<ActionView> {
    const rows: Record<string, unknown>[] = await this.actionRows(`${SELECT_ACTION} WHERE a.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('errors.actions.notFound');
    const offers = await this.offers(rows[0]['org_id'] as string, rows);
    return toView(rows[0], offers);
  }

  private async assertMember(orgId: string, userId: string): Promise<void> {
    if (!(await this.memberships.roleIn(userId, orgId)))
      throw new InvalidInputError(
        'errors.actions.ownerNotMember',
        {},
        { fields: { ownerUserId: 'errors.actions.notAMember' } },
      );
  }
}

function dateOnly(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date)
    return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  return String(v).slice(0, 10);
}

function toView(r: Record<string, unknown>, offers?: Offers): ActionView {
  const due = dateOnly(r['due_date']);
  const status = r['status'] as ActionView['status'];
  const resolvedAt = r['resolved_by_submitted_at'];
  return {
    id: r['id'] as string,
    title: r['title'] as string,
    questionId: (r['question_id'] as string | null) ?? null,
    optionId: (r['option_id'] as string | null) ?? null,
    assessmentId: (r['assessment_id'] as string | null) ?? null,
    ownerUserId: (r['owner_user_id'] as string | null) ?? null,
    ownerName: (r['owner_name'] as string | null) ?? null,
    dueDate: due,
    status,
    note: (r['note'] as string | null) ?? null,
    overdue: status !== 'done' && due !== null && due < today(),
    resolvedBy:
      offers?.latest && offers.resolves.has(r['id'] as string)
        ? { assessmentId: offers.latest.id, submittedAt: offers.latest.submittedAt.toISOString() }
        : null,
    closedByAssessment:
      status === 'done' && resolvedAt
        ? {
            assessmentId: (r['resolved_by_assessment_id'] as string | null) ?? null,
            submittedAt: new Date(resolvedAt as string).toISOString(),
          }
        : null,
    createdAt: new Date(r['created_at'] as string).toISOString(),
    updatedAt: new Date(r['updated_at'] as string).toISOString(),
  };
}
