import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundError, type OrgRoleName } from '@scs/api/core';

/** A member of an organisation with the address mails go to and the UI language the user last signed in with (null: not known). */
export interface MemberContact {
  orgId: string;
  userId: string;
  email: string;
  role: OrgRoleName;
  language: string | null;
}

/**
 * The read side of accounts' people and organisations for other features: names by id, the members of organisations
 * with their roles (mail recipients). Batched by ids (one statement per call, never one per row); pass the caller's
 * EntityManager to read inside its transaction. Other features never query `organisation`, `user_account` or
 * `membership` themselves (libs/api/app/src/lib/table-ownership.spec.ts).
 */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Organisation names by id (unknown ids are missing from the map). */
  async organisationNames(
    ids: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    return new Map((await this.organisationsByName(ids, m)).map((o) => [o.id, o.name]));
  }

  /** The organisations of these ids, ordered by name (the database's collation), then id. */
  async organisationsByName(
    ids: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; name: string }[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    return m.query(`SELECT "id", "name" FROM "organisation" WHERE "id" = ANY($1::uuid[]) ORDER BY "name", "id"`, [
      unique,
    ]);
  }

  /** The name of one organisation; 404 when there is none. */
  async organisationName(id: string, m: EntityManager = this.dataSource.manager): Promise<string> {
    const name = (await this.organisationNames([id], m)).get(id);
    if (name === undefined) throw new NotFoundError('errors.notFound.organisation');
    return name;
  }

  /** Users' names and addresses by id (unknown ids are missing from the map). */
  async users(
    ids: readonly (string | null)[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { name: string; email: string }>> {
    const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string; email: string }[] = await m.query(
      `SELECT "id", "name", "email" FROM "user_account" WHERE "id" = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map(({ id, ...user }) => [id, user]));
  }

  /** User names by id (unknown ids are missing from the map). */
  async userNames(
    ids: readonly (string | null)[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    return new Map([...(await this.users(ids, m))].map(([id, u]) => [id, u.name]));
  }

  /** The members of these organisations holding one of `roles`, ordered by organisation, then address. */
  async members(
    orgIds: readonly string[],
    roles: readonly OrgRoleName[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<MemberContact[]> {
    const unique = [...new Set(orgIds)];
    if (!unique.length || !roles.length) return [];
    return m.query(
      `SELECT ms."org_id" AS "orgId", ms."user_id" AS "userId", u."email", ms."role", u."language"
         FROM "membership" ms JOIN "user_account" u ON u."id" = ms."user_id"
        WHERE ms."org_id" = ANY($1::uuid[]) AND ms."role" = ANY($2::text[])
        ORDER BY ms."org_id", u."email"`,
      [unique, roles],
    );
  }
}
