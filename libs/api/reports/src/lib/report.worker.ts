import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Histogram } from 'prom-client';
import type { Repository } from 'typeorm';
import {
  APP_CONFIG,
  MetricsRegistry,
  QueueService,
  errorReason,
  type AppConfig,
  type QueueJob,
  DomainError,
  isRetryable,
} from '@scs/api/core';
import { reportCacheKey } from './data/report-data-source';
import { ReportKinds, type ReportRequest } from './kinds/report-kind';
import { ChromiumNotFoundError } from './render/chromium';
import { ReportRenderer } from './render/report-renderer';
import { Report } from './report.entity';
import { RENDER_DEAD_QUEUE, RENDER_QUEUE, renderQueueDefinition, type RenderJob } from './report.jobs';
import { ReportStore } from './report.store';
import { requestOf } from './reports.service';

/** A failure that another attempt cannot fix. */
class PermanentError extends Error {}

/**
 * Renders queued reports (in processes whose role runs workers): the job names the report and its request (kind,
 * organisation, subject, locale, preparing organisation); the kind builds the document once, the renderer turns it
 * into a PDF, the store keeps it.
 */
@Injectable()
export class ReportWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportWorker.name);
  private readonly renderSeconds?: Histogram<'locale' | 'outcome'>;

  constructor(
    @Inject(getRepositoryToken(Report)) private readonly reports: Repository<Report>,
    @Inject(ReportStore) private readonly store: ReportStore,
    @Inject(ReportKinds) private readonly kinds: ReportKinds,
    @Inject(QueueService) private readonly queue: QueueService,
    @Inject(ReportRenderer) private readonly renderer: ReportRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    // Jobs queued before the request travelled in the job carry only the report id.
    const request: ReportRequest = job.data.kind ? job.data : requestOf(report);
    await this.store.startAttempt(reportId);
    const started = Date.now();
    try {
      const kind = this.kinds.get(request.kind);
      if (!kind) throw new PermanentError(`No report kind "${request.kind}" is registered`);
      const key = await kind.contentKey(request);
      if (key.orgId !== report.orgId)
        throw new PermanentError(`The ${kind.subject} no longer belongs to the organisation of the report`);
      if (reportCacheKey(request.kind, key.parts, kind.templateVersion, request.locale) !== report.cacheKey) {
        this.logger.warn(
          `Report ${reportId}: the content changed since it was requested (e.g. new branding); rendering the current content`,
        );
      }
      const built = await kind.build(request);
      const observe = this.renderSeconds?.startTimer({ locale: request.locale });
      const rendered = await this.renderer.render(built.html, built.pdfOptions).catch((e: unknown) => {
        observe?.({ outcome: 'error' });
        throw e;
      });
      observe?.({ outcome: 'ok' });
      await this.store.done(reportId, rendered, built.filename);
      this.logger.log(
        `Report ${reportId} (${request.kind}) rendered: ${rendered.pages} pages, ${Math.round(rendered.bytes / 1024)} kB in ${Date.now() - started} ms`,
      );
      await kind
        .settled?.(report)
        .catch((e: unknown) => this.logger.error(`A listener of report ${reportId} failed: ${errorReason(e)}`));
    } catch (e) {
      const reason = errorReason(e);
      const permanent =
        e instanceof PermanentError ||
        (e instanceof DomainError && !isRetryable(e)) ||
        e instanceof ChromiumNotFoundError;
      if (permanent || job.finalAttempt) {
        this.logger.error(`Report ${reportId} failed after ${job.attempt} attempt(s): ${reason}`);
        await this.store.failed(reportId, reason);
        return;
      }
      this.logger.warn(`Report ${reportId}: attempt ${job.attempt} failed (${reason}); it will be retried`);
      await this.store.retrying(reportId, `Attempt ${job.attempt} failed: ${reason}`);
      throw e;
    }
  }

  /** A render job that ran out of attempts without settling its report (its worker died or hung). */
  async abandoned(job: QueueJob<RenderJob>): Promise<void> {
    await this.store.abandoned(job.data.reportId);
  }
}
