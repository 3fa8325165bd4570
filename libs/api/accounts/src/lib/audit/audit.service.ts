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

/** Writes the audit log. Pass the caller's EntityManager to record inside its transaction. */
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
}
