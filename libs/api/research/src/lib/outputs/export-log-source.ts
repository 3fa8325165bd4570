import { Injectable, type Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RESEARCH_EXPORT_LOG, type ResearchExportEntry, type ResearchExportLog } from '@scs/api/accounts';

/** The research export log for the platform admin's list (accounts' RESEARCH_EXPORT_LOG contract). */
@Injectable()
export class ResearchExportLogSource implements ResearchExportLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: {
    offset: number;
    limit: number;
    pattern: string | null;
    userIds: string[];
    orgIds: string[];
  }): Promise<{ items: ResearchExportEntry[]; total: number }> {
    const where = `($1::text IS NULL OR l."kind" ILIKE $1 OR l."table_id" ILIKE $1
                    OR l."user_id" = ANY($2::uuid[]) OR l."org_id" = ANY($3::uuid[]))`;
    const params = [query.pattern, query.userIds, query.orgIds];
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS "n" FROM "research"."export_log" l WHERE ${where}`,
      params,
    );
    const rows: (Omit<ResearchExportEntry, 'id'> & { id: string | number })[] = await this.dataSource.query(
      `SELECT l."id", l."at", l."user_id" AS "userId", l."org_id" AS "orgId", l."kind", l."table_id" AS "tableId", l."row_count" AS "rowCount"
         FROM "research"."export_log" l WHERE ${where} ORDER BY l."id" DESC OFFSET $4 LIMIT $5`,
      [...params, query.offset, query.limit],
    );
    return { items: rows.map((r) => ({ ...r, id: String(r.id) })), total: Number(n) };
  }
}

export const researchExportLogProvider: Provider = { provide: RESEARCH_EXPORT_LOG, useClass: ResearchExportLogSource };
