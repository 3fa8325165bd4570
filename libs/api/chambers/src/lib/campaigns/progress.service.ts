import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, MailOutbox, Organisation } from '@scs/api/accounts';
import { APP_CONFIG, type AppConfig, ConflictError } from '@scs/api/core';
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
        const recipients: { firmId: string; email: string }[] = await m.query(
          `SELECT ms."org_id" AS "firmId", u."email" FROM "membership" ms JOIN "user_account" u ON u."id" = ms."user_id"
            WHERE ms."org_id" = ANY($1::uuid[]) AND ms."role" IN ('owner', 'admin')`,
          [toRemind],
        );
        const chamber = await m.findOneByOrFail(Organisation, { id: chamberId });
        const chamberName =
          (
            await m.query(`SELECT "display_name" AS "name" FROM "chamber_branding" WHERE "chamber_id" = $1`, [
              chamberId,
            ])
          )[0]?.name ?? chamber.name;
        const link = `${this.config.publicUrl.replace(/\/$/, '')}/assessments`;
        for (let i = 0; i < recipients.length; i += 500) {
          const mails = recipients
            .slice(i, i + 500)
            .map((r) =>
              campaignReminderMail(r.email, { chamberName, title: campaign.title, closesAt: campaign.closesAt, link }),
            );
          await m.insert(
            MailOutbox,
            mails.map((mail) => ({ to: mail.to, subject: mail.subject, text: mail.text })),
          );
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
  private firmRows(m: EntityManager, campaign: Campaign): Promise<FirmRow[]> {
    return m.query(
      `SELECT cf."firm_id" AS "firmId", o."name", cf."joined_at" AS "joinedAt",
              EXISTS (SELECT 1 FROM "chamber_membership" cm WHERE cm."firm_id" = cf."firm_id" AND cm."chamber_id" = $2 AND cm."left_at" IS NULL) AS "member",
              EXISTS (SELECT 1 FROM "consent" pc WHERE pc."org_id" = cf."firm_id" AND pc."kind" = 'chamber_participation' AND pc."chamber_id" = $2 AND pc."revoked_at" IS NULL)
                AND EXISTS (SELECT 1 FROM "chamber_membership" cm WHERE cm."firm_id" = cf."firm_id" AND cm."chamber_id" = $2 AND cm."left_at" IS NULL) AS "sharing",
              EXISTS (SELECT 1 FROM "assessment" a WHERE a."org_id" = cf."firm_id" AND (a."created_at" >= $3 OR a."submitted_at" >= $3)) AS "started",
              EXISTS (SELECT 1 FROM "assessment" a WHERE a."org_id" = cf."firm_id" AND a."status" = 'submitted' AND a."submitted_at" >= $3) AS "submitted"
         FROM "campaign_firm" cf JOIN "organisation" o ON o."id" = cf."firm_id"
        WHERE cf."campaign_id" = $1
        ORDER BY o."name", cf."firm_id"`,
      [campaign.id, campaign.chamberId, campaign.opensAt],
    );
  }
}
