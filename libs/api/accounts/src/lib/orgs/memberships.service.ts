import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrgKind, OrgRoleName } from '@scs/api/core';

export interface MembershipInfo {
  role: OrgRoleName;
  kind: OrgKind;
}

/** Where to write to a member: the address and the UI language the user last signed in with (null: not known). */
export interface MemberContact {
  userId: string;
  email: string;
  language: string | null;
}

/** Read side of memberships used by the access guard on every org/resource route (one indexed lookup). */
@Injectable()
export class MembershipsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async roleIn(userId: string, orgId: string): Promise<MembershipInfo | null> {
    const rows: { role: OrgRoleName; kind: OrgKind }[] = await this.dataSource.query(
      `SELECT m."role", o."kind" FROM "membership" m JOIN "organisation" o ON o."id" = m."org_id" WHERE m."user_id" = $1 AND m."org_id" = $2`,
      [userId, orgId],
    );
    return rows[0] ?? null;
  }

  /** The members of an organisation with one of `roles`, for mails other features send them (ordered by address). */
  contacts(
    orgId: string,
    roles: readonly OrgRoleName[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberContact[]> {
    return manager.query(
      `SELECT u."id" AS "userId", u."email", u."language"
         FROM "membership" m JOIN "user_account" u ON u."id" = m."user_id"
        WHERE m."org_id" = $1 AND m."role" = ANY($2::text[])
        ORDER BY u."email"`,
      [orgId, [...roles]],
    );
  }
}
