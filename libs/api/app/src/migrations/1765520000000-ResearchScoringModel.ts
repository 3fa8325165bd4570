import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Research records remember the scoring model of their scores (issue 16, docs/methodology.md "Aggregates and scoring
 * models"): aggregates count scores and levels of the current model only. Every record written before this migration
 * was scored with model 1 (model 2 ships in the same release, 2026.12). Rows inserted later without a model (tools,
 * fixtures with synthetic data) stay null and count as the current model.
 */
export class ResearchScoringModel1765520000000 implements MigrationInterface {
  name = 'ResearchScoringModel1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "research"."record" ADD "scoring_model" smallint`);
    await q.query(`UPDATE "research"."record" SET "scoring_model" = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "research"."record" DROP COLUMN "scoring_model"`);
  }
}
