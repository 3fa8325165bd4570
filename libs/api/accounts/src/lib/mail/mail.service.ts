import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { MailOutbox, type MailStatus } from './mail-outbox.entity';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

const POLL_INTERVAL_MS = 2000;
const BATCH_SIZE = 20;
const MAX_ATTEMPTS = 5;

/** True for an SMTP answer in the 5xx range (e.g. 550 mailbox unknown): the server refuses for good. */
export function isPermanentFailure(e: unknown): boolean {
  const code = (e as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Transactional mail outbox. `enqueue` writes a row (inside the caller's transaction when given its EntityManager,
 * so a rolled-back change sends nothing); a poller in the worker role sends pending rows. Without SMTP settings the
 * rows are marked `not_sent`, which platform admins see in GET /api/admin/outbox.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  /** The latest queued run; each flush() runs after the previous one, so it sees every mail committed before it. */
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(mail: OutgoingMail, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const result = await manager.insert(MailOutbox, {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Queues many mails in one statement; the outbox id per mail, in the order given. */
  async enqueueMany(
    mails: readonly OutgoingMail[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (!mails.length) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO "mail_outbox" ("to", "subject", "text", "html")
       SELECT t."to", t."subject", t."text", t."html"
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t("to", "subject", "text", "html", "n")
        ORDER BY t."n" RETURNING "id"`,
      [mails.map((x) => x.to), mails.map((x) => x.subject), mails.map((x) => x.text), mails.map((x) => x.html ?? null)],
    );
    return rows.map((r) => r.id);
  }

  /** Where these mails stand (status and, once failed, the last error), by outbox id; unknown ids are missing. */
  async deliveries(
    ids: readonly (string | null)[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { status: MailStatus; lastError: string | null }>> {
    const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (!unique.length) return new Map();
    const rows: { id: string; status: MailStatus; lastError: string | null }[] = await manager.query(
      `SELECT "id", "status", "last_error" AS "lastError" FROM "mail_outbox" WHERE "id" = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { status: r.status, lastError: r.lastError }]));
  }

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return; // the worker role sends
    this.timer = setInterval(() => {
      if (this.pending === 0)
        void this.flush().catch((e: Error) => this.logger.error(`Mail poller failed: ${e.message}`));
    }, POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.tail;
    this.transport?.close();
  }

  /**
   * Sends (or marks) every due pending mail now — including every mail committed before this call, even while a
   * poller run is under way; returns how many rows it processed. Safe across replicas (rows are locked, skip locked).
   */
  flush(): Promise<number> {
    this.pending++;
    const run = this.tail.then(() => this.processDue());
    this.tail = run.then(
      () => this.pending--,
      () => this.pending--, // the caller sees the error; the queue goes on
    );
    return run;
  }

  private async processDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        const due: MailOutbox[] = await m
          .createQueryBuilder(MailOutbox, 'o')
          .where(`o.status = 'pending'`)
          .andWhere('o.next_attempt_at <= now()')
          .orderBy('o.created_at', 'ASC')
          .limit(BATCH_SIZE)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const mail of due) await this.deliver(mail, m);
        return due.length;
      });
      total += n;
      if (n < BATCH_SIZE) return total;
    }
  }

  private async deliver(mail: MailOutbox, m: EntityManager): Promise<void> {
    if (!this.config.smtpUrl) {
      this.logger.warn(`mail not sent (no SMTP configured): outbox id ${mail.id}`);
      await m.update(MailOutbox, { id: mail.id }, { status: 'not_sent', lastError: 'No SMTP configured (SMTP_URL)' });
      return;
    }
    this.transport ??= createTransport(this.config.smtpUrl);
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
      });
      await m.update(
        MailOutbox,
        { id: mail.id },
        { status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null },
      );
    } catch (e) {
      const attempts = mail.attempts + 1;
      const message = (e as Error).message.slice(0, 500);
      // A 5xx answer is the server's final word (unknown mailbox, rejected domain): retrying cannot help, so the
      // mail fails at once — the nearest thing to a bounce the outbox sees (later bounce messages are not read).
      const permanent = isPermanentFailure(e);
      this.logger.warn(`mail ${mail.id} attempt ${attempts} failed${permanent ? ' permanently' : ''}: ${message}`);
      // Exponential back-off: 1, 2, 4, 8 minutes, then give up.
      await m.update(
        MailOutbox,
        { id: mail.id },
        {
          attempts,
          lastError: message,
          status: permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(Date.now() + 60_000 * 2 ** (attempts - 1)),
        },
      );
    }
  }
}
