import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { In, type FindOptionsWhere, type Repository } from 'typeorm';
import {
  APP_CONFIG,
  QueueService,
  ResourceOwners,
  type AppConfig,
  UnavailableError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
} from '@scs/api/core';
import type { ReportKind, ReportView } from '@scs/shared/contracts';
import { reportCacheKey } from './data/report-data-source';
import { ReportKinds, type ReportKindProvider, type ReportRequest } from './kinds/report-kind';
import { ReportRenderer } from './render/report-renderer';
import { Report, ReportFile } from './report.entity';
import { RENDER_QUEUE, renderQueueDefinition, type RenderJob } from './report.jobs';
import { ReportStore } from './report.store';

/** Which reports a caller may see: those of its organisation, optionally only of some kinds. */
export interface ReportScope {
  orgId: string;
  kinds?: ReportKind[];
}

/** The stored request of a report (what its render job carries). */
export function requestOf(r: Report): ReportRequest {
  return {
    kind: r.kind,
    orgId: r.orgId,
    subjectId: r.subjectId,
    locale: r.locale,
    preparedBy: r.preparedBy,
    requestedBy: r.requestedBy,
  };
}

/**
 * The report lifecycle: request (content key → one report per content, queued once), status, lists and the download.
 * Rendering happens in ReportWorker; each kind (ReportKinds) says what its content depends on and builds its document.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger(ReportsService.name);

  // Explicit tokens everywhere: the PDF benchmark runs this module under tsx, which emits no decorator metadata.
  constructor(
    @Inject(getRepositoryToken(Report)) private readonly reports: Repository<Report>,
    @Inject(getRepositoryToken(ReportFile)) private readonly files: Repository<ReportFile>,
    @Inject(ReportStore) private readonly store: ReportStore,
    @Inject(ReportKinds) private readonly kinds: ReportKinds,
    @Inject(QueueService) private readonly queue: QueueService,
    @Inject(ResourceOwners) private readonly owners: ResourceOwners,
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
   * Queues a report, or returns the existing one with the same content key (a failed one is queued again).
   * Concurrent identical requests end with one report. `created`: this call made it.
   */
  async request(request: ReportRequest): Promise<{ report: ReportView; created: boolean }> {
    this.assertRenderingAvailable();
    const kind = this.provider(request.kind);
    const key = await kind.contentKey(request);
    // Defence in depth: the guard resolved the subject's organisation; the content must belong to the same one.
    if (key.orgId !== request.orgId)
      throw new ForbiddenError('errors.report.foreignSubject', {}, { details: { subject: kind.subject } });
    const cacheKey = reportCacheKey(request.kind, key.parts, kind.templateVersion, request.locale);
    const { report, created } = await this.store.insertOrFind(request, cacheKey);
    if (created) await this.enqueue(report.id, request);
    // A failed report is tried again on request (e.g. after a deployment fixed the cause).
    else if (report.status === 'failed') await this.retry([report.id], request.requestedBy);
    return { report: await this.view(report.id), created };
  }

  /** Queues these reports again where they failed; answers how many were queued. */
  async retry(ids: readonly string[], requestedBy: string | null = null): Promise<number> {
    const queued = await this.store.requeueFailed(ids, requestedBy);
    if (!queued.length) return 0;
    for (const report of await this.byIds(queued)) await this.enqueue(report.id, requestOf(report));
    return queued.length;
  }

  /** 503 instead of a job that can only fail, when this all-in-one process has no Chromium. */
  assertRenderingAvailable(): void {
    const availability = this.renderer.availability();
    if (availability.status === 'unavailable') {
      throw new UnavailableError('errors.report.pdfUnavailable', { reason: availability.reason });
    }
  }

  private provider(kind: ReportKind): ReportKindProvider {
    const provider = this.kinds.get(kind);
    if (!provider) throw new Error(`No report kind "${kind}" is registered`);
    return provider;
  }

  private async enqueue(reportId: string, request: ReportRequest): Promise<void> {
    await this.queue.send<RenderJob>(
      RENDER_QUEUE,
      { reportId, ...request },
      renderQueueDefinition(this.config.reportJobTimeoutSeconds),
    );
    this.logger.log(`Report ${reportId} (${request.kind}, ${request.locale}) queued`);
  }

  /** A report within the caller's scope; any other id is "not found". */
  private async find(id: string, scope?: ReportScope): Promise<Report> {
    const report = await this.reports.findOne({ where: { id }, relations: { preparedByOrg: true } });
    if (!report || (scope && !this.inScope(report, scope))) throw new NotFoundError('errors.report.notFound');
    return report;
  }

  private inScope(report: Report, scope: ReportScope): boolean {
    return report.orgId === scope.orgId && (!scope.kinds || scope.kinds.includes(report.kind));
  }

  async status(id: string, scope?: ReportScope): Promise<ReportView> {
    return this.toView(await this.find(id, scope));
  }

  private async view(id: string): Promise<ReportView> {
    return this.toView(await this.find(id));
  }

  /** Reports of an organisation (optionally about one subject, of some kinds), newest first. */
  async list(scope: ReportScope & { subjectId?: string; take?: number }): Promise<ReportView[]> {
    const where: FindOptionsWhere<Report> = {
      orgId: scope.orgId,
      ...(scope.subjectId ? { subjectId: scope.subjectId } : {}),
      ...(scope.kinds ? { kind: In(scope.kinds) } : {}),
    };
    const rows = await this.reports.find({
      where,
      order: { createdAt: 'DESC' },
      relations: { preparedByOrg: true },
      ...(scope.take ? { take: scope.take } : {}),
    });
    return rows.map((r) => this.toView(r));
  }

  /** Status of these reports by id (missing ones are left out), e.g. for a batch's progress. */
  async statuses(ids: readonly string[]): Promise<Map<string, Report['status']>> {
    const rows = await this.byIds(ids);
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** One array parameter, however many ids (a batch of a large campaign). */
  private byIds(ids: readonly string[]): Promise<Report[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.reports
      .createQueryBuilder('r')
      .where('r.id = ANY(CAST(:ids AS uuid[]))', { ids: [...ids] })
      .getMany();
  }

  /** The PDF of a finished report within the caller's scope; 409 while it is queued, rendering or failed. */
  async file(id: string, scope: ReportScope): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
    const report = await this.find(id, scope);
    if (report.status !== 'done') {
      throw report.status === 'failed'
        ? new ConflictError(
            'errors.report.failed',
            { reason: report.error ?? '-' },
            { details: { status: report.status } },
          )
        : new ConflictError('errors.report.notReady', {}, { details: { status: report.status } });
    }
    const file = await this.files.findOneBy({ reportId: id });
    if (!file) throw new NotFoundError('errors.report.fileNotFound');
    return {
      pdf: file.pdf,
      filename: report.filename ?? `SCS-Check_${report.kind}_${report.locale}.pdf`,
      sha256: report.sha256 ?? '',
    };
  }

  toView(r: Report): ReportView {
    return {
      id: r.id,
      assessmentId: this.kinds.get(r.kind)?.subject === 'assessment' ? r.subjectId : null,
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
}
