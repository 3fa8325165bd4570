import { Injectable, type Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ASSESSMENT_COUNTS, type AssessmentCounts } from '@scs/api/catalogue';

/** The assessments per catalogue version for the platform admin's list (the catalogue's ASSESSMENT_COUNTS contract). */
@Injectable()
export class AssessmentCountsSource implements AssessmentCounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perCatalogueVersion(versions: readonly string[]): Promise<Map<string, number>> {
    const unique = [...new Set(versions)];
    if (!unique.length) return new Map();
    const rows: { version: string; n: number }[] = await this.dataSource.query(
      `SELECT "catalogue_version" AS "version", count(*)::int AS "n" FROM "assessment"
        WHERE "catalogue_version" = ANY($1::text[]) GROUP BY "catalogue_version"`,
      [unique],
    );
    return new Map(rows.map((r) => [r.version, Number(r.n)]));
  }
}

export const assessmentCountsProvider: Provider = { provide: ASSESSMENT_COUNTS, useClass: AssessmentCountsSource };
