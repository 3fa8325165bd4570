import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, ChamberLinksService, DirectoryService, MailService } from '@scs/api/accounts';
import { FIRM_RESULTS, type FirmResults } from '@scs/api/assessments';
import {
  APP_CONFIG,
  QueueService,
  errorReason,
  type AppConfig,
  type QueueDefinition,
  type QueueJob,
  NotFoundError,
} from '@scs/api/core';
import { ReportsService } from '@scs/api/reports';
import type { DistributionView, ChamberReportLocale } from '@scs/shared/contracts';
import { ChamberBrandingService, toReportBranding } from '../branding/branding.service';
import { findCampaign } from '../campaigns/campaigns.service';
import { preparedReportMail } from '../campaigns/mails';
import { CampaignProgressService } from '../campaigns/progress.service';
import { ReportDistribution, ReportDistributionItem } from './distribution.entity';

/** The report kind of a firm report a chamber prepared with its branding (see PreparedFirmReport). */
export const PREPARED_FIRM_REPORT = 'prepared_assessment';

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
 * the campaign opened), the firm's own report with this chamber's branding (kind `prepared_assessment`) goes into the
 * firm's report list (requested through the reports feature, rendered by its worker) and the firm is told by email. The chamber only sees counts; the reports belong to the firms
 * (report.org_id) and no chamber route serves them. Starting again adds members that joined or submitted since and
 * never renders a report twice: a report is identified by its cache key (assessment, catalogue, branding, language …).
 */
