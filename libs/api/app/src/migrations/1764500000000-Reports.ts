import { MigrationInterface, QueryRunner } from 'typeorm';

/** PDF reports (metadata, cache key, status) and their files. No foreign key to assessment: chamber reports have none. */
export class Reports1764500000000 implements MigrationInterface {
  name = 'Reports1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "report" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "assessment_id" uuid,
      "kind" text NOT NULL,
      "locale" text NOT NULL,
      "cache_key" text NOT NULL,
      "status" text NOT NULL DEFAULT 'queued',
      "error" text,
      "sha256" text,
      "pages" integer,
      "bytes" integer,
      "filename" text,
      "requested_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "started_at" TIMESTAMP WITH TIME ZONE,
      "finished_at" TIMESTAMP WITH TIME ZONE,
      "attempts" integer NOT NULL DEFAULT 0,
      CONSTRAINT "CHK_report_kind" CHECK ("kind" IN ('assessment', 'chamber_benchmark')),
      CONSTRAINT "CHK_report_locale" CHECK ("locale" IN ('en', 'de')),
      CONSTRAINT "CHK_report_status" CHECK ("status" IN ('queued', 'rendering', 'done', 'failed')),
      CONSTRAINT "PK_report" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_report_cache_key" ON "report" ("cache_key")`);
    await q.query(`CREATE INDEX "IDX_report_assessment" ON "report" ("assessment_id")`);
    await q.query(`CREATE INDEX "IDX_report_org" ON "report" ("org_id")`);
    await q.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_report_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_report_requested_by" FOREIGN KEY ("requested_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "report_file" (
      "report_id" uuid NOT NULL,
      "pdf" bytea NOT NULL,
      CONSTRAINT "PK_report_file" PRIMARY KEY ("report_id"))`);
    await q.query(
      `ALTER TABLE "report_file" ADD CONSTRAINT "FK_report_file_report" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "report_file"`);
    await q.query(`DROP TABLE "report"`);
  }
}
