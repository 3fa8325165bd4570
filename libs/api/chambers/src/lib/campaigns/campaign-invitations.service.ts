import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import {
  AuditService,
  createInvitations,
  DirectoryService,
  type Invitation,
  InvitationHooks,
  invitationLink,
  invitationStates,
  MailService,
  revokePendingInvitations,
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
import { ChamberBrandingService } from '../branding/branding.service';
import {
  type CampaignInvitationRecord,
  deliveryWarning,
  invitationRow,
  type InvitationRow,
  type MailState,
} from './invitation-status';
import { campaignInvitationMail } from './mails';

const CHUNK = 1000;

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The columns of CampaignInvitationRecord (`campaign_invitation` only). */
const RECORD_COLUMNS = `"id", "email", "invitation_id" AS "invitationId", "mail_id" AS "mailId", "firm_id" AS "firmId",
  "invited_at" AS "invitedAt", "opened_at" AS "openedAt", "joined_at" AS "joinedAt", "revoked_at" AS "revokedAt",
  "last_sent_at" AS "lastSentAt", "send_count" AS "sendCount"`;

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
    private readonly mail: MailService,
    private readonly directory: DirectoryService,
    private readonly branding: ChamberBrandingService,
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
      const chamberName = await this.branding.displayName(chamberId, m);
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
        const mailIds = await this.mail.enqueueMany(mails, m); // in the order of `chunk`
        await m.query(
          `INSERT INTO "campaign_invitation" ("campaign_id", "email", "invitation_id", "mail_id") SELECT $1, t."email", t."id", t."mail" FROM unnest($2::text[], $3::uuid[], $4::uuid[]) AS t("email", "id", "mail")`,
          [
            campaignId,
            chunk.map((c) => c.invitation.email),
            chunk.map((c) => c.invitation.id),
            chunk.map((_, j) => mailIds[j] ?? null),
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
    // The status joins accounts' invitation and mail states, so it is computed here for every address of the campaign
    // (the counts need them all anyway), then filtered and paged in the database's order.
    const records: CampaignInvitationRecord[] = await m.query(
      `SELECT ${RECORD_COLUMNS} FROM "campaign_invitation" WHERE "campaign_id" = $1 ORDER BY "invited_at" DESC, "email" ASC`,
      [campaignId],
    );
    const all = await this.rows(m, records, false);
    const counts = { sent: 0, opened: 0, joined: 0, bounced: 0, revoked: 0 };
    for (const r of all) counts[r.status]++;
    const q = query.q?.trim().toLowerCase();
    const matching = all.filter((r) => (!query.status || r.status === query.status) && (!q || r.email.includes(q)));
    const items = await this.withFirmNames(m, matching.slice(query.offset, query.offset + query.limit), records);
    return { items: items.map(toInvitationView), total: matching.length, counts };
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
      await revokePendingInvitations(m, [ci.invitationId]);
      const [created] = await createInvitations(m, {
        orgId: chamberId,
        kind: 'chamber_firm',
        emails: [ci.email],
        invitedBy: actorId,
        expiresAt: campaign.closesAt,
        keepEarlier: true,
      });
      const mail = campaignInvitationMail(ci.email, {
        chamberName: await this.branding.displayName(chamberId, m),
        title: campaign.title,
        messageDe: campaign.messageDe,
        messageEn: campaign.messageEn,
        link: invitationLink(this.config.publicUrl, created.token),
        validUntil: created.invitation.expiresAt,
      });
      const [mailId] = await this.mail.enqueueMany([mail], m);
      await m.update(
        CampaignInvitation,
        { id: ci.id },
        {
          invitationId: created.invitation.id,
          mailId: mailId ?? null,
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
      await revokePendingInvitations(m, [ci.invitationId]);
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
    const records: CampaignInvitationRecord[] = await m.query(
      `SELECT ${RECORD_COLUMNS} FROM "campaign_invitation" WHERE "campaign_id" = $1 ORDER BY "email"`,
      [campaignId],
    );
    const rows = await this.rows(m, records, true);
    return { filename: exportFilename(campaign.title, locale), content: participationCsv(rows, locale) };
  }

  private async view(campaignId: string, id: string, m = this.dataSource.manager): Promise<CampaignInvitationView> {
    const records: CampaignInvitationRecord[] = await m.query(
      `SELECT ${RECORD_COLUMNS} FROM "campaign_invitation" WHERE "campaign_id" = $1 AND "id" = $2`,
      [campaignId, id],
    );
    const [row] = await this.rows(m, records, true);
    if (!row) throw new NotFoundError('errors.campaign.invitationNotFound');
    return toInvitationView(row);
  }

  /**
   * The rows of these addresses with their status: one batched read of the accounts invitations and one of the mails
   * (their owners' functions), and with `firmNames` the names of the firms that joined.
   */
  private async rows(
    m: EntityManager,
    records: CampaignInvitationRecord[],
    firmNames: boolean,
  ): Promise<InvitationRow[]> {
    const links = await invitationStates(
      m,
      records.map((r) => r.invitationId),
    );
    const mails = (await this.mail.deliveries(
      records.map((r) => r.mailId),
      m,
    )) as Map<string, MailState>;
    const rows = records.map((r) =>
      invitationRow(
        r,
        r.invitationId ? links.get(r.invitationId) : undefined,
        r.mailId ? mails.get(r.mailId) : undefined,
        null,
      ),
    );
    return firmNames ? this.withFirmNames(m, rows, records) : rows;
  }

  /** The rows with the names of the firms that joined through them. */
  private async withFirmNames(
    m: EntityManager,
    rows: InvitationRow[],
    records: CampaignInvitationRecord[],
  ): Promise<InvitationRow[]> {
    const firmOf = new Map(records.map((r) => [r.id, r.firmId]));
    const names = await this.directory.organisationNames(
      rows.flatMap((r) => firmOf.get(r.id) ?? []),
      m,
    );
    return rows.map((r) => {
      const firmId = firmOf.get(r.id);
      return { ...r, firmName: firmId ? (names.get(firmId) ?? null) : null };
    });
  }

  private async findInvitation(m: EntityManager, campaignId: string, id: string): Promise<CampaignInvitation> {
    const ci = await m.findOne(CampaignInvitation, { where: { id, campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!ci) throw new NotFoundError('errors.campaign.invitationNotFound');
    return ci;
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
