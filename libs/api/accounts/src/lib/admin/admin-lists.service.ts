import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { likePattern } from '@scs/api/core';
import type {
  AdminAuditRow,
  AdminListQuery,
  AdminMailRow,
  AdminMailsQuery,
  AdminOrganisationRow,
  AdminOrganisationsQuery,
  AdminPage,
  AdminResearchExportRow,
  AdminUserRow,
} from './dto/admin-lists.dto';
import { RESEARCH_EXPORT_LOG, type ResearchExportLog } from './research-export-log';

interface ListSpec {
  /** FROM … (with joins). */
  from: string;
  /** Columns of the page's rows. */
  select: string;
  /** Expressions the search text is matched against (ILIKE). */
  search: string[];
  /** Further conditions with their values, e.g. [`o."kind" = $`, 'firm']. */
  filters: [string, unknown][];
  order: string;
}

/**
 * Read-only, paged lists for the platform admin area: organisations, people, outgoing mail (without bodies), the
 * audit log and the research export log (through the research feature's RESEARCH_EXPORT_LOG contract). The catalogue
 * versions are the catalogue feature's list (GET /admin/catalogue-versions). Never answers, scores or results of a firm.
 */
@Injectable()
export class AdminListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  organisations(q: AdminOrganisationsQuery): Promise<AdminPage<AdminOrganisationRow>> {
    return this.page<AdminOrganisationRow>(q, {
      from: `"organisation" o`,
      select: `o."id", o."kind", o."name", o."created_at" AS "createdAt",
               (SELECT count(*)::int FROM "membership" ms WHERE ms."org_id" = o."id") AS "members"`,
      search: [`o."name"`, `o."id"::text`],
      filters: q.kind ? [[`o."kind" = $`, q.kind]] : [],
      order: `o."created_at" DESC, o."id"`,
    });
  }

  users(q: AdminListQuery): Promise<AdminPage<AdminUserRow>> {
    return this.page<AdminUserRow>(q, {
      from: `"user_account" u`,
      select: `u."id", u."email", u."name", u."platform_admin" AS "platformAdmin", u."email_verified_at" IS NOT NULL AS "verified",
               u."created_at" AS "createdAt", (SELECT count(*)::int FROM "membership" ms WHERE ms."user_id" = u."id") AS "organisations"`,
      search: [`u."email"`, `u."name"`],
      filters: [],
      order: `u."created_at" DESC, u."id"`,
    });
  }

  mails(q: AdminMailsQuery): Promise<AdminPage<AdminMailRow>> {
    return this.page<AdminMailRow>(q, {
      from: `"mail_outbox" mo`,
      select: `mo."id", mo."to", mo."subject", mo."status", mo."attempts", mo."last_error" AS "lastError",
               mo."created_at" AS "createdAt", mo."sent_at" AS "sentAt"`,
      search: [`mo."to"`, `mo."subject"`],
      filters: q.status ? [[`mo."status" = $`, q.status]] : [],
      order: `mo."created_at" DESC, mo."id"`,
    });
  }

  async audit(q: AdminListQuery): Promise<AdminPage<AdminAuditRow>> {
    const page = await this.page<AdminAuditRow>(q, {
      from: `"audit_log" l LEFT JOIN "user_account" u ON u."id" = l."actor_user_id" LEFT JOIN "organisation" o ON o."id" = l."org_id"`,
      select: `l."id", l."at", u."email" AS "actorEmail", o."name" AS "orgName", l."org_id" AS "orgId", l."action", l."target", l."ip"`,
      search: [`l."action"`, `l."target"`, `u."email"`, `o."name"`],
      filters: [],
      order: `l."id" DESC`,
    });
    return { ...page, items: page.items.map((r) => ({ ...r, id: String(r.id) })) };
  }

  /**
   * The research export log (research's table, through its RESEARCH_EXPORT_LOG contract): a search matches the kind,
   * the table, the person's address or the organisation's name, which accounts looks up here.
   */
  async researchExports(q: AdminListQuery): Promise<AdminPage<AdminResearchExportRow>> {
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 25;
    const text = q.q?.trim();
    const pattern = text ? likePattern(text) : null;
    const matching = async (sql: string): Promise<string[]> =>
      pattern ? ((await this.dataSource.query(sql, [pattern])) as { id: string }[]).map((r) => r.id) : [];
    const page = await this.moduleRef.get<ResearchExportLog>(RESEARCH_EXPORT_LOG, { strict: false }).page({
      offset,
      limit,
      pattern,
      userIds: await matching(`SELECT "id" FROM "user_account" WHERE "email" ILIKE $1`),
      orgIds: await matching(`SELECT "id" FROM "organisation" WHERE "name" ILIKE $1`),
    });
    const userIds = [...new Set(page.items.flatMap((r) => (r.userId ? [r.userId] : [])))];
    const orgIds = [...new Set(page.items.flatMap((r) => (r.orgId ? [r.orgId] : [])))];
    const emails = new Map(
      (
        (await this.dataSource.query(`SELECT "id", "email" FROM "user_account" WHERE "id" = ANY($1::uuid[])`, [
          userIds,
        ])) as { id: string; email: string }[]
      ).map((u) => [u.id, u.email]),
    );
    const names = new Map(
      (
        (await this.dataSource.query(`SELECT "id", "name" FROM "organisation" WHERE "id" = ANY($1::uuid[])`, [
          orgIds,
        ])) as { id: string; name: string }[]
      ).map((o) => [o.id, o.name]),
    );
    return {
      items: page.items.map((r) => ({
        id: r.id,
        at: r.at,
        userEmail: (r.userId && emails.get(r.userId)) || null,
        orgName: (r.orgId && names.get(r.orgId)) || null,
        kind: r.kind,
        tableId: r.tableId,
        rowCount: r.rowCount,
      })),
      total: page.total,
      offset,
      limit,
    };
  }

  private async page<T>(query: AdminListQuery, spec: ListSpec): Promise<AdminPage<T>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 25;
    const params: unknown[] = [];
    const where: string[] = [];
    for (const [condition, value] of spec.filters) {
      params.push(value);
      where.push(condition.replace('$', `$${params.length}`));
    }
    const text = query.q?.trim();
    if (text) {
      params.push(likePattern(text));
      where.push(`(${spec.search.map((e) => `${e} ILIKE $${params.length}`).join(' OR ')})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS "n" FROM ${spec.from} ${clause}`,
      params,
    );
    const items: T[] = await this.dataSource.query(
      `SELECT ${spec.select} FROM ${spec.from} ${clause} ORDER BY ${spec.order} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return { items, total: Number(n), offset, limit };
  }
}
