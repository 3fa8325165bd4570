import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { AuditLog } from '../audit/audit-log.entity';
import { MailOutbox } from '../mail/mail-outbox.entity';
import type { AuditEntryView, AuditQuery, OutboxEntry, OutboxQuery } from './dto/admin.dto';

@Injectable()
export class AdminService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  outbox(q: OutboxQuery): Promise<OutboxEntry[]> {
    return this.dataSource.manager.find(MailOutbox, {
      select: {
        id: true,
        to: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
      where: q.status ? { status: q.status } : {},
      order: { createdAt: 'DESC' },
      take: q.limit ?? 50,
    });
  }

  audit(q: AuditQuery): Promise<AuditEntryView[]> {
    return this.dataSource.manager.find(AuditLog, {
      where: {
        ...(q.action ? { action: q.action } : {}),
        ...(q.orgId ? { orgId: q.orgId } : {}),
        ...(q.before ? { id: LessThan(String(q.before)) } : {}),
      },
      order: { id: 'DESC' },
      take: q.limit ?? 100,
    });
  }
}
