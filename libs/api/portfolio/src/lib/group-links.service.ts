import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, DirectoryService, MailService, ProfileService } from '@scs/api/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UUID_RE,
  fieldError,
  type AuthUser,
  type OrgContext,
} from '@scs/api/core';
import type { GroupLinkView, GroupLinksView } from '@scs/shared/contracts';
import { groupInvitationMail } from './group-invitation.mail';
import { GroupLink } from './group-link.entity';

type Side = 'group' | 'entity';

/** Links between a group and its entities: invite by USCC, accept / decline, end by either side, grant answers. */
@Injectable()
export class GroupLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: ProfileService,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The group invites the firm whose current profile carries `uscc`; the entity's owners see the invitation on their
   * portfolio page and get a mail (in their language) with the link to it, in the same transaction.
   */
  async invite(org: OrgContext, user: AuthUser, uscc: string, ip: string | null): Promise<GroupLinkView> {
    const firms = await this.profiles.firmsWithUscc(uscc);
    if (!firms.length) throw fieldError('uscc', 'errors.portfolio.noFirmWithUscc', {}, NotFoundError);
    if (firms.length > 1) throw fieldError('uscc', 'errors.portfolio.usccAmbiguous', {}, ConflictError);
    const entityOrgId = firms[0].orgId;
    if (entityOrgId === org.orgId) throw fieldError('uscc', 'errors.portfolio.notYourself');
    const id = await this.dataSource.transaction(async (m) => {
      const open = await m.find(GroupLink, {
        where: [
          { groupOrgId: org.orgId, entityOrgId, status: In(['pending', 'active']) },
          { groupOrgId: entityOrgId, entityOrgId: org.orgId, status: In(['pending', 'active']) },
        ],
      });
      if (open.some((l) => l.groupOrgId === org.orgId))
        throw fieldError('uscc', 'errors.portfolio.alreadyLinked', {}, ConflictError);
      if (open.length) throw fieldError('uscc', 'errors.portfolio.reverseLink', {}, ConflictError);
      const saved = await m.save(m.create(GroupLink, { groupOrgId: org.orgId, entityOrgId, invitedBy: user.id }));
      await this.record(m, 'group_link.invited', saved, org.orgId, user, ip);
      await this.mailOwners(m, org.orgId, entityOrgId, uscc);
      return saved.id;
    });
    return this.view(id);
  }

  /** The invitation mail to each owner of the invited entity, with the link to the entity's portfolio page. */
  private async mailOwners(m: EntityManager, groupOrgId: string, entityOrgId: string, uscc: string): Promise<void> {
    const names = await this.profiles.summaries([groupOrgId, entityOrgId]);
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/portfolio`;
    const params = {
      group: names.get(groupOrgId)?.name ?? '',
      entity: names.get(entityOrgId)?.name ?? '',
      uscc,
      link,
    };
    for (const owner of await this.directory.members([entityOrgId], ['owner'], m))
      await this.mail.enqueue(groupInvitationMail(owner.email, owner.language, params), m);
  }

  /** The links of a firm as a group (its entities) and as an entity (its groups), newest first. */
  async list(orgId: string): Promise<GroupLinksView> {
    const links = await this.dataSource.manager.find(GroupLink, {
      where: [{ groupOrgId: orgId }, { entityOrgId: orgId }],
      order: { invitedAt: 'DESC' },
    });
    const views = await this.views(links);
    return {
      entities: views.filter((v) => v.group.orgId === orgId),
      groups: views.filter((v) => v.entity.orgId === orgId),
    };
  }

  /** The entity's owner accepts a pending invitation. */
  accept(org: OrgContext, user: AuthUser, linkId: string, ip: string | null): Promise<GroupLinkView> {
    return this.respond(org, user, linkId, 'active', ip);
  }

  decline(org: OrgContext, user: AuthUser, linkId: string, ip: string | null): Promise<GroupLinkView> {
    return this.respond(org, user, linkId, 'declined', ip);
  }

  /** Either side ends a link (pending or active): the group's owners and admins, the entity's owner. */
  async end(org: OrgContext, user: AuthUser, linkId: string, ip: string | null): Promise<GroupLinkView> {
    await this.dataSource.transaction(async (m) => {
      const link = await this.locked(m, linkId, org.orgId);
      const side = this.sideOf(link, org.orgId);
      if (side === 'entity' && org.role !== 'owner') throw new ForbiddenError('errors.portfolio.ownerOnly');
      if (link.status !== 'pending' && link.status !== 'active') throw new ConflictError('errors.portfolio.notOpen');
      link.status = 'ended';
      link.endedAt = new Date();
      link.endedBySide = side;
      link.answersGranted = false;
      await m.save(link);
      await this.record(m, 'group_link.ended', link, org.orgId, user, ip, { side });
    });
    return this.view(linkId);
  }

  /** The entity's owner lets the group read its answers, or stops it. */
  async setAnswersAccess(
    org: OrgContext,
    user: AuthUser,
    linkId: string,
    granted: boolean,
    ip: string | null,
  ): Promise<GroupLinkView> {
    await this.dataSource.transaction(async (m) => {
      const link = await this.locked(m, linkId, org.orgId);
      if (this.sideOf(link, org.orgId) !== 'entity') throw new ForbiddenError('errors.portfolio.entityOnly');
      if (link.status !== 'active') throw new ConflictError('errors.portfolio.notActive');
      if (link.answersGranted === granted) return;
      link.answersGranted = granted;
      await m.save(link);
      await this.record(
        m,
        granted ? 'group_link.answers_granted' : 'group_link.answers_revoked',
        link,
        org.orgId,
        user,
        ip,
      );
    });
    return this.view(linkId);
  }

  /** The active links of a group (its current entities). */
  active(groupOrgId: string): Promise<GroupLink[]> {
    return this.dataSource.manager.find(GroupLink, {
      where: { groupOrgId, status: 'active' },
      order: { invitedAt: 'ASC' },
    });
  }

  async views(links: GroupLink[]): Promise<GroupLinkView[]> {
    const firms = await this.profiles.summaries([...new Set(links.flatMap((l) => [l.groupOrgId, l.entityOrgId]))]);
    return links.map((l) => {
      const group = firms.get(l.groupOrgId);
      const entity = firms.get(l.entityOrgId);
      return {
        id: l.id,
        status: l.status,
        group: { orgId: l.groupOrgId, name: group?.name ?? '' },
        entity: { orgId: l.entityOrgId, name: entity?.name ?? '', uscc: entity?.uscc ?? null },
        answersGranted: l.answersGranted,
        invitedAt: l.invitedAt.toISOString(),
        respondedAt: l.respondedAt?.toISOString() ?? null,
        endedAt: l.endedAt?.toISOString() ?? null,
        endedBy: l.endedBySide,
      };
    });
  }

  private async respond(
    org: OrgContext,
    user: AuthUser,
    linkId: string,
    status: 'active' | 'declined',
    ip: string | null,
  ): Promise<GroupLinkView> {
    await this.dataSource.transaction(async (m) => {
      const link = await this.locked(m, linkId, org.orgId);
      if (this.sideOf(link, org.orgId) !== 'entity') throw new ForbiddenError('errors.portfolio.entityOnly');
      if (link.status !== 'pending') throw new ConflictError('errors.portfolio.notPending');
      link.status = status;
      link.respondedAt = new Date();
      await m.save(link);
      await this.record(
        m,
        status === 'active' ? 'group_link.accepted' : 'group_link.declined',
        link,
        org.orgId,
        user,
        ip,
      );
    });
    return this.view(linkId);
  }

  /** A link of this organisation (either side), locked for the change; anyone else's link is "not found". */
  private async locked(m: EntityManager, linkId: string, orgId: string): Promise<GroupLink> {
    const link = UUID_RE.test(linkId)
      ? await m.findOne(GroupLink, { where: { id: linkId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!link || (link.groupOrgId !== orgId && link.entityOrgId !== orgId))
      throw new NotFoundError('errors.portfolio.linkNotFound');
    return link;
  }

  private sideOf(link: GroupLink, orgId: string): Side {
    return link.groupOrgId === orgId ? 'group' : 'entity';
  }

  private async view(linkId: string): Promise<GroupLinkView> {
    const link = await this.dataSource.manager.findOneOrFail(GroupLink, { where: { id: linkId } });
    const [view] = await this.views([link]);
    return view;
  }

  /** One audit entry for the acting organisation; the other side's id travels in the details. */
  private record(
    m: EntityManager,
    action: string,
    link: GroupLink,
    orgId: string,
    user: AuthUser,
    ip: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        actorUserId: user.id,
        orgId,
        target: `group_link:${link.id}`,
        ip,
        details: { groupOrgId: link.groupOrgId, entityOrgId: link.entityOrgId, ...extra },
      },
      m,
    );
  }
}
