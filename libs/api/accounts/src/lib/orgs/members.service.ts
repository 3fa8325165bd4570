import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AuthUser,
  fieldError,
  type OrgContext,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '@scs/api/core';
import { AuditService } from '../audit/audit.service';
import { SessionCache } from '../auth/session-cache';
import type { ClientMeta } from '../auth/sessions.service';
import type { ChangeRoleDto, MemberView } from './dto/member.dto';
import { Membership } from './membership.entity';
import { ROLES_BY_KIND } from './organisations';

const MANAGERS = new Set(['owner', 'admin']);

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessionCache: SessionCache,
  ) {}

  async list(orgId: string): Promise<MemberView[]> {
    return this.dataSource.query(
      `SELECT u."id" AS "userId", u."name", u."email", m."role", m."created_at" AS "joinedAt"
         FROM "membership" m JOIN "user_account" u ON u."id" = m."user_id"
        WHERE m."org_id" = $1 ORDER BY u."name", u."email"`,
      [orgId],
    );
  }

  /** Locks the organisation's memberships so concurrent demotions/removals cannot both pass the last-owner check. */
  private async lockMembers(m: EntityManager, orgId: string): Promise<Membership[]> {
    return m.find(Membership, { where: { orgId }, lock: { mode: 'pessimistic_write' } });
  }

  async changeRole(
    org: OrgContext,
    actor: AuthUser,
    userId: string,
    dto: ChangeRoleDto,
    client: ClientMeta,
  ): Promise<MemberView> {
    if (!ROLES_BY_KIND[org.kind].includes(dto.role))
      throw fieldError('role', 'errors.members.noSuchRole', { role: dto.role });
    await this.dataSource.transaction(async (m) => {
      const members = await this.lockMembers(m, org.orgId);
      const target = members.find((x) => x.userId === userId);
      if (!target) throw new NotFoundError('errors.members.notFound');
      if (target.role === dto.role) return;
      if (org.role !== 'owner' && (target.role === 'owner' || dto.role === 'owner'))
        throw new ForbiddenError('errors.members.ownerRoleOwnersOnly');
      if (target.role === 'owner' && members.filter((x) => x.role === 'owner').length === 1) {
        throw new ConflictError('errors.members.needsOwner');
      }
      await m.update(Membership, { userId, orgId: org.orgId }, { role: dto.role });
      // Forgotten here at once and again at commit (the trigger's notification), so no request sees the old role.
      this.sessionCache.forgetMembership(userId, org.orgId);
      await this.audit.record(
        {
          action: 'member.role_changed',
          actorUserId: actor.id,
          orgId: org.orgId,
          target: `user:${userId}`,
          ip: client.ip,
          details: { from: target.role, to: dto.role },
        },
        m,
      );
    });
    this.sessionCache.forgetMembership(userId, org.orgId); // and after the commit, in case a lookup ran in between
    const member = (await this.list(org.orgId)).find((x) => x.userId === userId);
    if (!member) throw new NotFoundError('errors.members.notFound');
    return member;
  }

  /** Owners and admins remove members (admins cannot remove owners); anyone may leave. The last owner never goes. */
  async remove(org: OrgContext, actor: AuthUser, userId: string, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const members = await this.lockMembers(m, org.orgId);
      const target = members.find((x) => x.userId === userId);
      if (!target) throw new NotFoundError('errors.members.notFound');
      const self = userId === actor.id;
      if (!self && !MANAGERS.has(org.role)) throw new ForbiddenError('errors.members.removeManagersOnly');
      if (!self && target.role === 'owner' && org.role !== 'owner')
        throw new ForbiddenError('errors.members.removeOwnerOwnersOnly');
      if (target.role === 'owner' && members.filter((x) => x.role === 'owner').length === 1) {
        throw new ConflictError('errors.members.lastOwner');
      }
      await m.delete(Membership, { userId, orgId: org.orgId });
      this.sessionCache.forgetMembership(userId, org.orgId);
      await this.audit.record(
        {
          action: self ? 'member.left' : 'member.removed',
          actorUserId: actor.id,
          orgId: org.orgId,
          target: `user:${userId}`,
          ip: client.ip,
          details: { role: target.role },
        },
        m,
      );
    });
    this.sessionCache.forgetMembership(userId, org.orgId);
  }
}
