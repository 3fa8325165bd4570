import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DirectoryService } from '@scs/api/accounts';
import { ConflictError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { PEER_FIGURES, type PeerFigures } from '@scs/api/research';
import { reportDataFrom, type FirmReportData, type ReportDataSource } from '@scs/api/reports';
import type { ReportAction, ReportLocale } from '@scs/shared/contracts';
import type { ScoreResult } from '@scs/shared/scoring';
import { Assessment } from './assessment.entity';
import { peerComparison } from './peer-comparison';
import { AssessmentsService } from './assessments.service';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The firm report's content of one submitted assessment (REPORT_DATA_SOURCE), read from one firm's data only: the
 * assessment, its pinned catalogue, the firm's name, open actions, the previous submitted assessment and the
 * disclosure-controlled peer benchmark (PEER_FIGURES of the research feature) for the profile the assessment was
 * submitted with. The branding is added by the reports feature (the chambers feature provides it).
 */
@Injectable()
export class AssessmentReportSource implements ReportDataSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly catalogues: CatalogueService,
    @Inject(PEER_FIGURES) private readonly peers: PeerFigures,
    private readonly directory: DirectoryService,
  ) {}

  /**
   * What the content depends on, from ids and versions only: a submitted assessment never changes (answers, result,
   * repair plan and profile snapshot are fixed at submission), so it is its id and submission time, plus the catalogue
   * version and a digest of its translation files (the findings' wording), the previous submitted assessment, the
   * firm's name, a digest of the open actions (ids, change times and owner names, computed in the database) and the
   * peer release.
   */
  async version(assessmentId: string): Promise<{ orgId: string; parts: string[] }> {
    const a = await this.submitted(assessmentId);
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT p."id" FROM "assessment" p WHERE p."org_id" = $1 AND p."status" = 'submitted' AND p."submitted_at" < $2
                ORDER BY p."submitted_at" DESC LIMIT 1) AS "previousId"`,
      [a.orgId, a.submittedAt],
    )) as { previousId: string | null }[];
    // The open actions' digest: id, change time, owner name (from accounts) and overdue state, in id order. An action
    // without a due date has no overdue state and stays out (as it always did: the database's `||` with NULL).
    const open = (await this.dataSource.query(
      `SELECT x."id", x."updated_at"::text AS "updatedAt", x."owner_user_id" AS "ownerId", (x."due_date" < $2::date)::text AS "overdue"
         FROM "action" x WHERE x."org_id" = $1 AND x."status" <> 'done' ORDER BY x."id"`,
      [a.orgId, today()],
    )) as { id: string; updatedAt: string; ownerId: string | null; overdue: string | null }[];
    const owners = await this.directory.userNames(open.map((x) => x.ownerId));
    const actions = createHash('md5')
      .update(
        open
          .filter((x) => x.overdue !== null)
          .map((x) => `${x.id}:${x.updatedAt}:${(x.ownerId && owners.get(x.ownerId)) || ''}:${x.overdue}`)
          .join(','),
      )
      .digest('hex');
    const name = (await this.directory.organisationNames([a.orgId])).get(a.orgId) ?? '';
    return {
      orgId: a.orgId,
      parts: [
        a.id,
        `submitted:${(a.submittedAt as Date).toISOString()}`,
        `catalogue:${a.catalogueVersion}`,
        // Findings are named in the version's current wording (corrections and translations beside the catalogue).
        `wording:${this.catalogues.translationsDigest(a.catalogueVersion)}`,
        `previous:${row?.previousId ?? 'none'}`,
        `firm:${name}`,
        `actions:${actions}`,
        `peers:${await this.peers.release()}`,
      ],
    };
  }

  async load(assessmentId: string, locale: ReportLocale): Promise<FirmReportData> {
    const a = await this.submitted(assessmentId);
    const result = a.result as ScoreResult;
    const submittedAt = a.submittedAt as Date;
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    const wording = (await this.catalogues.publicCatalogue(a.catalogueVersion, locale)).body;
    const firmName = (await this.directory.organisationNames([a.orgId])).get(a.orgId) ?? '';
    const rows = (await this.dataSource.query(
      `SELECT a.title, a.owner_user_id AS "ownerId", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate", a.status, a.question_id AS "questionId"
         FROM action a WHERE a.org_id = $1 AND a.status <> 'done' ORDER BY a.due_date NULLS LAST, a.created_at`,
      [a.orgId],
    )) as (Omit<ReportAction, 'overdue' | 'owner'> & { ownerId: string | null; questionId: string | null })[];
    const owners = await this.directory.userNames(rows.map((r) => r.ownerId));
    const actions = rows.map(({ ownerId, ...r }) => ({
      title: r.title,
      owner: ownerId ? (owners.get(ownerId) ?? null) : null,
      dueDate: r.dueDate,
      status: r.status,
      questionId: r.questionId,
    }));
    const previous = await this.dataSource
      .getRepository(Assessment)
      .createQueryBuilder('p')
      .where('p.org_id = :org AND p.status = :s AND p.submitted_at < :at', {
        org: a.orgId,
        s: 'submitted',
        at: submittedAt,
      })
      .orderBy('p.submitted_at', 'DESC')
      .getOne();
    const plan = await this.assessments.planOf(a);
    const { branding: _none, ...data } = reportDataFrom({
      catalogue,
      wording,
      profile: a.profileSnapshot,
      result,
      locale,
      firmName,
      assessment: { id: a.id, submittedAt },
      branding: null,
      // Overdue as on the web's action plan (ActionsService): not done and due before today (UTC). The content key
      // carries each action's overdue state, so a report renders again when an action falls overdue.
      actions: actions.map(({ questionId, ...rest }) => ({
        ...rest,
        overdue: rest.status !== 'done' && rest.dueDate !== null && rest.dueDate < today(),
        ...(questionId ? { questionId } : {}),
      })),
      previous:
        previous?.result && previous.submittedAt
          ? { assessmentId: previous.id, submittedAt: previous.submittedAt, result: previous.result as ScoreResult }
          : null,
      repairPlan: plan,
    });
    return { ...data, peers: peerComparison(await this.peers.forProfile(a.profileSnapshot), locale) };
  }

  private async submitted(assessmentId: string): Promise<Assessment> {
    const a = await this.assessments.find(assessmentId);
    if (a.status !== 'submitted' || !a.result || !a.submittedAt) throw new ConflictError('errors.report.submitFirst');
    return a;
  }
}
