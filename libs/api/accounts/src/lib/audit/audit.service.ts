import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  /** What happened, as `area.verb` (e.g. `auth.login`, `member.removed`). */
  action: string;
  actorUserId?: string | null;
  orgId?: string | null;
  /** The object acted on, e.g. `user:<id>` or `invitation:<id>`. */
  target?: string | null;
  ip?: string | null;
  /** Small, non-secret context (never passwords, tokens, answers, scores or levels: result keys are dropped). */
  details?: Record<string, unknown> | null;
}

// Operators need to know what happened, not a firm's results: these keys never reach the log (issue 15).
const RESULT_KEYS = /^(score|scores|level|levels|overall|dimensionScores|result)$/i;

function minimised(details: Record<string, unknown>): Record<string, unknown> | null {
  const kept = Object.entries(details).filter(([k]) => !RESULT_KEYS.test(k));
  return kept.length ? Object.fromEntries(kept) : null;
}

/** Writes the audit log (and answers whether an entry exists). Pass the caller's EntityManager to work inside its transaction. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const row: Omit<AuditLog, 'id' | 'at'> = {
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      orgId: entry.orgId ?? null,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      details: entry.details ? minimised(entry.details) : null,
    };
    await manager.insert(AuditLog, row as QueryDeepPartialEntity<AuditLog>); // jsonb column: TypeORM's deep-partial type cannot express it
  }

  /**
   * The organisations among `orgIds` with an entry of `action` whose details hold `detail` (one key, its text value):
   * e.g. the firms already told about a catalogue version.
   */
  async orgsWith(
    action: string,
    detail: [key: string, value: string],
    orgIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const unique = [...new Set(orgIds)];
    if (!unique.length) return new Set();
    const rows: { orgId: string }[] = await manager.query(
      `SELECT DISTINCT "org_id" AS "orgId" FROM "audit_log" WHERE "action" = $1 AND "details"->>$2 = $3 AND "org_id" = ANY($4::uuid[])`,
      [action, detail[0], detail[1], unique],
    );
    return new Set(rows.map((r) => r.orgId));
  }
}
