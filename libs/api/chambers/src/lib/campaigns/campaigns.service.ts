import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@scs/api/accounts';
import { fieldError, ConflictError, NotFoundError } from '@scs/api/core';
import { Campaign } from './campaign.entity';
import type { CampaignStatus, CampaignView, FirmCampaignView } from './dto/campaign.views';
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

function toView(c: Campaign, counts: { invited: number; joined: number }): CampaignView {
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
    invited: counts.invited,
    joined: counts.joined,
  };
}

/** Campaigns of a chamber: create, list, change, close. Closing keeps every invitation and participation. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
      return toView(campaign, { invited: 0, joined: 0 });
    });
  }

  async list(chamberId: string): Promise<CampaignView[]> {
    const campaigns = await this.dataSource.manager.find(Campaign, {
      where: { chamberId },
      order: { createdAt: 'DESC' },
    });
    const counts = await this.counts(campaigns.map((c) => c.id));
    return campaigns.map((c) => toView(c, counts.get(c.id) ?? { invited: 0, joined: 0 }));
  }

  async get(chamberId: string, id: string): Promise<CampaignView> {
    const campaign = await findCampaign(this.dataSource.manager, chamberId, id);
    return toView(campaign, (await this.counts([id])).get(id) ?? { invited: 0, joined: 0 });
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

  private async counts(ids: string[]): Promise<Map<string, { invited: number; joined: number }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; invited: string; joined: string }[] = await this.dataSource.query(
      `SELECT c."id",
              (SELECT count(*) FROM "campaign_invitation" ci WHERE ci."campaign_id" = c."id") AS "invited",
              (SELECT count(*) FROM "campaign_firm" cf WHERE cf."campaign_id" = c."id") AS "joined"
         FROM "campaign" c WHERE c."id" = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { invited: Number(r.invited), joined: Number(r.joined) }]));
  }
}
