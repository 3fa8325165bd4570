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
  /** Small, non-secret context (never passwords, tokens or answers). */
  details?: Record<string, unknown> | null;
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
      details: entry.details ?? null,
    };
    await manager.insert(AuditLog, row as QueryDeepPartialEntity<AuditLog>); // jsonb column: TypeORM's deep-partial type cannot express it
  }
}
