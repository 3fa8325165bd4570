import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import {
  AuditService,
  createInvitations,
  Invitation,
  InvitationHooks,
  invitationLink,
  Organisation,
  type OutgoingMail,
} from '@scs/api/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  ConflictError,
  fieldError,
  GoneError,
  InvalidInputError,
  PayloadTooLargeError,
  NotFoundError,
} from '@scs/api/core';
import { type AddressList, AddressListError, decodeUpload, INVITE_LIMIT, parseAddressList } from './address-list';
import { Campaign, CampaignFirm, CampaignInvitation } from './campaign.entity';
import { campaignStatus, findCampaign } from './campaigns.service';
import type {
  CampaignInvitationPage,
  CampaignInvitationView,
  InvitationStatus,
  InvitePreview,
  InviteResult,
} from './dto/campaign.views';
import { exportFilename, participationCsv } from './export';
import {
  deliveryWarning,
  INVITATION_COLUMNS,
  INVITATION_FIRM_JOIN,
  INVITATION_FROM,
  type InvitationRow,
  STATUS_SQL,
} from './invitation-status';
import { campaignInvitationMail } from './mails';

const CHUNK = 1000;

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Queues the mails (one statement) and returns the outbox id per recipient. */
async function insertMails(m: EntityManager, mails: OutgoingMail[]): Promise<Map<string, string>> {
  const rows: { id: string; to: string }[] = await m.query(
    `INSERT INTO "mail_outbox" ("to", "subject", "text") SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING "id", "to"`,
    [mails.map((x) => x.to), mails.map((x) => x.subject), mails.map((x) => x.text)],
  );
  return new Map(rows.map((r) => [r.to, r.id]));
}

