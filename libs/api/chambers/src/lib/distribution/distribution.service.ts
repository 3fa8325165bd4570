import { Inject, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, MailOutbox } from '@scs/api/accounts';
import {
  APP_CONFIG,
  QueueService,
  errorReason,
  type AppConfig,
  type QueueDefinition,
  type QueueJob,
} from '@scs/api/core';
import {
  REPORT_TEMPLATE_VERSION,
  RENDER_QUEUE,
  Report,
  ReportExtensions,
  ReportsService,
  renderQueueDefinition,
  reportCacheKey,
  withPreparedBranding,
  type RenderJob,
} from '@scs/api/reports';
import type { DistributionView, ReportBranding, ReportLocale } from '@scs/shared/contracts';
import { ChamberBrandingService, toReportBranding } from '../branding/branding.service';
import { findCampaign } from '../campaigns/campaigns.service';
import { preparedReportMail } from '../campaigns/mails';
import { CampaignProgressService } from '../campaigns/progress.service';
import { ReportDistribution } from './distribution.entity';

export const DISTRIBUTION_QUEUE = 'chamber-report-distribution';

interface PrepareJob {
  distributionId: string;
}

/** One preparing job per start or retry; it walks the pending members, so a long batch needs a generous expiry. */
const QUEUE: QueueDefinition = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 3600,
  deleteAfterSeconds: 24 * 3600,
};
const CHUNK = 100;

/**
 * Batch distribution: for every member firm of a campaign with a submitted assessment (the latest one, submitted since
 * the campaign opened), the firm's own report with this chamber's branding goes into the firm's report list (rendered
 * by the report worker) and the firm is told by email. The chamber only sees counts; the reports belong to the firms
 * (report.org_id) and no chamber route serves them. Starting again adds members that joined or submitted since and
 * never renders a report twice: a report is identified by its cache key (assessment, catalogue, branding, language …).
 */
