import { MigrationInterface, QueryRunner } from 'typeorm';

/** Login/registration rate-limit counters shared by all API replicas (DatabaseThrottlerStorage; no entity). */
export class RateLimit1764950000000 implements MigrationInterface {
  name = 'RateLimit1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "rate_limit" (
      "key" text NOT NULL,
      "hits" integer NOT NULL,
      "window_ends_at" timestamptz NOT NULL,
      "blocked_until" timestamptz,
      CONSTRAINT "PK_rate_limit" PRIMARY KEY ("key")
    )`);
    await q.query(`CREATE INDEX "IDX_rate_limit_window_ends_at" ON "rate_limit" ("window_ends_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limit"`);
  }
}
