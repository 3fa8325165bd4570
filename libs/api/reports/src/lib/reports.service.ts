import {
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  APP_CONFIG,
  QueueService,
  ResourceOwners,
  type AppConfig,
  type AuthUser,
  type OrgContext,
} from '@scs/api/core';
import type { ReportLocale, ReportView } from '@scs/shared/contracts';
import { REPORT_DATA_SOURCE, reportCacheKey, type ReportDataSource } from './data/report-data-source';
import { Report, ReportFile } from './report.entity';
import { ReportRenderer } from './render/report-renderer';
import { RENDER_QUEUE, renderQueueDefinition, type RenderJob } from './report.jobs';
import { REPORT_TEMPLATE_VERSION } from './template/report.template';

export function toView(r: Report): ReportView {
  return {
    id: r.id,
    assessmentId: r.assessmentId,
    kind: r.kind,
    locale: r.locale,
    status: r.status,
    error: r.error,
    sha256: r.sha256,
    bytes: r.bytes,
    pages: r.pages,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    preparedBy: r.preparedBy ? { orgId: r.preparedBy, name: r.preparedByOrg?.name ?? null } : null,
  };
}

/** Requests, lists and serves reports; rendering happens in ReportWorker. */
@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger(ReportsService.name);

  // Explicit tokens everywhere: the PDF benchmark runs this module under tsx, which emits no decorator metadata.
  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectRepository(ReportFile) private readonly files: Repository<ReportFile>,
    @Inject(QueueService) private readonly queue: QueueService,
    @Inject(ResourceOwners) private readonly owners: ResourceOwners,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReportRenderer) private readonly renderer: ReportRenderer,
  ) {}

  onModuleInit(): void {
    this.owners.register(
      'report',
      async (id) => (await this.reports.findOne({ select: { id: true, orgId: true }, where: { id } }))?.orgId ?? null,
    );
  }

  /**
   * The data source of the assessments feature, wherever it is provided in the application (the reports feature
   * defines the contract, the assessments feature implements it; neither module imports the other).
   */
  dataSource(): ReportDataSource {
    try {
      return this.moduleRef.get<ReportDataSource>(REPORT_DATA_SOURCE, { strict: false });
    } catch {
      throw new ServiceUnavailableException('Reports are not available: no report data source is configured');
    }
  }

  /**
   * Queues a report of the assessment in `locale`, or returns the existing one with the same content key (a failed
   * one is queued again). Concurrent identical requests end with one report.
   */
  async request(assessmentId: string, locale: ReportLocale, org: OrgContext, user: AuthUser): Promise<ReportView> {
    this.assertRenderingAvailable();
    const data = await this.dataSource().load(assessmentId, locale);
    // Defence in depth: the guard resolved the assessment's organisation; the data must belong to the same one.
    if (data.orgId !== org.orgId) throw new ForbiddenException('The assessment belongs to another organisation');
    const cacheKey = reportCacheKey('assessment', data.cacheParts, REPORT_TEMPLATE_VERSION, locale);

    const inserted: { id: string }[] = await this.reports.query(
      `INSERT INTO "report" ("org_id", "assessment_id", "kind", "locale", "cache_key", "requested_by")
       VALUES ($1, $2, 'assessment', $3, $4, $5)
       ON CONFLICT ("cache_key") DO NOTHING RETURNING "id"`,
      [org.orgId, assessmentId, locale, cacheKey, user.id],
    );
    const created = inserted[0];
    if (created) {
      await this.enqueue(created.id);
      return toView(await this.reports.findOneByOrFail({ id: created.id }));
    }
    const existing = await this.reports.findOneByOrFail({ cacheKey });
    if (existing.status !== 'failed') return toView(existing);
    // A failed report is tried again on request (e.g. after a deployment fixed the cause).
    const requeued = await this.reports
      .createQueryBuilder()
      .update()
      .set({ status: 'queued', error: null, startedAt: null, finishedAt: null, requestedBy: user.id })
      .where('id = :id AND status = :failed', { id: existing.id, failed: 'failed' })
      .execute();
    if (requeued.affected) await this.enqueue(existing.id);
    return toView(await this.reports.findOneByOrFail({ id: existing.id }));
  }

  /** 503 instead of a job that can only fail, when this all-in-one process has no Chromium. */
  assertRenderingAvailable(): void {
    const availability = this.renderer.availability();
    if (availability.status === 'unavailable') {
      throw new ServiceUnavailableException({
        message: `PDF reports are unavailable on this server: ${availability.reason}`,
        code: 'pdf_unavailable',
      });
    }
  }

  private async enqueue(reportId: string): Promise<void> {
    await this.queue.send<RenderJob>(
      RENDER_QUEUE,
      { reportId },
      renderQueueDefinition(this.config.reportJobTimeoutSeconds),
    );
    this.logger.log(`Report ${reportId} queued`);
  }

  async status(id: string): Promise<ReportView> {
    const report = await this.reports.findOne({ where: { id }, relations: { preparedByOrg: true } });
    if (!report) throw new NotFoundException('Report not found');
    return toView(report);
  }

  /** The reports of an assessment, newest first. */
  async list(assessmentId: string, orgId: string): Promise<ReportView[]> {
    const rows = await this.reports.find({
      where: { assessmentId, orgId },
      order: { createdAt: 'DESC' },
      relations: { preparedByOrg: true },
    });
    return rows.map(toView);
  }

  /** The PDF of a finished report; 409 while it is queued, rendering or failed. */
  async file(id: string): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
    const report = await this.reports.findOneBy({ id });
    if (!report) throw new NotFoundException('Report not found');
    if (report.status !== 'done') {
      throw new ConflictException({
        message:
          report.status === 'failed'
            ? `The report could not be rendered: ${report.error ?? 'unknown reason'}`
            : `The report is not ready yet (${report.status})`,
        status: report.status,
      });
    }
    const file = await this.files.findOneBy({ reportId: id });
    if (!file) throw new NotFoundException('Report file not found');
    return {
      pdf: file.pdf,
      filename: report.filename ?? `SCS-Check_report_${report.locale}.pdf`,
      sha256: report.sha256 ?? '',
    };
  }
}