@Injectable()
export class DistributionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DistributionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly reports: ReportsService,
    private readonly branding: ChamberBrandingService,
    private readonly progress: CampaignProgressService,
    private readonly audit: AuditService,
    private readonly chamberLinks: ChamberLinksService,
    private readonly directory: DirectoryService,
    private readonly mail: MailService,
    @Inject(FIRM_RESULTS) private readonly results: FirmResults,
  ) {}

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
    const items = await m.find(ReportDistributionItem, {
      select: { state: true, reportId: true },
      where: { distributionId: distribution.id },
    });
    const statuses = await this.reports.statuses(items.flatMap((i) => (i.reportId ? [i.reportId] : [])));
    const status = (i: ReportDistributionItem) => (i.reportId ? statuses.get(i.reportId) : undefined);
    const c = { total: items.length, done: 0, failed: 0, prepared: 0 };
    for (const i of items) {
      const rendered = i.state === 'prepared' && status(i) === 'done';
      if (i.state === 'skipped' || rendered) c.done++;
      if (i.state === 'failed' || (i.state === 'prepared' && (status(i) === 'failed' || status(i) === undefined)))
        c.failed++;
      if (rendered) c.prepared++;
    }
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
    locale: ChamberReportLocale | undefined,
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
      const firms: { firmId: string }[] = await m.query(
        `SELECT "firm_id" AS "firmId" FROM "campaign_firm" WHERE "campaign_id" = $1`,
        [campaignId],
      );
      const members = await this.chamberLinks.activeMemberIds(
        chamberId,
        firms.map((f) => f.firmId),
        m,
      );
      const added: unknown[] = await m.query(
        `INSERT INTO "report_distribution_item" ("distribution_id", "firm_id")
         SELECT $1, f."id" FROM unnest($2::uuid[]) AS f("id")
         ON CONFLICT DO NOTHING RETURNING 1`,
        [id, firms.flatMap((f) => (members.has(f.firmId) ? [f.firmId] : []))],
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
      throw new NotFoundError('errors.distribution.none');
    }
    const reportIds = await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE "report_distribution_item" SET "state" = 'pending', "error" = NULL, "updated_at" = now() WHERE "distribution_id" = $1 AND "state" = 'failed'`,
        [distribution.id],
      );
      // Items whose report vanished (deleted) are prepared again.
      await m.query(
        `UPDATE "report_distribution_item" SET "state" = 'pending', "updated_at" = now() WHERE "distribution_id" = $1 AND "state" = 'prepared' AND "report_id" IS NULL`,
        [distribution.id],
      );
      const rows: { reportId: string }[] = await m.query(
        `SELECT "report_id" AS "reportId" FROM "report_distribution_item" WHERE "distribution_id" = $1 AND "report_id" IS NOT NULL`,
        [distribution.id],
      );
      return rows.map((r) => r.reportId);
    });
    // Reports that failed to render are queued again by the reports feature.
    const requeued = await this.reports.retry(reportIds);
    await this.audit.record({
      action: 'campaign.reports_retried',
      actorUserId: actorId,
      orgId: chamberId,
      target: `campaign:${campaignId}`,
      ip,
      details: { reports: requeued },
    });
    await this.queue.send<PrepareJob>(DISTRIBUTION_QUEUE, { distributionId: distribution.id }, QUEUE);
    return this.view(chamberId, campaignId);
  }

  /** The preparing job: each pending member gets its report (or is skipped), a chunk at a time. */
  async prepare(job: Pick<QueueJob<PrepareJob>, 'data'>): Promise<void> {
    const distribution = await this.dataSource.manager.findOne(ReportDistribution, {
      where: { id: job.data.distributionId },
      relations: { campaign: true },
    });
    if (!distribution?.campaign) return; // deleted meanwhile
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const pending: { firmId: string }[] = await this.dataSource.query(
        `SELECT i."firm_id" AS "firmId" FROM "report_distribution_item" i
          WHERE i."distribution_id" = $1 AND i."state" = 'pending' AND i."firm_id" > $2
          ORDER BY i."firm_id" LIMIT $3`,
        [distribution.id, after, CHUNK],
      );
      // The latest assessment each firm submitted since the campaign opened (assessments' FIRM_RESULTS contract).
      const latest = await this.results.latestSubmittedSince(
        pending.map((p) => p.firmId),
        distribution.campaign.opensAt,
      );
      const items = pending.map((p) => ({ firmId: p.firmId, assessmentId: latest.get(p.firmId) ?? null }));
      for (const item of items) await this.prepareOne(distribution, item);
      if (items.length < CHUNK) return;
      after = (items.at(-1) as { firmId: string }).firmId;
    }
  }

  private async prepareOne(
    distribution: ReportDistribution,
    item: { firmId: string; assessmentId: string | null },
  ): Promise<void> {
    const key = [distribution.id, item.firmId];
    if (!item.assessmentId) {
      await this.dataSource.query(
        `UPDATE "report_distribution_item" SET "state" = 'skipped', "updated_at" = now() WHERE "distribution_id" = $1 AND "firm_id" = $2 AND "state" = 'pending'`,
        key,
      );
      return;
    }
    try {
      // Rendered before (same content): the stored report is reused; a failed one is queued again.
      const { report } = await this.reports.request({
        kind: PREPARED_FIRM_REPORT,
        orgId: item.firmId,
        subjectId: item.assessmentId,
        locale: distribution.locale,
        preparedBy: distribution.chamberId,
        requestedBy: null,
      });
      await this.link(key, item.assessmentId, report.id);
      // Linked after the request: a report that was (or meanwhile got) done is announced here; notify() mails once.
      if ((await this.reports.statuses([report.id])).get(report.id) === 'done')
        await this.notify({
          id: report.id,
          orgId: item.firmId,
          subjectId: item.assessmentId,
          preparedBy: distribution.chamberId,
        });
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
  async notify(report: { id: string; orgId: string; subjectId: string; preparedBy: string | null }): Promise<void> {
    if (!report.preparedBy) return;
    // One statement: the outer query sees the rows as they were before this claim (told earlier through another campaign?).
    const [claim]: { claimed: number; before: number }[] = await this.dataSource.query(
      `WITH "claimed" AS (UPDATE "report_distribution_item" SET "notified_at" = now() WHERE "report_id" = $1 AND "notified_at" IS NULL RETURNING 1)
       SELECT (SELECT count(*) FROM "claimed")::int AS "claimed",
              (SELECT count(*) FROM "report_distribution_item" WHERE "report_id" = $1 AND "notified_at" IS NOT NULL)::int AS "before"`,
      [report.id],
    );
    if (!claim || claim.claimed === 0 || claim.before > 0) return;
    const recipients = await this.directory.members([report.orgId], ['owner', 'admin']);
    if (!recipients.length) return;
    const firmName = await this.directory.organisationName(report.orgId);
    const chamberName = toReportBranding(await this.branding.brandingOfChamber(report.preparedBy)).chamberName;
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/assessments/${report.subjectId}/result`;
    await this.mail.enqueueMany(recipients.map((r) => preparedReportMail(r.email, { chamberName, firmName, link })));
  }
}
