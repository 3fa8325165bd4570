import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@scs/api/accounts';
import { APP_CONFIG, type AppConfig, fieldError, ConflictError, NotFoundError, InvalidInputError } from '@scs/api/core';
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

/** Pending links of a campaign (not used, not withdrawn) end with the campaign: `closesAt` is their expiry. */
async function alignLinkExpiry(m: EntityManager, campaignId: string, closesAt: Date): Promise<void> {
  await m.query(
    `UPDATE "invitation" SET "expires_at" = $2 WHERE "id" IN (SELECT "invitation_id" FROM "campaign_invitation" WHERE "campaign_id" = $1)
        AND "accepted_at" IS NULL AND "revoked_at" IS NULL`,
    [campaignId, closesAt],
  );
}

/** Withdraws the pending links of a campaign's invitations (all, or those with the given ids). */
async function revokeLinks(m: EntityManager, campaignId: string, ids?: string[]): Promise<void> {
  await m.query(
    `UPDATE "invitation" SET "revoked_at" = now() WHERE "id" IN (
        SELECT "invitation_id" FROM "campaign_invitation" WHERE "campaign_id" = $1 AND ($2::uuid[] IS NULL OR "id" = ANY($2::uuid[])))
        AND "accepted_at" IS NULL AND "revoked_at" IS NULL`,
    [campaignId, ids ?? null],
  );
}

/** Campaigns of a chamber: create, list, change, close. Closing keeps every invitation and participation. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
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
    const rows: (Omit<FirmCampaignView, 'status'> & { opensAt: Date; closedAt: Date | null })[] =
      await this.dataSource.query(
        `SELECT c."id" AS "campaignId", c."chamber_id" AS "chamberId", o."name" AS "chamberName", c."title", c."message_de" AS "messageDe",
              c."message_en" AS "messageEn", c."opens_at" AS "opensAt", c."closes_at" AS "closesAt", c."closed_at" AS "closedAt", cf."joined_at" AS "joinedAt"
         FROM "campaign_firm" cf JOIN "campaign" c ON c."id" = cf."campaign_id" JOIN "organisation" o ON o."id" = c."chamber_id"
        WHERE cf."firm_id" = $1 ORDER BY cf."joined_at" DESC`,
        [firmId],
      );
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
      const moved = returned<{ id: string }>(
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
      const firms = returned<{ firmId: string }>(
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
    const rows: Record<keyof Counts | 'id', string>[] = await m.query(
      `SELECT c."id",
              (SELECT count(*) FROM "campaign_invitation" ci WHERE ci."campaign_id" = c."id") AS "invited",
              (SELECT count(*) FROM "campaign_firm" cf WHERE cf."campaign_id" = c."id") AS "joined",
              mail."pending", mail."sent", mail."failed", mail."notSent"
         FROM "campaign" c
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE mo."status" = 'pending') AS "pending", count(*) FILTER (WHERE mo."status" = 'sent') AS "sent",
                  count(*) FILTER (WHERE mo."status" = 'failed') AS "failed", count(*) FILTER (WHERE mo."status" = 'not_sent') AS "notSent"
             FROM "campaign_invitation" ci JOIN "mail_outbox" mo ON mo."id" = ci."mail_id"
            WHERE ci."campaign_id" = c."id" AND ci."joined_at" IS NULL AND ci."revoked_at" IS NULL) mail
        WHERE c."id" = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          invited: Number(r.invited),
          joined: Number(r.joined),
          pending: Number(r.pending),
          sent: Number(r.sent),
          failed: Number(r.failed),
          notSent: Number(r.notSent),
        },
      ]),
    );
  }
}

/** Rows of an UPDATE … RETURNING through `query` (TypeORM's postgres driver answers `[rows, count]` for those). */
function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
