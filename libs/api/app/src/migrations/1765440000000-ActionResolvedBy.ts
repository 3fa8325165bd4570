import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The action plan follows the results (issue 16 item 11): an action closed because a re-assessment resolved its
 * finding remembers that assessment ("resolved by the assessment of <date>").
 */
export class ActionResolvedBy1765440000000 implements MigrationInterface {
  name = 'ActionResolvedBy1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "action" ADD "resolved_by_assessment_id" uuid`);
    await q.query(
      `ALTER TABLE "action" ADD CONSTRAINT "FK_action_resolved_by_assessment" FOREIGN KEY ("resolved_by_assessment_id") REFERENCES "assessment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "action" DROP CONSTRAINT "FK_action_resolved_by_assessment"`);
    await q.query(`ALTER TABLE "action" DROP COLUMN "resolved_by_assessment_id"`);
  }
}
