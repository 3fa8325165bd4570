import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgKind, OrgRoleName } from '@scs/api/core';

export interface MembershipInfo {
  role: OrgRoleName;
  kind: OrgKind;
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
}
