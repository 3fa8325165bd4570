import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService, DirectoryService, MailService } from '@scs/api/accounts';
import { APP_CONFIG, type AppConfig, QueueService } from '@scs/api/core';
import { Partner, PartnerCheck } from './partner.entity';
import { firmReminderMail } from './texts';
import { recheckDue } from './views';

export const PARTNER_REMINDER_QUEUE = 'partners.reminders';
/** Every day at 06:00 UTC. */
const CRON = '0 6 * * *';

/**
 * Reminders to the firm (outbox mail, once each): a partner's re-check is due (its latest answer or own "no entry"
 * verification plus its interval, default 12 months), or a check link expired without an answer. A pg-boss schedule
 * runs the sweep daily in one worker.
 */
@Injectable()
export class PartnerRemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PartnerRemindersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.work(PARTNER_REMINDER_QUEUE, () => this.sweep());
      await this.queue.schedule(PARTNER_REMINDER_QUEUE, CRON, {});
    } catch (e) {
      this.logger.error(`Partner reminders not scheduled: ${(e as Error).message}`);
    }
  }

  /** Sends every due reminder; returns how many went out. */
  async sweep(now = new Date()): Promise<{ recheck: number; expired: number }> {
    let expired = 0;
    const lapsed = await this.db.manager
      .createQueryBuilder(PartnerCheck, 'c')
      .where('c.submitted_at IS NULL AND c.revoked_at IS NULL AND c.expiry_reminded_at IS NULL')
      .andWhere('c.expires_at <= :now', { now })
      .getMany();
    for (const c of lapsed) {
      const partner = await this.db.manager.findOne(Partner, { where: { id: c.partnerId, orgId: c.orgId } });
      if (!partner) continue;
      // A newer link for the same partner supersedes this one: no reminder.
      const newer = await this.db.manager
        .createQueryBuilder(PartnerCheck, 'n')
        .where('n.partner_id = :p AND n.sent_at > :at', { p: c.partnerId, at: c.sentAt })
        .getExists();
      await this.db.transaction(async (m) => {
        const claimed = await m.update(
          PartnerCheck,
          { id: c.id, expiryRemindedAt: IsNull() },
          { expiryRemindedAt: now },
        );
        if (!claimed.affected || newer) return;
        for (const to of await this.recipients(c.orgId, c.sentBy))
          await this.mail.enqueue(
            firmReminderMail(to, 'expiredUnanswered', {
              partner: partner.name,
              date: c.expiresAt.toISOString().slice(0, 10),
              link: this.partnerLink(partner),
            }),
            m,
          );
        await this.audit.record(
          { action: 'partner.reminder.expired', orgId: c.orgId, target: `partner_check:${c.id}` },
          m,
        );
        expired++;
      });
    }

    let recheck = 0;
    const partners = await this.db.manager.find(Partner);
    for (const p of partners) {
      const lastAnswer = await this.db.manager
        .createQueryBuilder(PartnerCheck, 'c')
        .select('max(c.submitted_at)', 'at')
        .where('c.partner_id = :id AND c.org_id = :org', { id: p.id, org: p.orgId })
        .getRawOne<{ at: Date | null }>();
      const lastVerified = await this.db.manager
        .createQueryBuilder()
        .select(`to_char(max(v.checked_on), 'YYYY-MM-DD')`, 'on')
        .from('partner_verification', 'v')
        .where(`v.partner_id = :id AND v.org_id = :org AND v.outcome = 'no_entry'`, { id: p.id, org: p.orgId })
        .getRawOne<{ on: string | null }>();
      const due = recheckDue(p, lastAnswer?.at ? new Date(lastAnswer.at) : null, lastVerified?.on ?? null);
      if (!due || due > now || (p.recheckRemindedAt && p.recheckRemindedAt >= due)) continue;
      await this.db.transaction(async (m) => {
        await m.update(Partner, { id: p.id }, { recheckRemindedAt: now });
        for (const to of await this.recipients(p.orgId, null))
          await this.mail.enqueue(
            firmReminderMail(to, 'recheckDue', {
              partner: p.name,
              date: due.toISOString().slice(0, 10),
              link: this.partnerLink(p),
            }),
            m,
          );
        await this.audit.record({ action: 'partner.reminder.recheck', orgId: p.orgId, target: `partner:${p.id}` }, m);
        recheck++;
      });
    }
    return { recheck, expired };
  }

  private partnerLink(p: Partner): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}/partners/${p.id}`;
  }

  /** The user who sent the link if still a member, else the firm's owners and admins. */
  private async recipients(orgId: string, sentBy: string | null): Promise<string[]> {
    const members = await this.directory.members([orgId], ['owner', 'admin', 'member']);
    const sender = sentBy ? members.find((mb) => mb.userId === sentBy) : undefined;
    return sender
      ? [sender.email]
      : members.filter((mb) => mb.role === 'owner' || mb.role === 'admin').map((mb) => mb.email);
  }
}
