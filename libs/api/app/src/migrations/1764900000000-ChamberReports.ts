import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chamber member benchmark reports (their published figures) and batch distribution of branded firm reports. */
export class ChamberReports1764900000000 implements MigrationInterface {
  name = 'ChamberReports1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report" ADD "prepared_by" uuid`);
    await q.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_report_prepared_by" FOREIGN KEY ("prepared_by") REFERENCES "organisation"("id") ON DELETE SET NULL`,
    );
    await q.query(`CREATE INDEX "IDX_report_prepared_by" ON "report" ("prepared_by")`);
    await q.query(`CREATE TABLE "chamber_benchmark" (
      "report_id" uuid NOT NULL,
      "chamber_id" uuid NOT NULL,
      "figures" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_chamber_benchmark" PRIMARY KEY ("report_id"),
      CONSTRAINT "FK_chamber_benchmark_report" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_chamber_benchmark_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_chamber_benchmark_chamber" ON "chamber_benchmark" ("chamber_id")`);
    await q.query(`CREATE TABLE "report_distribution" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "campaign_id" uuid NOT NULL,
      "chamber_id" uuid NOT NULL,
      "locale" text NOT NULL,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_report_distribution" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_report_distribution_locale" CHECK ("locale" IN ('en', 'de')),
      CONSTRAINT "FK_report_distribution_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_report_distribution_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "UQ_report_distribution_campaign" ON "report_distribution" ("campaign_id")`);
    await q.query(`CREATE TABLE "report_distribution_item" (
      "distribution_id" uuid NOT NULL,
      "firm_id" uuid NOT NULL,
      "state" text NOT NULL DEFAULT 'pending',
      "assessment_id" uuid,
      "report_id" uuid,
      "error" text,
      "notified_at" TIMESTAMP WITH TIME ZONE,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_report_distribution_item" PRIMARY KEY ("distribution_id", "firm_id"),
      CONSTRAINT "CHK_report_distribution_item_state" CHECK ("state" IN ('pending', 'prepared', 'skipped', 'failed')),
      CONSTRAINT "FK_report_distribution_item_distribution" FOREIGN KEY ("distribution_id") REFERENCES "report_distribution"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_report_distribution_item_firm" FOREIGN KEY ("firm_id") REFERENCES "organisation"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_report_distribution_item_report" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_report_distribution_item_report" ON "report_distribution_item" ("report_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "report_distribution_item"`);
    await q.query(`DROP TABLE "report_distribution"`);
    await q.query(`DROP TABLE "chamber_benchmark"`);
    await q.query(`DROP INDEX "IDX_report_prepared_by"`);
    await q.query(`ALTER TABLE "report" DROP CONSTRAINT "FK_report_prepared_by"`);
    await q.query(`ALTER TABLE "report" DROP COLUMN "prepared_by"`);
  }
}
