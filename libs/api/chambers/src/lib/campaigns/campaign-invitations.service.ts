import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import {
  AuditService,
  createInvitations,
  type Invitation,
  InvitationHooks,
  invitationLink,
  Organisation,
} from '@scs/api/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  ConflictError,
  fieldError,
  GoneError,
  InvalidInputError,
  PayloadTooLargeError,
} from '@scs/api/core';
import { type AddressList, AddressListError, decodeUpload, INVITE_LIMIT, parseAddressList } from './address-list';
import { Campaign, CampaignFirm, CampaignInvitation } from './campaign.entity';
import { campaignStatus, findCampaign } from './campaigns.service';
import type { CampaignInvitationPage, InvitePreview, InviteResult } from './dto/campaign.views';
import { campaignInvitationMail } from './mails';

const CHUNK = 1000;

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A day for messages: ISO in English (`date`), the local form in German (`when`, e.g. 05.12.2026). */
function dayParams(d: Date): { date: string; when: Date } {
  return { date: day(d), when: d };
}

/**
 * Campaign invitations: an address list becomes `chamber_firm` invitations of the accounts feature (one emailed,
 * single-use link each), remembered per campaign. Through InvitationHooks this service also follows those links:
 * opened (preview), refused once the campaign closed (410), and joined (the firm enters the campaign).
 */
