import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Microdata releases guarantee k-anonymity of rows linked across files (docs/privacy.md, "Microdata generalisation,
 * fixed per release"): `suppressed` lists the rows (wave and pseudonym) whose quasi-identifiers every file of the
 * release shows as `.s`; `records_digest` fingerprints the records the release was checked on, so the check runs again
 * only when they change (a revocation, a newly closed wave).
 */
export class MicrodataLinkageSuppression1765470000000 implements MigrationInterface {
  name = 'MicrodataLinkageSuppression1765470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "research"."microdata_release" ADD "suppressed" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "research"."microdata_release" ADD "records_digest" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "research"."microdata_release" DROP COLUMN "records_digest"`);
    await q.query(`ALTER TABLE "research"."microdata_release" DROP COLUMN "suppressed"`);
  }
}
