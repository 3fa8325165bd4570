import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated adverse records (answer kind `records`, @scs/shared/answers): stored as JSONB next to `option_id` (which is
 * null for that kind). Actions created from the credit-repair plan carry a `source_key`, unique per firm, so that
 * creating them twice does not duplicate them.
 */
export class AdverseRecords1765100000000 implements MigrationInterface {
  name = 'AdverseRecords1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assessment_answer" ADD COLUMN "records" jsonb`);
    await q.query(
      `ALTER TABLE "assessment_answer" ADD CONSTRAINT "CHK_assessment_answer_records" CHECK ("records" IS NULL OR (jsonb_typeof("records") = 'array' AND "option_id" IS NULL))`,
    );
    await q.query(`ALTER TABLE "action" ADD COLUMN "source_key" text`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_action_org_source_key" ON "action" ("org_id", "source_key") WHERE "source_key" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "UQ_action_org_source_key"`);
    await q.query(`ALTER TABLE "action" DROP COLUMN "source_key"`);
    await q.query(`ALTER TABLE "assessment_answer" DROP CONSTRAINT "CHK_assessment_answer_records"`);
    await q.query(`ALTER TABLE "assessment_answer" DROP COLUMN "records"`);
  }
}
