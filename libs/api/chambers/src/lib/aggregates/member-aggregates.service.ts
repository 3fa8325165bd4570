import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import type { MemberAggregatesView } from '@scs/shared/contracts';
import { memberTables, vocabularyOf, type MemberResult, type MemberTables, type MemberVocabulary } from './member-tables';

/**
 * Disclosure-controlled tables over a chamber's members (k = RESEARCH_K). Counted: firms that belong to the chamber,
 * have a submitted assessment (the latest one counts) and an active consent "share anonymised results with my
 * chambers". Nothing of a single firm leaves this service: the rows are reduced to the tables here.
 */
@Injectable()
export class MemberAggregatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogues: CatalogueService,
  ) {}

  async view(chamberId: string): Promise<MemberAggregatesView> {
    const { tables, firms, published } = (await this.compute(chamberId)).tables;
    return { chamberId, k: this.config.researchK, firms, published, tables, computedAt: new Date().toISOString() };
  }

  /** The tables and the vocabulary they were labelled with (the benchmark report needs both). */
  async compute(chamberId: string): Promise<{ tables: MemberTables; vocabulary: MemberVocabulary }> {
    const members = await this.members(chamberId);
    const versions = [...new Set(members.map((m) => m.catalogueVersion))];
    const catalogues = (await Promise.all(versions.map((v) => this.catalogues.get(v)))).flatMap((c) => (c ? [c.catalogue] : []));
    if (!catalogues.length) catalogues.push((await this.catalogues.current()).catalogue);
    const vocabulary = vocabularyOf(catalogues);
    return { tables: memberTables(members, vocabulary, this.config.researchK), vocabulary };
  }

  private members(chamberId: string): Promise<MemberResult[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (a."org_id") a."org_id" AS "firmId", a."catalogue_version" AS "catalogueVersion",
              coalesce(a."profile_snapshot"->>'naceSection', '') AS "naceSection",
              coalesce(a."profile_snapshot"->>'headcountBand', '') AS "headcountBand",
              coalesce(a."profile_snapshot"->>'legalForm', '') AS "legalForm",
              a."level", a."overall_score" AS "overallScore",
              coalesce((SELECT jsonb_object_agg(d->>'dimensionId', d->'score') FROM jsonb_array_elements(a."result"->'dimensions') d), '{}') AS "dimensionScores",
              coalesce((SELECT jsonb_agg((f->>'questionId') || ':' || (f->>'optionId')) FROM jsonb_array_elements(a."result"->'findings') f
                         WHERE f->>'kind' = 'exposure'), '[]') AS "findings"
         FROM "assessment" a
         JOIN "chamber_membership" cm ON cm."firm_id" = a."org_id" AND cm."chamber_id" = $1 AND cm."left_at" IS NULL
        WHERE a."status" = 'submitted' AND a."result" IS NOT NULL
          AND EXISTS (SELECT 1 FROM "consent" c WHERE c."org_id" = a."org_id" AND c."kind" = 'chamber' AND c."revoked_at" IS NULL)
        ORDER BY a."org_id", a."submitted_at" DESC`,
      [chamberId],
    );
  }
}
