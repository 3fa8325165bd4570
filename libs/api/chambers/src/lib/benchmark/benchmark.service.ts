import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@scs/api/accounts';
import { APP_CONFIG, QueueService, type AppConfig } from '@scs/api/core';
import {
  BENCHMARK_TEMPLATE_VERSION,
  RENDER_QUEUE,
  Report,
  ReportExtensions,
  ReportFile,
  ReportRenderer,
  benchmarkPdfOptions,
  countPdfPages,
  renderBenchmarkHtml,
  renderQueueDefinition,
  reportCacheKey,
  sha256Hex,
  slug,
  toReportView,
  type RenderJob,
  type RenderedReport,
} from '@scs/api/reports';
import type { ChamberBenchmarkData, ReportLocale, ReportView } from '@scs/shared/contracts';
import { MemberAggregatesService } from '../aggregates/member-aggregates.service';
import { ChamberBrandingService, toReportBranding } from '../branding/branding.service';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignProgressService } from '../campaigns/progress.service';
import { benchmarkData, type Participation } from './benchmark-data';
import { ChamberBenchmark } from './chamber-benchmark.entity';

/** The figures' identity: everything but the time they were computed. */
export function benchmarkCacheKey(chamberId: string, data: ChamberBenchmarkData): string {
  const { generatedAt: _generatedAt, ...figures } = data;
  const hash = createHash('sha256').update(JSON.stringify(figures)).digest('hex');
  return reportCacheKey('chamber_benchmark', [chamberId, hash], BENCHMARK_TEMPLATE_VERSION, data.locale);
}

/**
 * The chamber's member benchmark report: the published figures are fixed when it is requested (stored with the
 * report), the PDF is rendered by the report pipeline (queue, worker, browser pool) as kind `chamber_benchmark`.
 * The same figures, branding and language give the same cache key: the stored file is returned, not rendered again.
 */
@Injectable()
export class BenchmarkService implements OnModuleInit {
  private readonly logger = new Logger(BenchmarkService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aggregates: MemberAggregatesService,
    private readonly branding: ChamberBrandingService,
    private readonly progress: CampaignProgressService,
    private readonly queue: QueueService,
    private readonly extensions: ReportExtensions,
    private readonly renderer: ReportRenderer,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.extensions.registerKind('chamber_benchmark', { render: (report) => this.render(report) });
  }

  /** The figures the report would print now. */
  async figures(chamberId: string, locale: ReportLocale, now = new Date()): Promise<ChamberBenchmarkData> {
    const [{ tables, vocabulary }, branding, participation] = await Promise.all([
      this.aggregates.compute(chamberId),
      this.branding.brandingOfChamber(chamberId),
      this.participation(chamberId),
    ]);
    return benchmarkData(
      { tables, vocabulary, participation, branding: toReportBranding(branding), locale, k: this.config.researchK },
      now,
    );
  }

  /** Invited, joined and submitted per campaign (submitted only where the funnel may show it, see participationCounts). */
  private async participation(chamberId: string): Promise<Participation> {
    const campaigns = await this.dataSource.manager.find(Campaign, {
      where: { chamberId },
      order: { createdAt: 'ASC' },
    });
    const rows: Participation['campaigns'] = [];
    for (const c of campaigns) {
      const p = await this.progress.progress(chamberId, c.id);
      rows.push({ title: c.title, invited: p.invited, joined: p.joined, submitted: p.complete ? p.submitted : null });
    }
    const sum = (key: 'invited' | 'joined') => rows.reduce((s, r) => s + r[key], 0);
    const submitted = rows.every((r) => r.submitted !== null) ? rows.reduce((s, r) => s + (r.submitted ?? 0), 0) : null;
    return { invited: sum('invited'), joined: sum('joined'), submitted, campaigns: rows };
  }

