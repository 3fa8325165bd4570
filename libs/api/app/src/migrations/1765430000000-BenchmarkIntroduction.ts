import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member benchmark's introduction (issue 16, "the report a board reads"): a text the chamber's staff write before
 * they request the benchmark PDF, stored with the chamber's branding and printed (escaped) at the start of the report.
 */
export class BenchmarkIntroduction1765430000000 implements MigrationInterface {
  name = 'BenchmarkIntroduction1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "chamber_branding" ADD "benchmark_intro" text`);
    await q.query(
      `ALTER TABLE "chamber_branding" ADD CONSTRAINT "CHK_chamber_branding_benchmark_intro" CHECK (char_length("benchmark_intro") <= 3000)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "chamber_branding" DROP CONSTRAINT "CHK_chamber_branding_benchmark_intro"`);
    await q.query(`ALTER TABLE "chamber_branding" DROP COLUMN "benchmark_intro"`);
  }
}
