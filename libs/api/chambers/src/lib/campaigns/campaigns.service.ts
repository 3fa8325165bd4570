import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  DirectoryService,
  MailService,
  revokePendingInvitations,
  setPendingInvitationsExpiry,
} from '@scs/api/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  fieldError,
  ConflictError,
  NotFoundError,
  InvalidInputError,
  returnedRows,
} from '@scs/api/core';
import { Campaign } from './campaign.entity';
import type { CampaignStatus, CampaignView, FirmCampaignView } from './dto/campaign.views';
import { deliveryWarning } from './invitation-status';
import type { CreateCampaignDto } from './dto/create-campaign.dto';
import type { UpdateCampaignDto } from './dto/update-campaign.dto';

export function campaignStatus(
  c: Pick<Campaign, 'opensAt' | 'closesAt' | 'closedAt'>,
  now = new Date(),
): CampaignStatus {
  if (c.closedAt || c.closesAt <= now) return 'closed';
  if (c.opensAt > now) return 'scheduled';
  return 'open';
}

/** The campaign `id` of `chamberId` (optionally locked); 404 for unknown ids and other chambers' campaigns alike. */
export async function findCampaign(
  m: EntityManager,
  chamberId: string,
  id: string,
  lock?: 'pessimistic_write' | 'pessimistic_read',
): Promise<Campaign> {
  const campaign = await m.findOne(Campaign, { where: { id, chamberId }, ...(lock ? { lock: { mode: lock } } : {}) });
  if (!campaign) throw new NotFoundError('errors.campaign.notFound');
  return campaign;
}

interface Counts {
  invited: number;
  joined: number;
  pending: number;
  sent: number;
  failed: number;
  notSent: number;
}

const NO_COUNTS: Counts = { invited: 0, joined: 0, pending: 0, sent: 0, failed: 0, notSent: 0 };

function toView(c: Campaign, counts: Counts, mailConfigured: boolean): CampaignView {
  const { invited, joined, ...mail } = counts;
  return {
    id: c.id,
    title: c.title,
    messageDe: c.messageDe,
    messageEn: c.messageEn,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    closedAt: c.closedAt,
    status: campaignStatus(c),
    createdAt: c.createdAt,
    invited,
    joined,
    mail: { configured: mailConfigured, ...mail, warning: deliveryWarning(mailConfigured, mail) },
    deletable: joined === 0,
  };
}

/** The accounts invitations behind a campaign's addresses (all, or those with the given ids). */
async function linksOf(m: EntityManager, campaignId: string, ids?: string[]): Promise<string[]> {
  const rows: { invitationId: string }[] = await m.query(
    `SELECT "invitation_id" AS "invitationId" FROM "campaign_invitation"
      WHERE "campaign_id" = $1 AND "invitation_id" IS NOT NULL AND ($2::uuid[] IS NULL OR "id" = ANY($2::uuid[]))`,
    [campaignId, ids ?? null],
  );
  return rows.map((r) => r.invitationId);
}

/** Pending links of a campaign (not used, not withdrawn) end with the campaign: `closesAt` is their expiry. */
async function alignLinkExpiry(m: EntityManager, campaignId: string, closesAt: Date): Promise<void> {
  await setPendingInvitationsExpiry(m, await linksOf(m, campaignId), closesAt);
}

/** Withdraws the pending links of a campaign's invitations (all, or those with the given ids). */
async function revokeLinks(m: EntityManager, campaignId: string, ids?: string[]): Promise<void> {
  await revokePendingInvitations(m, await linksOf(m, campaignId, ids));
}

