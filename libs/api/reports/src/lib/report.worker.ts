import { HttpException, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Histogram } from 'prom-client';
import { In, type Repository } from 'typeorm';
import { APP_CONFIG, MetricsRegistry, QueueService, errorReason, type AppConfig, type QueueJob } from '@scs/api/core';
import type { ReportData } from '@scs/shared/contracts';
import { reportCacheKey } from './data/report-data-source';
import { ReportExtensions } from './report-extensions';
import { ChromiumNotFoundError } from './render/chromium';
import { ReportRenderer, type RenderedReport } from './render/report-renderer';
import { Report, ReportFile } from './report.entity';
import { RENDER_DEAD_QUEUE, RENDER_QUEUE, renderQueueDefinition, type RenderJob } from './report.jobs';
import { ReportsService } from './reports.service';
import { REPORT_TEMPLATE_VERSION } from './template/report.template';

/** A failure that another attempt cannot fix. */
class PermanentError extends Error {}

/** "Musterwerk Präzisionsteile (Taicang) Co., Ltd." → "musterwerk-praezisionsteile-taicang-co-ltd". */
export function slug(text: string, max = 60): string {
  const s = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'firm';
}

export function reportFilename(data: ReportData): string {
  return `SCS-Check_${slug(data.firm.name)}_${data.assessment.submittedAt.slice(0, 10)}_${data.locale}.pdf`;
}

/** Renders queued reports (in processes whose role runs workers). */
@Injectable()
export class ReportWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportWorker.name);
  private readonly renderSeconds?: Histogram<'locale' | 'outcome'>;

  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectRepository(ReportFile) private readonly files: Repository<ReportFile>,
    @Inject(QueueService) private readonly queue: QueueService,
    @Inject(ReportsService) private readonly service: ReportsService,
    @Inject(ReportRenderer) private readonly renderer: ReportRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReportExtensions) private readonly extensions: ReportExtensions,
    @Optional() @Inject(MetricsRegistry) metrics?: MetricsRegistry,
  ) {
    this.renderSeconds = metrics
      ? new Histogram({
          name: 'report_render_seconds',
          help: 'HTML to PDF rendering of one report in this process, by locale and outcome (ok, error)',
          labelNames: ['locale', 'outcome'],
          buckets: [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60],
          registers: [metrics.registry],
        })
      : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const definition = renderQueueDefinition(this.config.reportJobTimeoutSeconds);
    await this.queue.work<RenderJob>(RENDER_QUEUE, (job) => this.render(job), {
      concurrency: this.config.reportPages,
      definition,
    });
    await this.queue.work<RenderJob>(RENDER_DEAD_QUEUE, (job) => this.abandoned(job));
  }

  /** One attempt at rendering a report. Throws (so that the queue retries) only for failures worth retrying. */
  async render(job: QueueJob<RenderJob>): Promise<void> {
    const { reportId } = job.data;
    const report = await this.reports.findOneBy({ id: reportId });
    if (!report || report.status === 'done' || report.status === 'failed') return; // deleted, or settled by an earlier attempt
    await this.reports
      .createQueryBuilder()
      .update()
      .set({ status: 'rendering', startedAt: () => 'now()', attempts: () => '"attempts" + 1' })
      .where('id = :id', { id: reportId })
      .execute();
    const started = Date.now();
    try {
      const custom = this.extensions.kind(report.kind);
      if (custom) return await this.store(report, await custom.render(report), started);
      if (!report.assessmentId) throw new PermanentError('Only assessment reports can be rendered');
      const data = await this.extensions.prepared(
        report,
        await this.service.dataSource().load(report.assessmentId, report.locale),
      );
      if (data.orgId !== report.orgId)
        throw new PermanentError('The assessment no longer belongs to the organisation of the report');
      if (reportCacheKey(report.kind, data.cacheParts, REPORT_TEMPLATE_VERSION, report.locale) !== report.cacheKey) {
        this.logger.warn(
          `Report ${reportId}: the content changed since it was requested (e.g. new branding); rendering the current content`,
        );
      }
      const observe = this.renderSeconds?.startTimer({ locale: report.locale });
      const rendered = await this.renderer.render(data).catch((e: unknown) => {
        observe?.({ outcome: 'error' });
        throw e;
      });
      observe?.({ outcome: 'ok' });
      // Two single statements rather than a transaction (the embedded engine serialises transactions): the file
      // first, then the status, so a report is never "done" without its file; a retry overwrites a stray file.
      await this.files.upsert({ reportId, pdf: rendered.pdf }, ['reportId']);
      await this.reports.update(
        { id: reportId },
        {
          status: 'done',
          error: null,
          sha256: rendered.sha256,
          pages: rendered.pages,
          bytes: rendered.bytes,
          filename: reportFilename(data),
          finishedAt: new Date(),
        },
      );
      this.logger.log(
        `Report ${reportId} rendered: ${rendered.pages} pages, ${Math.round(rendered.bytes / 1024)} kB in ${Date.now() - started} ms`,
      );
      await this.extensions.settled(report);
    } catch (e) {
      const reason = errorReason(e);
      const permanent =
        e instanceof PermanentError ||
        (e instanceof HttpException && e.getStatus() < 500) ||
        e instanceof ChromiumNotFoundError;
      if (permanent || job.finalAttempt) {
        this.logger.error(`Report ${reportId} failed after ${job.attempt} attempt(s): ${reason}`);
        await this.reports.update({ id: reportId }, { status: 'failed', error: reason, finishedAt: new Date() });
        return;
      }
      this.logger.warn(`Report ${reportId}: attempt ${job.attempt} failed (${reason}); it will be retried`);
      await this.reports.update(
        { id: reportId },
        { status: 'queued', error: `Attempt ${job.attempt} failed: ${reason}` },
      );
      throw e;
    }
  }

  /** Stores a report of another kind (rendered by its ReportKindSource) like an assessment report. */
  private async store(
    report: Report,
    doc: { rendered: RenderedReport; filename: string },
    started: number,
  ): Promise<void> {
    const { rendered, filename } = doc;
    await this.files.upsert({ reportId: report.id, pdf: rendered.pdf }, ['reportId']);
    await this.reports.update(
      { id: report.id },
      {
        status: 'done',
        error: null,
        sha256: rendered.sha256,
        pages: rendered.pages,
        bytes: rendered.bytes,
        filename,
        finishedAt: new Date(),
      },
    );
    this.logger.log(
      `Report ${report.id} (${report.kind}) rendered: ${rendered.pages} pages, ${Math.round(rendered.bytes / 1024)} kB in ${Date.now() - started} ms`,
    );
    await this.extensions.settled(report);
  }

  /** A render job that ran out of attempts without settling its report (its worker died or hung). */
  async abandoned(job: QueueJob<RenderJob>): Promise<void> {
    await this.reports.update(
      { id: job.data.reportId, status: In(['queued', 'rendering']) },
      {
        status: 'failed',
        error: 'Rendering did not finish: the worker stopped or timed out on every attempt',
        finishedAt: new Date(),
      },
    );
  }
}