  async request(
    chamberId: string,
    locale: ReportLocale | undefined,
    userId: string,
    ip: string | null,
  ): Promise<ReportView> {
    const language = locale ?? (await this.branding.brandingOfChamber(chamberId)).reportLanguage;
    const data = await this.figures(chamberId, language);
    const cacheKey = benchmarkCacheKey(chamberId, data);
    const created = await this.dataSource.transaction(async (m) => {
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO "report" ("org_id", "assessment_id", "kind", "locale", "cache_key", "requested_by")
         VALUES ($1, NULL, 'chamber_benchmark', $2, $3, $4) ON CONFLICT ("cache_key") DO NOTHING RETURNING "id"`,
        [chamberId, language, cacheKey, userId],
      );
      const id = inserted[0]?.id;
      if (id) {
        await m.insert(ChamberBenchmark, { reportId: id, chamberId, figures: data });
        await this.audit.record(
          {
            action: 'chamber.benchmark_requested',
            actorUserId: userId,
            orgId: chamberId,
            target: `report:${id}`,
            ip,
            details: { locale: language, firms: data.firms },
          },
          m,
        );
      }
      return id;
    });
    if (created) {
      await this.enqueue(created);
      return this.status(chamberId, created);
    }
    const existing = await this.dataSource.manager.findOneByOrFail(Report, { cacheKey });
    if (existing.status === 'failed') {
      const requeued = await this.dataSource.manager.update(
        Report,
        { id: existing.id, status: 'failed' },
        { status: 'queued', error: null, startedAt: null, finishedAt: null },
      );
      if (requeued.affected) await this.enqueue(existing.id);
    }
    return this.status(chamberId, existing.id);
  }

  private async enqueue(reportId: string): Promise<void> {
    await this.queue.send<RenderJob>(
      RENDER_QUEUE,
      { reportId },
      renderQueueDefinition(this.config.reportJobTimeoutSeconds),
    );
  }

  async list(chamberId: string): Promise<ReportView[]> {
    const rows = await this.dataSource.manager.find(Report, {
      where: { orgId: chamberId, kind: 'chamber_benchmark' },
      order: { createdAt: 'DESC' },
      take: 50,
    });
    return rows.map(toReportView);
  }

  /** Only the chamber's own benchmark reports: any other report id is "not found" here. */
  private async own(chamberId: string, reportId: string): Promise<Report> {
    const report = await this.dataSource.manager.findOneBy(Report, {
      id: reportId,
      orgId: chamberId,
      kind: 'chamber_benchmark',
    });
    if (!report) throw new NotFoundException('Benchmark report not found');
    return report;
  }

  async status(chamberId: string, reportId: string): Promise<ReportView> {
    return toReportView(await this.own(chamberId, reportId));
  }

  async file(chamberId: string, reportId: string): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
    const report = await this.own(chamberId, reportId);
    if (report.status !== 'done') {
      throw new ConflictException({
        message:
          report.status === 'failed'
            ? `The report could not be rendered: ${report.error ?? 'unknown reason'}`
            : `The report is not ready yet (${report.status})`,
        status: report.status,
      });
    }
    const file = await this.dataSource.manager.findOneBy(ReportFile, { reportId });
    if (!file) throw new NotFoundException('Report file not found');
    return {
      pdf: file.pdf,
      filename: report.filename ?? `member-benchmark_${report.locale}.pdf`,
      sha256: report.sha256 ?? '',
    };
  }

  /** Renders a queued benchmark report from its stored figures (called by the report worker). */
  async render(report: Report): Promise<{ rendered: RenderedReport; filename: string }> {
    const stored = await this.dataSource.manager.findOneBy(ChamberBenchmark, { reportId: report.id });
    if (!stored) throw new NotFoundException(`The figures of benchmark report ${report.id} are missing`);
    const data = stored.figures;
    const bytes = await this.renderer.browserPool().pdf(renderBenchmarkHtml(data), benchmarkPdfOptions(data));
    const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.logger.debug(`Benchmark ${report.id} rendered for ${data.branding.chamberName}`);
    return {
      rendered: { pdf, sha256: sha256Hex(pdf), pages: countPdfPages(pdf), bytes: pdf.byteLength },
      filename: `SCS-Check_member-benchmark_${slug(data.branding.chamberName)}_${data.generatedAt.slice(0, 10)}_${data.locale}.pdf`,
    };
  }
}