@Injectable()
export class CampaignInvitationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hooks: InvitationHooks,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      previewed: async (m, invitation) => {
        const found = await this.campaignOf(m, invitation);
        if (!found) return;
        this.assertJoinable(found.campaign);
        if (!found.ci.openedAt)
          await m.update(CampaignInvitation, { id: found.ci.id, openedAt: IsNull() }, { openedAt: new Date() });
      },
      accepting: async (m, invitation) => {
        const found = await this.campaignOf(m, invitation, true);
        if (found) this.assertJoinable(found.campaign);
      },
      acceptsExistingMember: async (m, invitation) => Boolean(await this.campaignOf(m, invitation)),
      chamberFirmAccepted: async (m, invitation, firmId) => {
        const found = await this.campaignOf(m, invitation);
        if (!found) return;
        if (await m.existsBy(CampaignFirm, { campaignId: found.campaign.id, firmId })) {
          throw new ConflictError(
            'errors.campaign.firmAlreadyJoined',
            { title: found.campaign.title },
            { fields: { firmId: 'errors.campaign.alreadyJoined' } },
          );
        }
        const now = new Date();
        await m.insert(CampaignFirm, {
          campaignId: found.campaign.id,
          firmId,
          campaignInvitationId: found.ci.id,
          joinedAt: now,
        });
        await m.update(
          CampaignInvitation,
          { id: found.ci.id },
          { joinedAt: now, firmId, openedAt: found.ci.openedAt ?? now },
        );
      },
    });
  }

  /**
   * Invites the addresses of pasted text or an uploaded CSV file. Invalid entries are listed back (line, value,
   * reason), repeats merged, addresses already invited to this campaign skipped; the rest get one email each. A list
   * that cannot be read as a whole (not CSV, malformed, over the limit) imports nothing and says so.
   */
  async invite(
    chamberId: string,
    campaignId: string,
    input: { text?: string; file?: Buffer },
    actorId: string,
    ip: string | null,
  ): Promise<InviteResult> {
    await findCampaign(this.dataSource.manager, chamberId, campaignId); // 404 before looking at the input
    const parsed = await this.read(input);
    return this.dataSource.transaction(async (m) => {
      // The row lock serialises imports into one campaign, so an address is never invited twice concurrently.
      const campaign = await findCampaign(m, chamberId, campaignId, 'pessimistic_write');
      this.assertInvitable(campaign);
      const known = await this.alreadyInvited(m, campaignId, parsed.addresses);
      const fresh = parsed.addresses.filter((a) => !known.has(a));
      const chamber = await m.findOneByOrFail(Organisation, { id: chamberId });
      const chamberName =
        (
          await m.query(`SELECT "display_name" AS "name" FROM "chamber_branding" WHERE "chamber_id" = $1`, [chamberId])
        )[0]?.name ?? chamber.name;
      const created = await createInvitations(m, {
        orgId: chamberId,
        kind: 'chamber_firm',
        emails: fresh,
        invitedBy: actorId,
      });
      const link = (token: string) => invitationLink(this.config.publicUrl, token);
      for (let i = 0; i < created.length; i += CHUNK) {
        const chunk = created.slice(i, i + CHUNK);
        // Array parameters: one statement per chunk instead of an entity (and its SQL) per row.
        await m.query(
          `INSERT INTO "campaign_invitation" ("campaign_id", "email", "invitation_id") SELECT $1, t."email", t."id" FROM unnest($2::text[], $3::uuid[]) AS t("email", "id")`,
          [campaignId, chunk.map((c) => c.invitation.email), chunk.map((c) => c.invitation.id)],
        );
        const mails = chunk.map(({ invitation, token }) =>
          campaignInvitationMail(invitation.email, {
            chamberName,
            title: campaign.title,
            messageDe: campaign.messageDe,
            messageEn: campaign.messageEn,
            link: link(token),
            validUntil: new Date(Math.min(campaign.closesAt.getTime(), invitation.expiresAt.getTime())),
          }),
        );
        await m.query(
          `INSERT INTO "mail_outbox" ("to", "subject", "text") SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
          [mails.map((x) => x.to), mails.map((x) => x.subject), mails.map((x) => x.text)],
        );
      }
      const result: InviteResult = {
        invited: fresh.length,
        duplicates: parsed.duplicates,
        alreadyInvited: known.size,
        rejected: parsed.rejected,
        limit: INVITE_LIMIT,
      };
      await this.audit.record(
        {
          action: 'campaign.invited',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${campaignId}`,
          ip,
          details: {
            invited: result.invited,
            duplicates: result.duplicates,
            alreadyInvited: result.alreadyInvited,
            rejected: result.rejected.length,
            via: input.file ? 'file' : 'paste',
          },
        },
        m,
      );
      return result;
    });
  }

  /**
   * What `invite` would do with the same input, without sending anything: the rows (company, contact, address) that
   * would be invited, those already invited to this campaign, repeats within the list and rejected rows with reasons.
   */
  async preview(
    chamberId: string,
    campaignId: string,
    input: { text?: string; file?: Buffer },
  ): Promise<InvitePreview> {
    await findCampaign(this.dataSource.manager, chamberId, campaignId);
    const parsed = await this.read(input);
    this.assertInvitable(await findCampaign(this.dataSource.manager, chamberId, campaignId));
    const known = await this.alreadyInvited(this.dataSource.manager, campaignId, parsed.addresses);
    return {
      rows: parsed.rows.filter((r) => !known.has(r.email)),
      alreadyInvited: parsed.rows.filter((r) => known.has(r.email)),
      duplicates: parsed.duplicateRows,
      rejected: parsed.rejected,
      limit: INVITE_LIMIT,
    };
  }

  private async read(input: { text?: string; file?: Buffer }): Promise<AddressList> {
    if (input.file && input.text) throw fieldError('file', 'errors.addressList.both');
    if (!input.file && !input.text?.trim()) throw fieldError('addresses', 'errors.addressList.none');
    try {
      return await parseAddressList(input.file ? decodeUpload(input.file) : (input.text as string));
    } catch (e) {
      if (e instanceof AddressListError)
        throw fieldError(
          input.file ? 'file' : 'addresses',
          'errors.addressList.unreadable',
          { detail: e.message },
          e.status === 413 ? PayloadTooLargeError : InvalidInputError,
        );
      throw e;
    }
  }

  private assertInvitable(campaign: Campaign): void {
    const status = campaignStatus(campaign);
    if (status === 'closed')
      throw new ConflictError('errors.campaign.closedNoInvitations', dayParams(campaign.closedAt ?? campaign.closesAt));
    if (status === 'scheduled') throw new ConflictError('errors.campaign.notOpenYet', dayParams(campaign.opensAt));
  }

  private async alreadyInvited(m: EntityManager, campaignId: string, addresses: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < addresses.length; i += CHUNK) {
      const rows: { email: string }[] = await m.query(
        `SELECT "email" FROM "campaign_invitation" WHERE "campaign_id" = $1 AND "email" = ANY($2::text[])`,
        [campaignId, addresses.slice(i, i + CHUNK)],
      );
      for (const r of rows) known.add(r.email);
    }
    return known;
  }

  /** The addresses the chamber invited (it typed them itself), newest first; `opened`/`joined` per address. */
  async list(chamberId: string, campaignId: string, offset: number, limit: number): Promise<CampaignInvitationPage> {
    await findCampaign(this.dataSource.manager, chamberId, campaignId);
    const [items, total] = await this.dataSource.manager.findAndCount(CampaignInvitation, {
      where: { campaignId },
      order: { invitedAt: 'DESC', email: 'ASC' },
      skip: offset,
      take: limit,
    });
    return {
      items: items.map((i) => ({
        email: i.email,
        invitedAt: i.invitedAt,
        opened: i.openedAt !== null || i.joinedAt !== null,
        joined: i.joinedAt !== null,
      })),
      total,
    };
  }

  private async campaignOf(
    m: EntityManager,
    invitation: Invitation,
    lock = false,
  ): Promise<{ ci: CampaignInvitation; campaign: Campaign } | null> {
    if (invitation.kind !== 'chamber_firm') return null;
    const ci = await m.findOneBy(CampaignInvitation, { invitationId: invitation.id });
    if (!ci) return null;
    // A shared lock while accepting: closing the campaign waits for (or happens before) the join, never in between.
    const campaign = await m.findOneOrFail(Campaign, {
      where: { id: ci.campaignId },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    return { ci, campaign };
  }

  private assertJoinable(campaign: Campaign): void {
    if (campaignStatus(campaign) !== 'closed') return;
    throw new GoneError(
      'errors.campaign.linkClosed',
      { title: campaign.title, ...dayParams(campaign.closedAt ?? campaign.closesAt) },
      { details: { status: 'campaign_closed' } },
    );
  }
}
