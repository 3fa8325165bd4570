import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, DirectoryService, MailService, ProfileService } from '@scs/api/accounts';
import { CatalogueService } from '@scs/api/catalogue';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { compareVersions, diffCatalogues, isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { answerMap, answerFields } from '@scs/shared/answers';
import { score } from '@scs/shared/scoring';
import type { ChangeImpactNotifyResult, ChangeImpactSummary, ChangeImpactView } from '@scs/shared/contracts';
import { Assessment, AssessmentAnswer } from '../assessment.entity';
import { snapshotOf } from '../assessments.service';
import { carryOverAnswers } from './carry-over';
import { changeImpactMail } from './change-impact.mail';

export const CHANGE_NOTICE_ACTION = 'catalogue.change_notice';

interface LatestRow {
  org_id: string;
  id: string;
  catalogue_version: string;
}

/**
 * "What changed for you": the difference between the catalogue version of a firm's latest submitted assessment and the
 * current version, restricted to what applies to the firm, and the score it would get today with its answers carried
 * over. Also the one notification per firm and version, and the platform admin's count of affected firms.
 */
@Injectable()
export class ChangeImpactService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeImpactService.name);
  private startup: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogues: CatalogueService,
    private readonly profiles: ProfileService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
  ) {}

  /** The worker role notifies affected firms once a new version is in force (idempotent, so every start may try). */
  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.startup = this.notifyAffected().catch((e: Error) =>
      this.logger.error(`Change-impact notification failed: ${e.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.startup;
  }

  async forFirm(orgId: string): Promise<ChangeImpactView> {
    const current = await this.catalogues.current();
    const latest = await this.dataSource
      .getRepository(Assessment)
      .findOne({ where: { orgId, status: 'submitted' }, order: { submittedAt: 'DESC' } });
    const empty: ChangeImpactView = {
      outdated: false,
      currentVersion: current.version,
      currentEffectiveFrom: current.effectiveFrom,
      assessment: latest ? brief(latest) : null,
      questions: { added: [], changed: [], removed: [] },
      supersededReferences: [],
      carriedOver: 0,
      notCarried: [],
      scoreToday: null,
      draftId: null,
    };
    if (!latest || compareVersions(latest.catalogueVersion, current.version) >= 0) return empty;

    const before = (await this.catalogues.require(latest.catalogueVersion)).catalogue;
    const after = current.catalogue;
    const profile = await this.profileOf(orgId, latest);
    const applies = (c: Catalogue, p: FirmProfile) =>
      new Set(c.questions.filter((q) => isApplicable(q.applicability, p)).map((q) => q.id));
    const nowApplicable = applies(after, profile);
    const thenApplicable = applies(before, latest.profileSnapshot);
    const diff = diffCatalogues(before, after);

    // References cited by the questions that applied to the firm, now marked as superseded.
    const cited = new Set(before.questions.filter((q) => thenApplicable.has(q.id)).flatMap((q) => q.references));
    const oldRefs = new Map(before.references.map((r) => [r.id, r]));
    const supersededReferences = after.references
      .filter((r) => cited.has(r.id) && r.supersededBy && oldRefs.get(r.id)?.supersededBy !== r.supersededBy)
      .map((r) => ({ id: r.id, supersededBy: r.supersededBy as string }));

    const rows = await this.dataSource.getRepository(AssessmentAnswer).findBy({ assessmentId: latest.id });
    const { carried, dropped } = carryOverAnswers(after, latest.catalogueVersion, rows);
    const today = score(
      after,
      profile,
      answerMap(
        carried
          .filter((c) => nowApplicable.has(c.questionId))
          .map((c) => ({ questionId: c.questionId, ...answerFields(c.value), note: c.note })),
      ),
    );
    const draft = await this.dataSource.getRepository(Assessment).findOne({
      where: { orgId, status: 'draft', previousId: latest.id, catalogueVersion: current.version },
      order: { createdAt: 'DESC' },
    });
    return {
      ...empty,
      outdated: true,
      questions: {
        added: diff.questions.added.filter((id) => nowApplicable.has(id)),
        changed: diff.questions.changed
          .filter((c) => nowApplicable.has(c.id))
          .map((c) => ({ id: c.id, ...(c.from ? { from: c.from } : {}), fields: c.fields })),
        removed: diff.questions.removed.filter((id) => thenApplicable.has(id)),
      },
      supersededReferences,
      carriedOver: carried.length,
      notCarried: dropped,
      scoreToday: {
        score: today.score,
        level: today.level,
        provisional: today.provisional,
        applicable: today.applicable,
        answered: today.answered,
      },
      draftId: draft?.id ?? null,
    };
  }

  /** Firms whose latest submitted assessment is on an older version than the current one. */
  private async affected(currentVersion: string): Promise<LatestRow[]> {
    const rows: LatestRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (org_id) org_id, id, catalogue_version FROM assessment
        WHERE status = 'submitted' ORDER BY org_id, submitted_at DESC, created_at DESC`,
    );
    return rows.filter((r) => compareVersions(r.catalogue_version, currentVersion) < 0);
  }

  async summary(): Promise<ChangeImpactSummary> {
    const current = await this.catalogues.current();
    const rows = await this.affected(current.version);
    const byVersion = new Map<string, number>();
    for (const r of rows) byVersion.set(r.catalogue_version, (byVersion.get(r.catalogue_version) ?? 0) + 1);
    const notified = await this.audit.orgsWith(
      CHANGE_NOTICE_ACTION,
      ['version', current.version],
      rows.map((r) => r.org_id),
    );
    return {
      currentVersion: current.version,
      affectedFirms: rows.length,
      byVersion: [...byVersion]
        .map(([version, firms]) => ({ version, firms }))
        .sort((a, b) => compareVersions(b.version, a.version)),
      notified: notified.size,
    };
  }

  /**
   * One mail to every owner and admin of each affected firm, at most once per firm and catalogue version (the audit
   * entry written in the same transaction is the marker; a transaction-scoped advisory lock serialises replicas).
   */
  async notifyAffected(): Promise<ChangeImpactNotifyResult> {
    const current = await this.catalogues.current();
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/assessments/changes`;
    let firms = 0;
    let mails = 0;
    for (const row of await this.affected(current.version)) {
      const sent = await this.dataSource.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`change-notice:${row.org_id}:${current.version}`]);
        const done = await this.audit.orgsWith(CHANGE_NOTICE_ACTION, ['version', current.version], [row.org_id], m);
        if (done.size) return 0;
        const recipients = await this.directory.members([row.org_id], ['owner', 'admin'], m); // by address
        const orgName = recipients.length ? await this.directory.organisationName(row.org_id, m) : '';
        for (const r of recipients)
          await this.mail.enqueue(
            changeImpactMail(r.email, orgName, row.catalogue_version, current.version, current.effectiveFrom, link),
            m,
          );
        await this.audit.record(
          {
            orgId: row.org_id,
            action: CHANGE_NOTICE_ACTION,
            target: row.id,
            details: { version: current.version, from: row.catalogue_version, recipients: recipients.length },
          },
          m,
        );
        return recipients.length;
      });
      if (sent) {
        firms++;
        mails += sent;
      }
    }
    if (firms)
      this.logger.log(
        `catalogue ${current.version}: notified ${firms} firm(s) of their change impact (${mails} mail(s))`,
      );
    return { currentVersion: current.version, firms, mails };
  }

  private async profileOf(orgId: string, latest: Assessment): Promise<FirmProfile> {
    try {
      return snapshotOf((await this.profiles.current(orgId)).data);
    } catch {
      return latest.profileSnapshot;
    }
  }
}

function brief(a: Assessment): NonNullable<ChangeImpactView['assessment']> {
  return {
    id: a.id,
    catalogueVersion: a.catalogueVersion,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    score: a.overallScore,
    level: a.level,
  };
}
