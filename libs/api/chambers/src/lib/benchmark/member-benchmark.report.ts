import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig, InvalidInputError } from '@scs/api/core';
import {
  BENCHMARK_TEMPLATE_VERSION,
  benchmarkPdfOptions,
  renderBenchmarkHtml,
  slug,
  type BuiltReport,
  type ReportContentKey,
  type ReportKindProvider,
  type ReportRequest,
} from '@scs/api/reports';
import type { ChamberBenchmarkData } from '@scs/shared/contracts';
import { MemberAggregatesService } from '../aggregates/member-aggregates.service';
import { ChamberBrandingService } from '../branding/branding.service';
import { MEMBER_BENCHMARK } from './benchmark-data';
import { BenchmarkService } from './benchmark.service';

/**
 * Kind `chamber_benchmark`: a chamber's member benchmark from its published release only (subject and owner: the
 * chamber). Its content is the served release, the chamber's branding, the campaigns' participation counts and k.
 */
@Injectable()
export class MemberBenchmarkReport implements ReportKindProvider<ChamberBenchmarkData> {
  readonly kind = MEMBER_BENCHMARK;
  readonly templateVersion = BENCHMARK_TEMPLATE_VERSION;
  readonly subject = 'organisation';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aggregates: MemberAggregatesService,
    private readonly branding: ChamberBrandingService,
    private readonly benchmark: BenchmarkService,
  ) {}

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    if (request.subjectId !== request.orgId) throw new InvalidInputError('errors.benchmark.aboutChamber');
    const chamberId = request.subjectId;
    const [release, branding, participation, view] = await Promise.all([
      this.aggregates.release(chamberId),
      this.branding.brandingVersion(chamberId),
      this.benchmark.participation(chamberId),
      this.branding.get(chamberId),
    ]);
    const counts = createHash('sha256').update(JSON.stringify(participation)).digest('hex');
    const intro = createHash('sha256')
      .update(view.benchmarkIntro ?? '')
      .digest('hex');
    return {
      orgId: chamberId,
      parts: [
        chamberId,
        `release:${release.version}`,
        `branding:${branding}`,
        `participation:${counts}`,
        `k:${this.config.researchK}`,
        `intro:${intro}`,
      ],
    };
  }

  async build(request: ReportRequest): Promise<BuiltReport<ChamberBenchmarkData>> {
    // The benchmark is German or English (the DTO allows no other); anything else reads English.
    const data = await this.benchmark.figures(request.subjectId, request.locale === 'de' ? 'de' : 'en');
    return {
      data,
      html: renderBenchmarkHtml(data),
      pdfOptions: benchmarkPdfOptions(data),
      filename: `SCS-Check_member-benchmark_${slug(data.branding.chamberName)}_${data.generatedAt.slice(0, 10)}_${data.locale}.pdf`,
    };
  }
}