/** Campaigns of a chamber: create, list, change, close. Closing keeps every invitation and participation. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly directory: DirectoryService,
  ) {}

  private get mailConfigured(): boolean {
    return Boolean(this.config.smtpUrl);
  }

  async create(chamberId: string, dto: CreateCampaignDto, actorId: string, ip: string | null): Promise<CampaignView> {
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (closesAt <= opensAt) throw fieldError('closesAt', 'errors.campaign.closesBeforeOpens');
    if (closesAt <= new Date()) throw fieldError('closesAt', 'errors.campaign.closesInPast');
    return this.dataSource.transaction(async (m) => {
      const campaign = await m.save(
        m.create(Campaign, {
          chamberId,
          title: dto.title,
          messageDe: dto.messageDe,
          messageEn: dto.messageEn,
          opensAt,
          closesAt,
          closedAt: null,
          createdBy: actorId,
        }),
      );
      await this.audit.record(
        { action: 'campaign.created', actorUserId: actorId, orgId: chamberId, target: `campaign:${campaign.id}`, ip },
        m,
      );
      return toView(campaign, NO_COUNTS, this.mailConfigured);
    });
  }

  async list(chamberId: string): Promise<CampaignView[]> {
    const campaigns = await this.dataSource.manager.find(Campaign, {
      where: { chamberId },
      order: { createdAt: 'DESC' },
    });
    const counts = await this.counts(campaigns.map((c) => c.id));
    return campaigns.map((c) => toView(c, counts.get(c.id) ?? NO_COUNTS, this.mailConfigured));
  }

  async get(chamberId: string, id: string): Promise<CampaignView> {
    const campaign = await findCampaign(this.dataSource.manager, chamberId, id);
    return toView(campaign, (await this.counts([id])).get(id) ?? NO_COUNTS, this.mailConfigured);
  }

  async update(
    chamberId: string,
    id: string,
    dto: UpdateCampaignDto,
    actorId: string,
    ip: string | null,
  ): Promise<CampaignView> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await findCampaign(m, chamberId, id, 'pessimistic_write');
      if (campaignStatus(campaign) === 'closed') throw new ConflictError('errors.campaign.closedNoChanges');
      const changes: Partial<Campaign> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.messageDe !== undefined) changes.messageDe = dto.messageDe;
      if (dto.messageEn !== undefined) changes.messageEn = dto.messageEn;
      if (dto.closesAt !== undefined) {
        const closesAt = new Date(dto.closesAt);
        if (closesAt <= campaign.opensAt) throw fieldError('closesAt', 'errors.campaign.closesBeforeOpens');
        if (closesAt <= new Date()) throw fieldError('closesAt', 'errors.campaign.closesInPastCloseInstead');
        changes.closesAt = closesAt;
      }
      if (Object.keys(changes).length === 0) return;
      await m.update(Campaign, { id }, changes);
      if (changes.closesAt) await alignLinkExpiry(m, id, changes.closesAt);
      await this.audit.record(
        {
          action: 'campaign.updated',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${id}`,
          ip,
          details: { fields: Object.keys(changes) },
        },
        m,
      );
    });
    return this.get(chamberId, id);
  }

  /** Stops new joins through the campaign's links at once (they answer 410); everything collected so far stays. */
  async close(chamberId: string, id: string, actorId: string, ip: string | null): Promise<CampaignView> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await findCampaign(m, chamberId, id, 'pessimistic_write');
      if (campaignStatus(campaign) === 'closed') throw new ConflictError('errors.campaign.alreadyClosed');
      await m.update(Campaign, { id }, { closedAt: new Date() });
      await this.audit.record(
        { action: 'campaign.closed', actorUserId: actorId, orgId: chamberId, target: `campaign:${id}`, ip },
        m,
      );
    });
    return this.get(chamberId, id);
  }

  /** Campaigns a firm joined (its own view: the chamber's message and dates). */
  async ofFirm(firmId: string): Promise<FirmCampaignView[]> {
    const joined: (Omit<FirmCampaignView, 'status' | 'chamberName'> & { opensAt: Date; closedAt: Date | null })[] =
      await this.dataSource.query(
        `SELECT c."id" AS "campaignId", c."chamber_id" AS "chamberId", c."title", c."message_de" AS "messageDe",
              c."message_en" AS "messageEn", c."opens_at" AS "opensAt", c."closes_at" AS "closesAt", c."closed_at" AS "closedAt", cf."joined_at" AS "joinedAt"
         FROM "campaign_firm" cf JOIN "campaign" c ON c."id" = cf."campaign_id"
        WHERE cf."firm_id" = $1 ORDER BY cf."joined_at" DESC`,
        [firmId],
      );
    const names = await this.directory.organisationNames(joined.map((r) => r.chamberId));
    const rows = joined.flatMap((r) => {
      const chamberName = names.get(r.chamberId);
      return chamberName === undefined ? [] : [{ ...r, chamberName }];
    });
    return rows.map(({ opensAt, closedAt, ...r }) => ({
      ...r,
      status: campaignStatus({ opensAt, closesAt: r.closesAt, closedAt }),
    }));
  }

  /**
   * Deletes a campaign nobody joined through (a mistaken or duplicate one): its pending links are withdrawn, its
   * invitations, reminders and report distribution go with it. Once a firm joined, 409: close it instead, so what the
   * firms joined stays on record.
   */
  async remove(chamberId: string, id: string, actorId: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await findCampaign(m, chamberId, id, 'pessimistic_write');
      const counts = (await this.counts([id], m)).get(id) ?? NO_COUNTS;
      if (counts.joined > 0) throw new ConflictError('errors.campaign.joinedCannotDelete', { joined: counts.joined });
      await revokeLinks(m, id);
      await m.delete(Campaign, { id });
      await this.audit.record(
        {
          action: 'campaign.deleted',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${id}`,
          ip,
          details: { title: campaign.title, invited: counts.invited },
        },
        m,
      );
    });
  }

  /**
   * Merges `sourceId` into `targetId` (both of this chamber), e.g. a campaign created twice: the source's invited
   * addresses, joined firms and reminders move to the target, then the source is deleted. The target keeps its title,
   * messages and dates; moved links now end with the target. An address in both keeps the entry that joined (else the
   * target's; the other link is withdrawn). Refused (409) while the target is closed or the source has a report
   * distribution; 400 when both are the same.
   */
  async merge(
    chamberId: string,
    targetId: string,
    sourceId: string,
    actorId: string,
    ip: string | null,
  ): Promise<CampaignView> {
    if (targetId === sourceId)
      throw new InvalidInputError(
        'errors.campaign.mergeIntoItself',
        {},
        {
          fields: { sourceCampaignId: 'errors.campaign.chooseAnother' },
        },
      );
    await this.dataSource.transaction(async (m) => {
      // Lock both in id order, so two merges of the same pair in opposite directions cannot deadlock.
      const locked = new Map<string, Campaign>();
      for (const cid of [targetId, sourceId].sort())
        locked.set(cid, await findCampaign(m, chamberId, cid, 'pessimistic_write'));
      const target = locked.get(targetId) as Campaign;
      const source = locked.get(sourceId) as Campaign;
      if (campaignStatus(target) === 'closed') throw new ConflictError('errors.campaign.mergeTargetClosed');
      if (
        await m.query(`SELECT 1 FROM "report_distribution" WHERE "campaign_id" = $1`, [sourceId]).then((r) => r.length)
      )
        throw new ConflictError('errors.campaign.mergeSourceDistributed');
      const both: { sourceCi: string; targetCi: string; sourceJoined: boolean; targetJoined: boolean }[] =
        await m.query(
          `SELECT s."id" AS "sourceCi", t."id" AS "targetCi", s."joined_at" IS NOT NULL AS "sourceJoined", t."joined_at" IS NOT NULL AS "targetJoined"
             FROM "campaign_invitation" s JOIN "campaign_invitation" t ON t."email" = s."email" AND t."campaign_id" = $2
            WHERE s."campaign_id" = $1`,
          [sourceId, targetId],
        );
      // An address in both: the entry that joined survives (the target's when both or neither did).
      const dropSource = both.filter((b) => !b.sourceJoined || b.targetJoined).map((b) => b.sourceCi);
      const dropTarget = both.filter((b) => b.sourceJoined && !b.targetJoined).map((b) => b.targetCi);
      if (dropSource.length) {
        await revokeLinks(m, sourceId, dropSource);
        await m.query(`DELETE FROM "campaign_invitation" WHERE "id" = ANY($1::uuid[])`, [dropSource]);
      }
      if (dropTarget.length) {
        await revokeLinks(m, targetId, dropTarget);
        await m.query(`DELETE FROM "campaign_invitation" WHERE "id" = ANY($1::uuid[])`, [dropTarget]);
      }
      const moved = returnedRows<{ id: string }>(
        await m.query(`UPDATE "campaign_invitation" SET "campaign_id" = $2 WHERE "campaign_id" = $1 RETURNING "id"`, [
          sourceId,
          targetId,
        ]),
      );
      // A firm in both stays once (the target's entry); the others move.
      await m.query(
        `DELETE FROM "campaign_firm" s WHERE s."campaign_id" = $1 AND EXISTS (SELECT 1 FROM "campaign_firm" t WHERE t."campaign_id" = $2 AND t."firm_id" = s."firm_id")`,
        [sourceId, targetId],
      );
      const firms = returnedRows<{ firmId: string }>(
        await m.query(
          `UPDATE "campaign_firm" SET "campaign_id" = $2 WHERE "campaign_id" = $1 RETURNING "firm_id" AS "firmId"`,
          [sourceId, targetId],
        ),
      );
      await m.query(`UPDATE "campaign_reminder" SET "campaign_id" = $2 WHERE "campaign_id" = $1`, [sourceId, targetId]);
      await alignLinkExpiry(m, targetId, target.closesAt);
      await m.delete(Campaign, { id: sourceId });
      await this.audit.record(
        {
          action: 'campaign.merged',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${targetId}`,
          ip,
          details: {
            sourceCampaignId: sourceId,
            sourceTitle: source.title,
            movedInvitations: moved.length,
            movedFirms: firms.length,
            mergedAddresses: both.length,
          },
        },
        m,
      );
    });
    return this.get(chamberId, targetId);
  }

  private async counts(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, Counts>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; invited: string; joined: string }[] = await m.query(
      `SELECT c."id",
              (SELECT count(*) FROM "campaign_invitation" ci WHERE ci."campaign_id" = c."id") AS "invited",
              (SELECT count(*) FROM "campaign_firm" cf WHERE cf."campaign_id" = c."id") AS "joined"
         FROM "campaign" c WHERE c."id" = ANY($1::uuid[])`,
      [ids],
    );
    // Delivery of the mails to addresses that neither joined nor were withdrawn (the outbox is accounts' table).
    const open: { campaignId: string; mailId: string }[] = await m.query(
      `SELECT "campaign_id" AS "campaignId", "mail_id" AS "mailId" FROM "campaign_invitation"
        WHERE "campaign_id" = ANY($1::uuid[]) AND "joined_at" IS NULL AND "revoked_at" IS NULL AND "mail_id" IS NOT NULL`,
      [ids],
    );
    const deliveries = await this.mail.deliveries(
      open.map((o) => o.mailId),
      m,
    );
    const counts = new Map(
      rows.map((r): [string, Counts] => [
        r.id,
        { invited: Number(r.invited), joined: Number(r.joined), pending: 0, sent: 0, failed: 0, notSent: 0 },
      ]),
    );
    const key = { pending: 'pending', sent: 'sent', failed: 'failed', not_sent: 'notSent' } as const;
    for (const o of open) {
      const status = deliveries.get(o.mailId)?.status;
      const c = counts.get(o.campaignId);
      if (status && c) c[key[status]]++;
    }
    return counts;
  }
}
