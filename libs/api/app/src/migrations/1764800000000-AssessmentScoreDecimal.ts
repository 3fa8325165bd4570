import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scores carry one decimal (e.g. 33.7); the first schema stored them as integers. */
export class AssessmentScoreDecimal1764800000000 implements MigrationInterface {
  name = 'AssessmentScoreDecimal1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assessment" ALTER COLUMN "overall_score" TYPE double precision`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "assessment" ALTER COLUMN "overall_score" TYPE integer USING round("overall_score")::integer`,
    );
  }
}
