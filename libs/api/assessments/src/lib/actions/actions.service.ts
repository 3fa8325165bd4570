import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ResourceOwners, UUID_RE, type AuthUser, InvalidInputError, NotFoundError } from '@scs/api/core';
import { Action } from './action.entity';
import type { ActionView, CreateActionDto, ListActionsQuery, UpdateActionDto } from './action.dto';
import type { RepairPlanItem } from '@scs/shared/scoring';
import type { RepairActionsResult } from '@scs/shared/contracts';

const today = () => new Date().toISOString().slice(0, 10);

@Injectable()
export class ActionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly owners: ResourceOwners,
  ) {}

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
    const rows = await this.dataSource.query(
      `SELECT a.*, u.name AS owner_name FROM action a LEFT JOIN user_account u ON u.id = a.owner_user_id
        WHERE ${where} ORDER BY (a.status = 'done'), a.due_date NULLS LAST, a.created_at`,
      params,
    );
    return (rows as Record<string, unknown>[]).map(toView);
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
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.*, u.name AS owner_name FROM action a LEFT JOIN user_account u ON u.id = a.owner_user_id
        WHERE a.org_id = $1 AND a.source_key = ANY($2::text[]) ORDER BY a.due_date, a.source_key`,
      [orgId, wanted.map((w) => w.key)],
    );
    const views = rows.map(toView);
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
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT a.*, u.name AS owner_name FROM action a LEFT JOIN user_account u ON u.id = a.owner_user_id WHERE a.id = $1',
      [id],
    );
    if (!rows[0]) throw new NotFoundError('errors.actions.notFound');
    return toView(rows[0]);
  }

  private async assertMember(orgId: string, userId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM membership WHERE org_id = $1 AND user_id = $2', [
      orgId,
      userId,
    ]);
    if (!rows.length)
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

function toView(r: Record<string, unknown>): ActionView {
  const due = dateOnly(r['due_date']);
  const status = r['status'] as ActionView['status'];
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
    createdAt: new Date(r['created_at'] as string).toISOString(),
    updatedAt: new Date(r['updated_at'] as string).toISOString(),
  };
}
