import { MigrationInterface, QueryRunner } from 'typeorm';

// The firm report is also rendered in Simplified Chinese (issue #19): report.locale allows 'zh'. Distributions and the
// chamber benchmark stay German/English (CHK_report_distribution_locale unchanged).
export class ReportLocaleZh1765420000000 implements MigrationInterface {
  name = 'ReportLocaleZh1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report" DROP CONSTRAINT "CHK_report_locale"`);
    await q.query(`ALTER TABLE "report" ADD CONSTRAINT "CHK_report_locale" CHECK ("locale" IN ('en', 'de', 'zh'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "report" WHERE "locale" = 'zh'`);
    await q.query(`ALTER TABLE "report" DROP CONSTRAINT "CHK_report_locale"`);
    await q.query(`ALTER TABLE "report" ADD CONSTRAINT "CHK_report_locale" CHECK ("locale" IN ('en', 'de'))`);
  }
}
