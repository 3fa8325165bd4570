import { MigrationInterface, QueryRunner } from 'typeorm';

// The reports feature owns the report lifecycle of every kind (docs/architecture.md, "Reports"):
// - the kinds are registered in code, so the table no longer lists them (adding a kind needs no migration);
// - `assessment_id` becomes `subject_id` (what the report is about: an assessment, or the chamber of a member
//   benchmark), never null;
// - firm reports prepared by a chamber are a kind of their own (`prepared_assessment`);
// - a member benchmark's figures are built when it is rendered (its cache key names the release, branding and
//   participation it shows), so `chamber_benchmark` is no longer needed.
// Cache keys are now computed from ids and versions: a report requested again after this version is rendered once more.
export class ReportLifecycle1765300000000 implements MigrationInterface {
  name = 'ReportLifecycle1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report" DROP CONSTRAINT "CHK_report_kind"`);
    await q.query(`ALTER TABLE "report" RENAME COLUMN "assessment_id" TO "subject_id"`);
    await q.query(`UPDATE "report" SET "subject_id" = "org_id" WHERE "subject_id" IS NULL`);
    await q.query(`ALTER TABLE "report" ALTER COLUMN "subject_id" SET NOT NULL`);
    await q.query(`ALTER INDEX "IDX_report_assessment" RENAME TO "IDX_report_subject"`);
    await q.query(
      `UPDATE "report" SET "kind" = 'prepared_assessment' WHERE "kind" = 'assessment' AND "prepared_by" IS NOT NULL`,
    );
    await q.query(`DROP TABLE "chamber_benchmark"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "chamber_benchmark" (
      "report_id" uuid NOT NULL,
      "chamber_id" uuid NOT NULL,
      "figures" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_chamber_benchmark" PRIMARY KEY ("report_id"),
      CONSTRAINT "FK_chamber_benchmark_report" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_chamber_benchmark_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_chamber_benchmark_chamber" ON "chamber_benchmark" ("chamber_id")`);
    // Member benchmarks without their figures cannot be rendered again by the old version.
    await q.query(
      `DELETE FROM "report" WHERE "kind" NOT IN ('assessment', 'prepared_assessment', 'chamber_benchmark')`,
    );
    await q.query(`UPDATE "report" SET "kind" = 'assessment' WHERE "kind" = 'prepared_assessment'`);
    await q.query(`ALTER INDEX "IDX_report_subject" RENAME TO "IDX_report_assessment"`);
    await q.query(`ALTER TABLE "report" ALTER COLUMN "subject_id" DROP NOT NULL`);
    await q.query(`UPDATE "report" SET "subject_id" = NULL WHERE "kind" = 'chamber_benchmark'`);
    await q.query(`ALTER TABLE "report" RENAME COLUMN "subject_id" TO "assessment_id"`);
    await q.query(
      `ALTER TABLE "report" ADD CONSTRAINT "CHK_report_kind" CHECK ("kind" IN ('assessment', 'chamber_benchmark'))`,
    );
  }
}
