import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ADMIN_PAGE_DESCRIPTION, AdminListQuery, type AdminPage, likePattern, PlatformAdmin } from '@scs/api/core';

/**
 * How many assessments each catalogue version has. The catalogue feature defines the contract (it depends on no
 * other feature); the assessments feature, which owns the table, provides it.
 */
export interface AssessmentCounts {
  perCatalogueVersion(versions: readonly string[]): Promise<Map<string, number>>;
}

/** Injection token of AssessmentCounts (looked up application-wide: AssessmentsModule provides it). */
export const ASSESSMENT_COUNTS = Symbol('ASSESSMENT_COUNTS');

export class AdminCatalogueRow {
  @ApiProperty() version!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) effectiveFrom!: string;
  @ApiProperty() checksum!: string;
  @ApiProperty() loadedAt!: Date;
  @ApiProperty() questions!: number;
  @ApiProperty({ description: 'Assessments on this version' }) assessments!: number;
}

/** The platform admin's list of loaded catalogue versions, newest first; search by version or checksum. */
@Injectable()
export class CatalogueVersionsAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  async page(query: AdminListQuery): Promise<AdminPage<AdminCatalogueRow>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 25;
    const text = query.q?.trim();
    const where = `($1::text IS NULL OR cv."version" ILIKE $1 OR cv."checksum" ILIKE $1)`;
    const params = [text ? likePattern(text) : null];
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS "n" FROM "catalogue_version" cv WHERE ${where}`,
      params,
    );
    const rows: Omit<AdminCatalogueRow, 'assessments'>[] = await this.dataSource.query(
      `SELECT cv."version", to_char(cv."effective_from", 'YYYY-MM-DD') AS "effectiveFrom", cv."checksum", cv."loaded_at" AS "loadedAt",
              COALESCE(jsonb_array_length(cv."content"->'questions'), 0) AS "questions"
         FROM "catalogue_version" cv WHERE ${where}
        ORDER BY cv."effective_from" DESC, cv."version" DESC OFFSET $2 LIMIT $3`,
      [...params, offset, limit],
    );
    // The assessments per version come from their owner (ASSESSMENT_COUNTS, provided by the assessments feature).
    const counts = await this.moduleRef
      .get<AssessmentCounts>(ASSESSMENT_COUNTS, { strict: false })
      .perCatalogueVersion(rows.map((r) => r.version));
    return {
      items: rows.map((r) => ({ ...r, assessments: counts.get(r.version) ?? 0 })),
      total: Number(n),
      offset,
      limit,
    };
  }
}

@ApiTags('admin')
@Controller('admin')
export class CatalogueVersionsAdminController {
  constructor(private readonly versions: CatalogueVersionsAdmin) {}

  @Get('catalogue-versions')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Loaded catalogue versions with question and assessment counts' })
  @ApiOkResponse({ description: ADMIN_PAGE_DESCRIPTION })
  catalogueVersions(@Query() q: AdminListQuery): Promise<AdminPage<AdminCatalogueRow>> {
    return this.versions.page(q);
  }
}
