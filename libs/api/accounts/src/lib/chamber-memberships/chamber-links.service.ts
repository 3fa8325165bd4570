import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, type AuthUser, fieldError, type OrgContext, NotFoundError } from '@scs/api/core';
import { AuditService } from '../audit/audit.service';
import type { ClientMeta } from '../auth/sessions.service';
import { createInvitation, domainOf } from '../invitations/invitation-records';
import { invitationLink } from '../links';
import { MailService } from '../mail/mail.service';
import { chamberFirmInvitationMail } from '../mail/templates';
import { Organisation } from '../orgs/organisation.entity';
import { ChamberMembership } from './chamber-membership.entity';
import type { FirmChamberView, FirmInvitationView, MemberFirmView } from './dto/chamber.dto';
import { ChamberLinkHooks } from './chamber-link-hooks';

// A domain invitation admits every verified address of the domain: never for public mail services.
const FREEMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
  'aliyun.com',
]);

/** Links between chambers and their member firms. Chambers learn names and join dates only. */
@Injectable()
export class ChamberLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly hooks: ChamberLinkHooks,
  ) {}

  async inviteFirm(
    chamber: OrgContext,
    actor: AuthUser,
    email: string,
    bindTo: 'address' | 'domain',
    client: ClientMeta,
  ): Promise<FirmInvitationView> {
    const boundDomain = bindTo === 'domain' ? domainOf(email) : null;
    if (boundDomain && FREEMAIL_DOMAINS.has(boundDomain))
      throw fieldError('bindTo', 'errors.invitation.freemailDomain', { domain: boundDomain });
    return this.dataSource.transaction(async (m) => {
      const { invitation, token } = await createInvitation(m, {
        orgId: chamber.orgId,
        kind: 'chamber_firm',
        email,
        role: null,
        invitedBy: actor.id,
        boundDomain,
      });
      const org = await m.findOneByOrFail(Organisation, { id: chamber.orgId });
      const link = invitationLink(this.config.publicUrl, token);
      await this.mail.enqueue(chamberFirmInvitationMail(email, org.name, link), m);
      await this.audit.record(
        {
          action: 'invitation.created',
          actorUserId: actor.id,
          orgId: chamber.orgId,
          target: `invitation:${invitation.id}`,
          ip: client.ip,
          details: { kind: 'chamber_firm', bindTo },
        },
        m,
      );
      return {
        id: invitation.id,
        email: invitation.email,
        boundDomain: invitation.boundDomain,
        expiresAt: invitation.expiresAt,
        link,
      };
    });
  }

  memberFirms(chamberId: string): Promise<MemberFirmView[]> {
    return this.dataSource.query(
      `SELECT o."id" AS "firmId", o."name", cm."joined_at" AS "joinedAt"
         FROM "chamber_membership" cm JOIN "organisation" o ON o."id" = cm."firm_id"
        WHERE cm."chamber_id" = $1 AND cm."left_at" IS NULL ORDER BY o."name"`,
      [chamberId],
    );
  }

  /** The firms among `firmIds` (all when omitted) that belong to the chamber now. */
  async activeMemberIds(
    chamberId: string,
    firmIds?: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (firmIds && !firmIds.length) return new Set();
    const rows: { firmId: string }[] = await m.query(
      `SELECT "firm_id" AS "firmId" FROM "chamber_membership"
        WHERE "chamber_id" = $1 AND "left_at" IS NULL AND ($2::uuid[] IS NULL OR "firm_id" = ANY($2::uuid[]))`,
      [chamberId, firmIds ? [...new Set(firmIds)] : null],
    );
    return new Set(rows.map((r) => r.firmId));
  }

  /** The chambers the firm belongs to now, by name (then id). */
  chambersOf(firmId: string, m: EntityManager = this.dataSource.manager): Promise<FirmChamberView[]> {
    return m.query(
      `SELECT o."id" AS "chamberId", o."name", cm."joined_at" AS "joinedAt"
         FROM "chamber_membership" cm JOIN "organisation" o ON o."id" = cm."chamber_id"
        WHERE cm."firm_id" = $1 AND cm."left_at" IS NULL ORDER BY o."name", cm."chamber_id"`,
      [firmId],
    );
  }

  async leave(firmId: string, chamberId: string, actor: AuthUser, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const result = await m.update(ChamberMembership, { firmId, chamberId, leftAt: IsNull() }, { leftAt: new Date() });
      if (!result.affected) throw new NotFoundError('errors.chamber.notMember');
      await this.audit.record(
        {
          action: 'chamber.firm_left',
          actorUserId: actor.id,
          orgId: firmId,
          target: `chamber:${chamberId}`,
          ip: client.ip,
        },
        m,
      );
      // Chamber consents name their chamber (the research feature's table): it ends those given to this one, so
      // rejoining later asks again. Consents given to other chambers stay.
      await this.hooks.left(m, { firmId, chamberId, actorId: actor.id, ip: client.ip ?? null });
    });
  }
}
