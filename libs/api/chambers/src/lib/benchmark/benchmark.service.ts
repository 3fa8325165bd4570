import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@scs/api/accounts';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { ReportsService, type ReportScope } from '@scs/api/reports';
import type { ChamberBenchmarkData, ChamberReportLocale, ReportView } from '@scs/shared/contracts';
import { MemberAggregatesService } from '../aggregates/member-aggregates.service';
import { ChamberBrandingService, toReportBranding } from '../branding/branding.service';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignProgressService } from '../campaigns/progress.service';
import { MEMBER_BENCHMARK, benchmarkData, type Participation } from './benchmark-data';

/**
 * The chamber's member benchmark report (kind `chamber_benchmark`, see MemberBenchmarkReport): requested, listed and
 * served through the reports feature, limited to the chamber's own benchmark reports. The same release, branding,
 * participation and language give the same report: the stored file is returned, not rendered again.
 */
@Injectable()
export class BenchmarkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aggregates: MemberAggregatesService,
    private readonly branding: ChamberBrandingService,
    private readonly progress: CampaignProgressService,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  /** The figures the report prints now. */
  async figures(chamberId: string, locale: ChamberReportLocale, now = new Date()): Promise<ChamberBenchmarkData> {
    const [{ tables, vocabulary }, branding, participation] = await Promise.all([
      this.aggregates.compute(chamberId),
      this.branding.brandingOfChamber(chamberId),
      this.participation(chamberId),
    ]);
    return benchmarkData(
      {
        tables,
        vocabulary,
        participation,
        branding: toReportBranding(branding),
        locale,
        k: this.config.researchK,
        introduction: branding.benchmarkIntro,
      },
      now,
    );
  }

  /** Invited, joined and submitted per campaign (submitted only where the funnel may show it, see participationCounts). */
  async participation(chamberId: string): Promise<Participation> {
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
    locale: ChamberReportLocale | undefined,
    userId: string,
    ip: string | null,
  ): Promise<ReportView> {
    const language = locale ?? (await this.branding.brandingOfChamber(chamberId)).reportLanguage;
    const { report, created } = await this.reports.request({
      kind: MEMBER_BENCHMARK,
      orgId: chamberId,
      subjectId: chamberId,
      locale: language,
      preparedBy: null,
      requestedBy: userId,
    });
    if (created) {
      await this.audit.record({
        action: 'chamber.benchmark_requested',
        actorUserId: userId,
        orgId: chamberId,
        target: `report:${report.id}`,
        ip,
        details: { locale: language, firms: (await this.aggregates.release(chamberId)).firms },
      });
    }
    return report;
  }

  /** Only the chamber's own benchmark reports: any other report id is "not found" here. */
  private scope(chamberId: string): ReportScope {
    return { orgId: chamberId, kinds: [MEMBER_BENCHMARK] };
  }

  list(chamberId: string): Promise<ReportView[]> {
    return this.reports.list({ ...this.scope(chamberId), take: 50 });
  }

  status(chamberId: string, reportId: string): Promise<ReportView> {
    return this.reports.status(reportId, this.scope(chamberId));
  }

  file(chamberId: string, reportId: string): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
    return this.reports.file(reportId, this.scope(chamberId));
  }
}
