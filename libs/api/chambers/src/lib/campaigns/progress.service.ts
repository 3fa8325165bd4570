import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, ChamberLinksService, DirectoryService, MailService } from '@scs/api/accounts';
import { FIRM_RESULTS, type FirmResults } from '@scs/api/assessments';
import { APP_CONFIG, type AppConfig, ConflictError } from '@scs/api/core';
import { ConsentService } from '@scs/api/research';
import { ChamberBrandingService } from '../branding/branding.service';
import { Campaign, CampaignReminder } from './campaign.entity';
import { campaignStatus, findCampaign } from './campaigns.service';
import type { CampaignFirmView, ProgressView, ReminderResult } from './dto/campaign.views';
import { campaignReminderMail } from './mails';
import { type FirmActivity, participationCounts } from './participation';

export const REMINDER_INTERVAL_DAYS = 7;

interface FirmRow extends FirmActivity {
  firmId: string;
  name: string;
  joinedAt: Date;
  member: boolean;
}

/**
 * What a chamber learns about a campaign: funnel numbers, and per firm whether it joined — plus whether it started or
 * submitted only for firms that share their participation status. Answers and scores are never read here: "started"
 * and "submitted" come from the assessments' dates and status alone.
 */
@Injectable()
export class CampaignProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly chamberLinks: ChamberLinksService,
    private readonly consents: ConsentService,
    private readonly mail: MailService,
    private readonly branding: ChamberBrandingService,
    @Inject(FIRM_RESULTS) private readonly results: FirmResults,
  ) {}

  async progress(chamberId: string, campaignId: string): Promise<ProgressView> {
    const m = this.dataSource.manager;
    const campaign = await findCampaign(m, chamberId, campaignId);
    const [funnel]: { invited: string; opened: string }[] = await m.query(
      `SELECT count(*) AS "invited", count(*) FILTER (WHERE "opened_at" IS NOT NULL OR "joined_at" IS NOT NULL) AS "opened"
         FROM "campaign_invitation" WHERE "campaign_id" = $1`,
      [campaignId],
    );
    const firms = await this.firmRows(m, campaign);
    const counts = participationCounts(firms, this.config.researchK);
    return {
      campaignId,
      invited: Number(funnel.invited),
      opened: Number(funnel.opened),
      joined: firms.length,
      ...counts,
      k: this.config.researchK,
    };
  }

  async firms(chamberId: string, campaignId: string): Promise<CampaignFirmView[]> {
    const m = this.dataSource.manager;
    const firms = await this.firmRows(m, await findCampaign(m, chamberId, campaignId));
    return firms.map((f) => ({
      firmId: f.firmId,
      name: f.name,
      joinedAt: f.joinedAt,
      member: f.member,
      status: f.sharing ? (f.submitted ? 'submitted' : f.started ? 'started' : 'not_started') : null,
    }));
  }

  /**
   * Mails the owners and admins of every joined firm (still in the chamber) that has not submitted since the campaign
   * opened — except firms this chamber reminded in the last 7 days. The counts are withheld when they would reveal
   * the status of firms that do not share it (the same rule as the funnel).
   */
  async remind(chamberId: string, campaignId: string, actorId: string, ip: string | null): Promise<ReminderResult> {
    return this.dataSource.transaction(async (m) => {
      const campaign = await findCampaign(m, chamberId, campaignId);
      if (campaignStatus(campaign) !== 'open') throw new ConflictError('errors.campaign.remindersWhileOpen');
      // One reminder run per chamber at a time, so two clicks never mail a firm twice.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`campaign-reminders:${chamberId}`]);
      const firms = await this.firmRows(m, campaign);
      const due = firms.filter((f) => f.member && !f.submitted).map((f) => f.firmId);
      const recent = new Set<string>(
        due.length === 0
          ? []
          : (
              await m.query(
                `SELECT DISTINCT r."firm_id" AS "firmId" FROM "campaign_reminder" r JOIN "campaign" c ON c."id" = r."campaign_id"
                  WHERE c."chamber_id" = $1 AND r."firm_id" = ANY($2::uuid[]) AND r."sent_at" > now() - make_interval(days => $3)`,
                [chamberId, due, REMINDER_INTERVAL_DAYS],
              )
            ).map((r: { firmId: string }) => r.firmId),
      );
      const toRemind = due.filter((id) => !recent.has(id));
      if (toRemind.length) {
        const recipients = await this.directory.members(toRemind, ['owner', 'admin'], m);
        const chamberName = await this.branding.displayName(chamberId, m);
        const link = `${this.config.publicUrl.replace(/\/$/, '')}/assessments`;
        for (let i = 0; i < recipients.length; i += 500) {
          const mails = recipients
            .slice(i, i + 500)
            .map((r) =>
              campaignReminderMail(r.email, { chamberName, title: campaign.title, closesAt: campaign.closesAt, link }),
            );
          await this.mail.enqueueMany(mails, m);
        }
        for (let i = 0; i < toRemind.length; i += 500) {
          await m.insert(
            CampaignReminder,
            toRemind.slice(i, i + 500).map((firmId) => ({ campaignId, firmId })),
          );
        }
      }
      const withheld = !participationCounts(firms, this.config.researchK).complete;
      await this.audit.record(
        {
          action: 'campaign.reminded',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${campaignId}`,
          ip,
          details: { firms: toRemind.length, skipped: recent.size },
        },
        m,
      );
      return withheld
        ? { sent: null, skippedRecentlyReminded: null, withheld }
        : { sent: toRemind.length, skippedRecentlyReminded: recent.size, withheld };
    });
  }

  /**
   * Every firm of the campaign with its activity since the campaign opened: started (an assessment created or
   * submitted since then), submitted, whether it still belongs to the chamber, and whether it shares its status
   * (an active `chamber_participation` consent given to this chamber, kept by the research feature's consent table).
   */
  private async firmRows(m: EntityManager, campaign: Campaign): Promise<FirmRow[]> {
    const joined: { firmId: string; joinedAt: Date }[] = await m.query(
      `SELECT "firm_id" AS "firmId", "joined_at" AS "joinedAt" FROM "campaign_firm" WHERE "campaign_id" = $1`,
      [campaign.id],
    );
    const ids = joined.map((f) => f.firmId);
    const joinedAt = new Map(joined.map((f) => [f.firmId, f.joinedAt]));
    // One batched question to each owner (accounts: names and chamber links; research: consents; assessments: dates).
    const firms = await this.directory.organisationsByName(ids, m); // ordered by name, then id
    const members = await this.chamberLinks.activeMemberIds(campaign.chamberId, ids, m);
    const consenting = await this.consents.activeForChamber('chamber_participation', campaign.chamberId, ids, m);
    const activity = await this.results.activitySince(ids, campaign.opensAt, m);
    return firms.map(({ id, name }) => {
      const member = members.has(id);
      const done = activity.get(id);
      return {
        firmId: id,
        name,
        joinedAt: joinedAt.get(id) as Date,
        member,
        sharing: member && consenting.has(id),
        started: done?.started ?? false,
        submitted: done?.submitted ?? false,
      };
    });
  }
}
