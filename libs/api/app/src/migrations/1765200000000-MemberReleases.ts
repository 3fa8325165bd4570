import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closed, versioned chamber releases (issue 15): the member aggregates a chamber sees are computed once per closed
 * quarter, stored here and served unchanged. `status` is `published` (tables present) or `withheld` (fewer than k
 * members, or fewer than k firms changed since the previous published release). `fingerprints` (one hash per counted
 * firm and the assessment it counted with) stay on the server: they are what the minimum-change rule compares.
 * `research.microdata_release`: the quasi-identifier generalisation of the researchers' microdata, fixed per release
 * (every file of every wave set uses it) and only ever coarsened, so the union of all downloads stays k-anonymous.
 */
export class MemberReleases1765200000000 implements MigrationInterface {
  name = 'MemberReleases1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "chamber_release" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "chamber_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
      "period" text NOT NULL,
      "version" integer,
      "status" text NOT NULL CHECK ("status" IN ('published', 'withheld')),
      "reason" text NOT NULL,
      "firms" integer,
      "changed" integer NOT NULL,
      "fingerprints" jsonb NOT NULL,
      "tables" jsonb,
      "catalogue_versions" jsonb NOT NULL DEFAULT '[]',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_chamber_release" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_chamber_release_period" UNIQUE ("chamber_id", "period"),
      CONSTRAINT "CHK_chamber_release_published" CHECK (("status" = 'published') = ("tables" IS NOT NULL AND "version" IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_chamber_release_version" ON "chamber_release" ("chamber_id", "version") WHERE "version" IS NOT NULL`);
    await q.query(`CREATE TABLE "research"."microdata_release" (
      "version" integer NOT NULL,
      "levels" jsonb NOT NULL,
      "waves" jsonb NOT NULL,
      CONSTRAINT "PK_microdata_release" PRIMARY KEY ("version")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "research"."microdata_release"`);
    await q.query(`DROP TABLE "chamber_release"`);
  }
}