@Injectable()
export class DistributionService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DistributionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly reports: ReportsService,
    private readonly extensions: ReportExtensions,
    private readonly branding: ChamberBrandingService,
    private readonly progress: CampaignProgressService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.extensions.registerPreparedBranding({
      branding: async (orgId) => toReportBranding(await this.branding.brandingOfChamber(orgId)),
    });
    this.extensions.onDone((report) => this.notify(report));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<PrepareJob>(DISTRIBUTION_QUEUE, (job) => this.prepare(job), { definition: QUEUE });
  }

  async view(chamberId: string, campaignId: string): Promise<DistributionView> {
    const m = this.dataSource.manager;
    await findCampaign(m, chamberId, campaignId);
    const distribution = await m.findOneBy(ReportDistribution, { campaignId, chamberId });
    if (!distribution) {
      return {
        campaignId,
        started: false,
        locale: null,
        startedAt: null,
        total: 0,
        done: 0,
        failed: 0,
        pending: 0,
        prepared: null,
        finished: false,
      };
    }
    const [c]: { total: number; done: number; failed: number; prepared: number }[] = await m.query(
      `SELECT count(*)::int AS "total",
              count(*) FILTER (WHERE i."state" = 'skipped' OR (i."state" = 'prepared' AND r."status" = 'done'))::int AS "done",
              count(*) FILTER (WHERE i."state" = 'failed' OR (i."state" = 'prepared' AND (r."status" = 'failed' OR r."id" IS NULL)))::int AS "failed",
              count(*) FILTER (WHERE i."state" = 'prepared' AND r."status" = 'done')::int AS "prepared"
         FROM "report_distribution_item" i LEFT JOIN "report" r ON r."id" = i."report_id"
        WHERE i."distribution_id" = $1`,
      [distribution.id],
    );
    // "Prepared" counts firms that submitted: shown only where the funnel shows the submitted count (same rule).
    const complete = (await this.progress.progress(chamberId, campaignId)).complete;
    const pending = c.total - c.done - c.failed;
    return {
      campaignId,
      started: true,
      locale: distribution.locale,
      startedAt: distribution.startedAt.toISOString(),
      total: c.total,
      done: c.done,
      failed: c.failed,
      pending,
      prepared: complete ? c.prepared : null,
      finished: pending === 0,
    };
  }

  /** Starts (or continues) the distribution of a campaign; idempotent. The language is fixed by the first start. */
  async start(
    chamberId: string,
    campaignId: string,
    locale: ReportLocale | undefined,
    actorId: string,
    ip: string | null,
  ): Promise<DistributionView> {
    const language = locale ?? (await this.branding.brandingOfChamber(chamberId)).reportLanguage;
    const distributionId = await this.dataSource.transaction(async (m) => {
      await findCampaign(m, chamberId, campaignId);
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`report-distribution:${campaignId}`]);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO "report_distribution" ("campaign_id", "chamber_id", "locale", "created_by") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("campaign_id") DO UPDATE SET "started_at" = now() RETURNING "id"`,
        [campaignId, chamberId, language, actorId],
      );
      const id = (row as { id: string }).id;
      // Every firm of the campaign that still belongs to the chamber; firms skipped earlier are looked at again.
      const added: unknown[] = await m.query(
        `INSERT INTO "report_distribution_item" ("distribution_id", "firm_id")
         SELECT $1, cf."firm_id" FROM "campaign_firm" cf
          WHERE cf."campaign_id" = $2
            AND EXISTS (SELECT 1 FROM "chamber_membership" cm WHERE cm."firm_id" = cf."firm_id" AND cm."chamber_id" = $3 AND cm."left_at" IS NULL)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [id, campaignId, chamberId],
      );
      await m.query(
        `UPDATE "report_distribution_item" SET "state" = 'pending', "updated_at" = now() WHERE "distribution_id" = $1 AND "state" = 'skipped'`,
        [id],
      );
      await this.audit.record(
        {
          action: 'campaign.reports_distributed',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${campaignId}`,
          ip,
          details: { added: added.length },
        },
        m,
      );
      return id;
    });
    await this.queue.send<PrepareJob>(DISTRIBUTION_QUEUE, { distributionId }, QUEUE);
    return this.view(chamberId, campaignId);
  }

  /** Tries the failed members again: reports that failed to render are queued again, data that failed to load is re-read. */
  async retry(chamberId: string, campaignId: string, actorId: string, ip: string | null): Promise<DistributionView> {
    const distribution = await this.dataSource.manager.findOneBy(ReportDistribution, { campaignId, chamberId });
    if (!distribution) {
      await findCampaign(this.dataSource.manager, chamberId, campaignId);
      throw new NotFoundException('Reports have not been distributed in this campaign yet');
    }
    const requeue = await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE "report_distribution_item" SET "state" = 'pending', "error" = NULL, "updated_at" = now() WHERE "distribution_id" = $1 AND "state" = 'failed'`,
        [distribution.id],
      );
      // Items whose report vanished (deleted) are prepared again.
      await m.query(
        `UPDATE "report_distribution_item" SET "state" = 'pending', "updated_at" = now() WHERE "distribution_id" = $1 AND "state" = 'prepared' AND "report_id" IS NULL`,
        [distribution.id],
      );
      // UPDATE answers [rows, count] through TypeORM.
      const [rows]: [{ id: string }[], number] = await m.query(
        `UPDATE "report" r SET "status" = 'queued', "error" = NULL, "started_at" = NULL, "finished_at" = NULL
           FROM "report_distribution_item" i
          WHERE i."distribution_id" = $1 AND i."report_id" = r."id" AND r."status" = 'failed'
          RETURNING r."id"`,
        [distribution.id],
      );
      await this.audit.record(
        {
          action: 'campaign.reports_retried',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${campaignId}`,
          ip,
          details: { reports: rows.length },
        },
        m,
      );
      return rows;
    });
    for (const r of requeue) await this.enqueueRender(r.id);
    await this.queue.send<PrepareJob>(DISTRIBUTION_QUEUE, { distributionId: distribution.id }, QUEUE);
    return this.view(chamberId, campaignId);
  }

  private async enqueueRender(reportId: string): Promise<void> {
    await this.queue.send<RenderJob>(
      RENDER_QUEUE,
      { reportId },
      renderQueueDefinition(this.config.reportJobTimeoutSeconds),
    );
  }

  /** The preparing job: each pending member gets its report (or is skipped), a chunk at a time. */
  async prepare(job: Pick<QueueJob<PrepareJob>, 'data'>): Promise<void> {
    const distribution = await this.dataSource.manager.findOne(ReportDistribution, {
      where: { id: job.data.distributionId },
      relations: { campaign: true },
    });
    if (!distribution?.campaign) return; // deleted meanwhile
    const branding = toReportBranding(await this.branding.brandingOfChamber(distribution.chamberId));
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const items: { firmId: string; assessmentId: string | null }[] = await this.dataSource.query(
        `SELECT i."firm_id" AS "firmId",
                (SELECT a."id" FROM "assessment" a WHERE a."org_id" = i."firm_id" AND a."status" = 'submitted' AND a."submitted_at" >= $3
                  ORDER BY a."submitted_at" DESC LIMIT 1) AS "assessmentId"
           FROM "report_distribution_item" i
          WHERE i."distribution_id" = $1 AND i."state" = 'pending' AND i."firm_id" > $2
          ORDER BY i."firm_id" LIMIT $4`,
        [distribution.id, after, distribution.campaign.opensAt, CHUNK],
      );
      for (const item of items) await this.prepareOne(distribution, item, branding);
      if (items.length < CHUNK) return;
      after = (items.at(-1) as { firmId: string }).firmId;
    }
  }

  private async prepareOne(
    distribution: ReportDistribution,
    item: { firmId: string; assessmentId: string | null },
    branding: ReportBranding,
  ): Promise<void> {
    const key = [distribution.id, item.firmId];
    if (!item.assessmentId) {
      await this.dataSource.query(
        `UPDATE "report_distribution_item" SET "state" = 'skipped', "updated_at" = now() WHERE "distribution_id" = $1 AND "firm_id" = $2 AND "state" = 'pending'`,
        key,
      );
      return;
    }
    let reportId: string;
    try {
      const data = withPreparedBranding(
        await this.reports.dataSource().load(item.assessmentId, distribution.locale),
        distribution.chamberId,
        branding,
      );
      if (data.orgId !== item.firmId) throw new Error('The assessment belongs to another organisation');
      const cacheKey = reportCacheKey('assessment', data.cacheParts, REPORT_TEMPLATE_VERSION, distribution.locale);
      const inserted: { id: string }[] = await this.dataSource.query(
        `INSERT INTO "report" ("org_id", "assessment_id", "kind", "locale", "cache_key", "prepared_by")
         VALUES ($1, $2, 'assessment', $3, $4, $5) ON CONFLICT ("cache_key") DO NOTHING RETURNING "id"`,
        [item.firmId, item.assessmentId, distribution.locale, cacheKey, distribution.chamberId],
      );
      if (inserted[0]) {
        reportId = inserted[0].id;
        await this.link(key, item.assessmentId, reportId);
        await this.enqueueRender(reportId);
      } else {
        // Rendered before (same content): the stored report is reused; a failed one is tried again.
        const existing = await this.dataSource.manager.findOneByOrFail(Report, { cacheKey });
        reportId = existing.id;
        await this.link(key, item.assessmentId, reportId);
        if (existing.status === 'failed') {
          const requeued = await this.dataSource.manager.update(
            Report,
            { id: reportId, status: 'failed' },
            { status: 'queued', error: null, startedAt: null, finishedAt: null },
          );
          if (requeued.affected) await this.enqueueRender(reportId);
        } else if (existing.status === 'done') await this.notify(existing);
      }
    } catch (e) {
      const reason = errorReason(e);
      this.logger.warn(`Distribution ${distribution.id}: the report of a member could not be prepared (${reason})`);
      await this.dataSource.query(
        `UPDATE "report_distribution_item" SET "state" = 'failed', "assessment_id" = $3, "error" = $4, "updated_at" = now() WHERE "distribution_id" = $1 AND "firm_id" = $2`,
        [...key, item.assessmentId, reason],
      );
    }
  }

  private async link(key: string[], assessmentId: string, reportId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "report_distribution_item" SET "state" = 'prepared', "assessment_id" = $3, "report_id" = $4, "error" = NULL, "updated_at" = now()
        WHERE "distribution_id" = $1 AND "firm_id" = $2`,
      [...key, assessmentId, reportId],
    );
  }

  /**
   * Emails the owners and admins of the firm once a report prepared for it is ready (once per report, however many
   * campaigns asked for it). In the app the report shows in the firm's list as "prepared by <chamber>".
   */
  async notify(report: Pick<Report, 'id' | 'orgId' | 'preparedBy' | 'assessmentId'>): Promise<void> {
    if (!report.preparedBy) return;
    // One statement: the outer query sees the rows as they were before this claim (told earlier through another campaign?).
    const [claim]: { claimed: number; before: number }[] = await this.dataSource.query(
      `WITH "claimed" AS (UPDATE "report_distribution_item" SET "notified_at" = now() WHERE "report_id" = $1 AND "notified_at" IS NULL RETURNING 1)
       SELECT (SELECT count(*) FROM "claimed")::int AS "claimed",
              (SELECT count(*) FROM "report_distribution_item" WHERE "report_id" = $1 AND "notified_at" IS NOT NULL)::int AS "before"`,
      [report.id],
    );
    if (!claim || claim.claimed === 0 || claim.before > 0) return;
    const recipients: { email: string; firmName: string }[] = await this.dataSource.query(
      `SELECT u."email", o."name" AS "firmName" FROM "membership" ms JOIN "user_account" u ON u."id" = ms."user_id" JOIN "organisation" o ON o."id" = ms."org_id"
        WHERE ms."org_id" = $1 AND ms."role" IN ('owner', 'admin')`,
      [report.orgId],
    );
    const chamberName = toReportBranding(await this.branding.brandingOfChamber(report.preparedBy)).chamberName;
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/assessments/${report.assessmentId}/result`;
    if (recipients.length) {
      await this.dataSource.manager.insert(
        MailOutbox,
        recipients
          .map((r) => preparedReportMail(r.email, { chamberName, firmName: r.firmName, link }))
          .map((mail) => ({ to: mail.to, subject: mail.subject, text: mail.text })),
      );
    }
  }
}
