import { Injectable } from '@nestjs/common';
import { ConflictError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { ChamberBrandingService } from '@scs/api/chambers';
import { ResearchService } from '@scs/api/research';
import { brandingHash, reportDataFrom, type ReportDataSource } from '@scs/api/reports';
import type { ReportAction, ReportBranding, ReportData } from '@scs/shared/contracts';
import type { ScoreResult } from '@scs/shared/scoring';
import { Assessment } from './assessment.entity';
import { peerComparison } from './peer-comparison';
import { AssessmentsService } from './assessments.service';

/**
 * The report data of one submitted assessment, read from one firm's data only: the assessment, its pinned catalogue,
 * the firm's name, open actions, the previous submitted assessment, the branding of the chamber it came through and
 * the disclosure-controlled peer benchmark for the profile the assessment was submitted with.
 */
@Injectable()
export class AssessmentReportSource implements ReportDataSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly catalogues: CatalogueService,
    private readonly branding: ChamberBrandingService,
    private readonly research: ResearchService,
  ) {}

  async load(assessmentId: string, locale: 'en' | 'de'): Promise<ReportData & { orgId: string; cacheParts: string[] }> {
    const a = await this.assessments.find(assessmentId);
    if (a.status !== 'submitted' || !a.result || !a.submittedAt) throw new ConflictError('errors.report.submitFirst');
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    const [firm] = (await this.dataSource.query('SELECT name FROM organisation WHERE id = $1', [a.orgId])) as {
      name: string;
    }[];
    const actions = (await this.dataSource.query(
      `SELECT a.title, u.name AS owner, to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate", a.status, a.question_id AS "questionId"
         FROM action a LEFT JOIN user_account u ON u.id = a.owner_user_id
        WHERE a.org_id = $1 AND a.status <> 'done' ORDER BY a.due_date NULLS LAST, a.created_at`,
      [a.orgId],
    )) as (ReportAction & { questionId: string | null })[];
    const previous = await this.dataSource
      .getRepository(Assessment)
      .createQueryBuilder('p')
      .where('p.org_id = :org AND p.status = :s AND p.submitted_at < :at', {
        org: a.orgId,
        s: 'submitted',
        at: a.submittedAt,
      })
      .orderBy('p.submitted_at', 'DESC')
      .getOne();
    const chamber = await this.branding.brandingForFirm(a.orgId);
    const branding: ReportBranding | null = chamber
      ? {
          chamberName: chamber.name,
          ...(chamber.logo
            ? { logoDataUri: `data:${chamber.logo.contentType};base64,${chamber.logo.bytes.toString('base64')}` }
            : {}),
          ...(chamber.contactLine ? { contactLine: chamber.contactLine } : {}),
        }
      : null;
    const plan = await this.assessments.planOf(a);
    const data = reportDataFrom({
      catalogue,
      profile: a.profileSnapshot,
      result: a.result,
      locale,
      firmName: firm?.name ?? '',
      assessment: { id: a.id, submittedAt: a.submittedAt },
      branding,
      actions: actions.map(({ questionId, ...rest }) => ({ ...rest, ...(questionId ? { questionId } : {}) })),
      previous:
        previous?.result && previous.submittedAt
          ? { assessmentId: previous.id, submittedAt: previous.submittedAt, result: previous.result as ScoreResult }
          : null,
      repairPlan: plan,
    });
    const peers = peerComparison(await this.research.peerBenchmarkFor(a.profileSnapshot), locale);
    // Same assessment, catalogue, firm name, actions, previous result, peer figures and branding → same report (served
    // from storage); a new wave of peer data makes a new report.
    const contentParts = JSON.stringify([firm?.name ?? '', actions, previous?.id ?? null, peers]);
    return {
      ...data,
      peers,
      orgId: a.orgId,
      cacheParts: [a.id, a.catalogueVersion, brandingHash(branding), contentParts],
    };
  }
}