function toInvitationView(r: InvitationRow): CampaignInvitationView {
  return {
    ...r,
    sendCount: Number(r.sendCount),
    opened: r.openedAt !== null || r.joinedAt !== null,
    joined: r.joinedAt !== null,
  };
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
      const chamberName = await this.chamberName(m, chamberId);
      const created = await createInvitations(m, {
        orgId: chamberId,
        kind: 'chamber_firm',
        emails: fresh,
        invitedBy: actorId,
        expiresAt: campaign.closesAt, // the link lives exactly as long as the campaign
        keepEarlier: true, // the same address may hold links of several campaigns of this chamber
      });
      const link = (token: string) => invitationLink(this.config.publicUrl, token);
      for (let i = 0; i < created.length; i += CHUNK) {
        const chunk = created.slice(i, i + CHUNK);
        const mails = chunk.map(({ invitation, token }) =>
          campaignInvitationMail(invitation.email, {
            chamberName,
            title: campaign.title,
            messageDe: campaign.messageDe,
            messageEn: campaign.messageEn,
            link: link(token),
            validUntil: invitation.expiresAt,
          }),
        );
        // Array parameters: one statement per chunk instead of an entity (and its SQL) per row.
        const mailIds = await insertMails(m, mails);
        await m.query(
          `INSERT INTO "campaign_invitation" ("campaign_id", "email", "invitation_id", "mail_id") SELECT $1, t."email", t."id", t."mail" FROM unnest($2::text[], $3::uuid[], $4::uuid[]) AS t("email", "id", "mail")`,
          [
            campaignId,
            chunk.map((c) => c.invitation.email),
            chunk.map((c) => c.invitation.id),
            chunk.map((c) => mailIds.get(c.invitation.email) ?? null),
          ],
        );
      }
      const result: InviteResult = {
        invited: fresh.length,
        duplicates: parsed.duplicates,
        alreadyInvited: known.size,
        rejected: parsed.rejected,
        limit: INVITE_LIMIT,
        mailConfigured: Boolean(this.config.smtpUrl),
        warning:
          fresh.length > 0 && !this.config.smtpUrl
            ? deliveryWarning(false, { notSent: fresh.length, failed: 0 })
            : null,
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

  /**
   * The addresses the chamber invited (it typed them itself), newest first, with their status (sent, opened, joined,
   * bounced, revoked), the latest mail's delivery and the link's end; filtered by status and part of the address.
   */
  async list(
    chamberId: string,
    campaignId: string,
    query: { offset: number; limit: number; status?: InvitationStatus; q?: string },
  ): Promise<CampaignInvitationPage> {
    const m = this.dataSource.manager;
    await findCampaign(m, chamberId, campaignId);
    const where = [`ci."campaign_id" = $1`];
    const params: unknown[] = [campaignId];
    if (query.status) {
      params.push(query.status);
      where.push(`${STATUS_SQL} = $${params.length}`);
    }
    const q = query.q?.trim().toLowerCase();
    if (q) {
      params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`ci."email" LIKE $${params.length}`);
    }
    const [{ n }]: { n: string }[] = await m.query(
      `SELECT count(*) AS "n" FROM ${INVITATION_FROM} WHERE ${where.join(' AND ')}`,
      params,
    );
    const items: InvitationRow[] = await m.query(
      `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} ${INVITATION_FIRM_JOIN}
        WHERE ${where.join(' AND ')} ORDER BY ci."invited_at" DESC, ci."email" ASC
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, query.offset, query.limit],
    );
    const byStatus: { status: InvitationStatus; n: string }[] = await m.query(
      `SELECT ${STATUS_SQL} AS "status", count(*) AS "n" FROM ${INVITATION_FROM} WHERE ci."campaign_id" = $1 GROUP BY 1`,
      [campaignId],
    );
    const counts = { sent: 0, opened: 0, joined: 0, bounced: 0, revoked: 0 };
    for (const r of byStatus) counts[r.status] = Number(r.n);
    return { items: items.map(toInvitationView), total: Number(n), counts };
  }

  /**
   * Sends a fresh link to one address (its earlier link stops working): after a bounce with a corrected mail server,
   * a lost mail, or a revocation the chamber takes back. Only while the campaign is open and the address has not joined.
   */
  async resend(
    chamberId: string,
    campaignId: string,
    id: string,
    actorId: string,
    ip: string | null,
  ): Promise<CampaignInvitationView> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await findCampaign(m, chamberId, campaignId, 'pessimistic_write');
      const ci = await this.findInvitation(m, campaignId, id);
      this.assertInvitable(campaign);
      if (ci.joinedAt) throw new ConflictError('errors.campaign.alreadyJoinedResend');
      if (ci.invitationId)
        await m.update(
          Invitation,
          { id: ci.invitationId, acceptedAt: IsNull(), revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
      const [created] = await createInvitations(m, {
        orgId: chamberId,
        kind: 'chamber_firm',
        emails: [ci.email],
        invitedBy: actorId,
        expiresAt: campaign.closesAt,
        keepEarlier: true,
      });
      const mail = campaignInvitationMail(ci.email, {
        chamberName: await this.chamberName(m, chamberId),
        title: campaign.title,
        messageDe: campaign.messageDe,
        messageEn: campaign.messageEn,
        link: invitationLink(this.config.publicUrl, created.token),
        validUntil: created.invitation.expiresAt,
      });
      const mailIds = await insertMails(m, [mail]);
      await m.update(
        CampaignInvitation,
        { id: ci.id },
        {
          invitationId: created.invitation.id,
          mailId: mailIds.get(ci.email) ?? null,
          revokedAt: null,
          lastSentAt: new Date(),
          sendCount: ci.sendCount + 1,
        },
      );
      await this.audit.record(
        {
          action: 'campaign.invitation_resent',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${campaignId}`,
          ip,
          details: { campaignInvitationId: id },
        },
        m,
      );
    });
    return this.view(campaignId, id);
  }

  /** Withdraws one address's link (it answers 410 from now on); 409 once the address joined or when already withdrawn. */
  async revoke(
    chamberId: string,
    campaignId: string,
    id: string,
    actorId: string,
    ip: string | null,
  ): Promise<CampaignInvitationView> {
    await this.dataSource.transaction(async (m) => {
      await findCampaign(m, chamberId, campaignId, 'pessimistic_write');
      const ci = await this.findInvitation(m, campaignId, id);
      if (ci.joinedAt) throw new ConflictError('errors.campaign.alreadyJoinedWithdraw');
      const current = (await this.view(campaignId, id, m)).status;
      if (current === 'revoked') throw new ConflictError('errors.campaign.alreadyWithdrawn');
      if (ci.invitationId)
        await m.update(
          Invitation,
          { id: ci.invitationId, acceptedAt: IsNull(), revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
      await m.update(CampaignInvitation, { id: ci.id }, { revokedAt: new Date() });
      await this.audit.record(
        {
          action: 'campaign.invitation_revoked',
          actorUserId: actorId,
          orgId: chamberId,
          target: `campaign:${campaignId}`,
          ip,
          details: { campaignInvitationId: id },
        },
        m,
      );
    });
    return this.view(campaignId, id);
  }

  /**
   * Participation status per invited address as CSV for Excel (`;`, UTF-8 with BOM, CRLF): address, status, dates,
   * delivery and the name of the firm that joined. Never answers, scores or how far a firm got with its assessment.
   */
  async exportCsv(
    chamberId: string,
    campaignId: string,
    locale: 'de' | 'en',
  ): Promise<{ filename: string; content: Buffer }> {
    const m = this.dataSource.manager;
    const campaign = await findCampaign(m, chamberId, campaignId);
    const rows: InvitationRow[] = await m.query(
      `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} ${INVITATION_FIRM_JOIN}
        WHERE ci."campaign_id" = $1 ORDER BY ci."email"`,
      [campaignId],
    );
    return { filename: exportFilename(campaign.title, locale), content: participationCsv(rows, locale) };
  }

  private async view(campaignId: string, id: string, m = this.dataSource.manager): Promise<CampaignInvitationView> {
    const [row]: InvitationRow[] = await m.query(
      `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} ${INVITATION_FIRM_JOIN} WHERE ci."campaign_id" = $1 AND ci."id" = $2`,
      [campaignId, id],
    );
    if (!row) throw new NotFoundError('errors.campaign.invitationNotFound');
    return toInvitationView(row);
  }

  private async findInvitation(m: EntityManager, campaignId: string, id: string): Promise<CampaignInvitation> {
    const ci = await m.findOne(CampaignInvitation, { where: { id, campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!ci) throw new NotFoundError('errors.campaign.invitationNotFound');
    return ci;
  }

  private async chamberName(m: EntityManager, chamberId: string): Promise<string> {
    const chamber = await m.findOneByOrFail(Organisation, { id: chamberId });
    return (
      (await m.query(`SELECT "display_name" AS "name" FROM "chamber_branding" WHERE "chamber_id" = $1`, [chamberId]))[0]
        ?.name ?? chamber.name
    );
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
