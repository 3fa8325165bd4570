import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthUser,
  fieldError,
  type OrgContext,
  type OrgKind,
  type OrgRoleName,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '@scs/api/core';
import { AuditService } from '../audit/audit.service';
import { ChamberMembership } from '../chamber-memberships/chamber-membership.entity';
import type { ClientMeta } from '../auth/sessions.service';
import { invitationLink } from '../links';
import { MailService } from '../mail/mail.service';
import { memberInvitationMail } from '../mail/templates';
import { Membership } from '../orgs/membership.entity';
import { addMembership, ROLES_BY_KIND } from '../orgs/organisations';
import { Organisation } from '../orgs/organisation.entity';
import type {
  AcceptedInvitation,
  CreatedInvitation,
  CreateInvitationDto,
  InvitationPreview,
  InvitationView,
} from './dto/invitation.dto';
import { Invitation } from './invitation.entity';
import { InvitationHooks } from './invitation-hooks';
import {
  createInvitation,
  invitationAdmits,
  invitationStatus,
  lockUsableInvitation,
  notForThisAddress,
} from './invitation-records';

export function toInvitationView(i: Invitation): InvitationView {
  return {
    id: i.id,
    kind: i.kind,
    email: i.email,
    role: i.role,
    status: invitationStatus(i),
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    invitedBy: i.invitedBy,
  };
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly hooks: InvitationHooks,
  ) {}

  /** Invites a colleague; only owners may invite owners. The link is emailed and returned. */
  async invite(
    org: OrgContext,
    actor: AuthUser,
    dto: CreateInvitationDto,
    client: ClientMeta,
  ): Promise<CreatedInvitation> {
    if (!ROLES_BY_KIND[org.kind].includes(dto.role))
      throw fieldError('role', 'errors.members.noSuchRole', { role: dto.role });
    if (dto.role === 'owner' && org.role !== 'owner')
      throw fieldError('role', 'errors.invitation.ownersInviteOwners', {}, ForbiddenError);
    return this.dataSource.transaction(async (m) => {
      const existing = await m
        .createQueryBuilder(Membership, 'ms')
        .innerJoin('ms.user', 'u')
        .where('ms.org_id = :orgId AND u.email = :email', { orgId: org.orgId, email: dto.email })
        .getExists();
      if (existing) throw fieldError('email', 'errors.invitation.alreadyMember', {}, ConflictError);
      const { invitation, token } = await createInvitation(m, {
        orgId: org.orgId,
        kind: 'member',
        email: dto.email,
        role: dto.role,
        invitedBy: actor.id,
      });
      const orgRow = await m.findOneByOrFail(Organisation, { id: org.orgId });
      const link = invitationLink(this.config.publicUrl, token);
      await this.mail.enqueue(memberInvitationMail(dto.email, orgRow.name, actor.name, dto.role, link), m);
      await this.audit.record(
        {
          action: 'invitation.created',
          actorUserId: actor.id,
          orgId: org.orgId,
          target: `invitation:${invitation.id}`,
          ip: client.ip,
          details: { role: dto.role },
        },
        m,
      );
      return { ...toInvitationView(invitation), link };
    });
  }

  async list(orgId: string): Promise<InvitationView[]> {
    const rows = await this.dataSource.manager.find(Invitation, {
      where: { orgId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(toInvitationView);
  }

  async revoke(orgId: string, id: string, actor: AuthUser, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const invitation = await m.findOne(Invitation, { where: { id, orgId }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw new NotFoundError('errors.invitation.notFound');
      if (invitationStatus(invitation) !== 'pending')
        throw new ConflictError('errors.invitation.notPending', { status: invitationStatus(invitation) });
      await m.update(Invitation, { id }, { revokedAt: new Date() });
      await this.audit.record(
        { action: 'invitation.revoked', actorUserId: actor.id, orgId, target: `invitation:${id}`, ip: client.ip },
        m,
      );
    });
  }

  /** What the link offers, shown before signing in. 404 for unknown tokens, 410 once used, revoked or expired. */
  async preview(token: string): Promise<InvitationPreview> {
    const m = this.dataSource.manager;
    const invitation = await lockUsableInvitation(m, token, 'token', false);
    await this.hooks.previewed(m, invitation);
    const org = await m.findOneByOrFail(Organisation, { id: invitation.orgId });
    return {
      kind: invitation.kind,
      orgName: org.name,
      orgKind: org.kind,
      role: invitation.role,
      email: invitation.email,
      boundDomain: invitation.boundDomain,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Throws what accepting would throw now (e.g. 410 for a closed campaign) without accepting: registration checks the link up front. */
  async assertAcceptable(m: EntityManager, invitation: Invitation): Promise<void> {
    await this.hooks.accepting(m, invitation);
  }

  async accept(
    token: string,
    user: AuthUser,
    firmId: string | undefined,
    client: ClientMeta,
  ): Promise<AcceptedInvitation> {
    return this.dataSource.transaction(async (m) =>
      this.acceptLocked(m, await lockUsableInvitation(m, token), user, firmId, client),
    );
  }

  /**
   * Accepts a locked, usable invitation. `member`: the user (whose email must be the invited one) joins with the role.
   * `chamber_firm`: the firm `firmId`, of which the user must be owner, joins the chamber.
   */
  async acceptLocked(
    m: EntityManager,
    invitation: Invitation,
    user: Pick<AuthUser, 'id' | 'email'>,
    firmId: string | undefined,
    client: ClientMeta,
  ): Promise<AcceptedInvitation> {
    let result: AcceptedInvitation;
    // Bound to the invited address (or domain), and only an address its owner has proven counts.
    const verified: { email_verified_at: Date | null }[] = await m.query(
      `SELECT "email_verified_at" FROM "user_account" WHERE "id" = $1`,
      [user.id],
    );
    if (!verified[0]?.email_verified_at) {
      throw new ForbiddenError(
        'errors.invitation.confirmEmailFirst',
        {},
        { fields: { email: 'errors.invitation.emailNotConfirmed' } },
      );
    }
    if (!invitationAdmits(invitation, user.email)) throw notForThisAddress(invitation);
    await this.hooks.accepting(m, invitation);
    if (invitation.kind === 'member') {
      if (await m.exists(Membership, { where: { userId: user.id, orgId: invitation.orgId } }))
        throw new ConflictError('errors.invitation.youAreMember');
      await addMembership(m, user.id, invitation.orgId, invitation.role as OrgRoleName);
      result = { kind: 'member', orgId: invitation.orgId };
    } else {
      if (!firmId) throw fieldError('firmId', 'errors.invitation.chooseFirm');
      const rows: { role: OrgRoleName; kind: OrgKind }[] = await m.query(
        `SELECT ms."role", o."kind" FROM "membership" ms JOIN "organisation" o ON o."id" = ms."org_id" WHERE ms."user_id" = $1 AND ms."org_id" = $2`,
        [user.id, firmId],
      );
      const membership = rows[0];
      if (!membership || membership.kind !== 'firm')
        throw fieldError('firmId', 'errors.invitation.firmNotFound', {}, NotFoundError);
      if (membership.role !== 'owner')
        throw fieldError('firmId', 'errors.invitation.ownerJoinsChamber', {}, ForbiddenError);
      if (await m.exists(ChamberMembership, { where: { chamberId: invitation.orgId, firmId, leftAt: IsNull() } })) {
        // A campaign invitation (chambers feature) may reach a firm that already belongs to the chamber.
        if (!(await this.hooks.acceptsExistingMember(m, invitation)))
          throw new ConflictError('errors.invitation.firmAlreadyInChamber');
      } else {
        await m.insert(ChamberMembership, { chamberId: invitation.orgId, firmId, viaInvitationId: invitation.id });
        await this.audit.record(
          {
            action: 'chamber.firm_joined',
            actorUserId: user.id,
            orgId: firmId,
            target: `chamber:${invitation.orgId}`,
            ip: client.ip,
          },
          m,
        );
      }
      await this.hooks.chamberFirmAccepted(m, invitation, firmId, user.id);
      result = { kind: 'chamber_firm', orgId: invitation.orgId, firmId };
    }
    await m.update(Invitation, { id: invitation.id }, { acceptedAt: new Date(), acceptedBy: user.id });
    await this.audit.record(
      {
        action: 'invitation.accepted',
        actorUserId: user.id,
        orgId: invitation.orgId,
        target: `invitation:${invitation.id}`,
        ip: client.ip,
      },
      m,
    );
    return result;
  }
}
