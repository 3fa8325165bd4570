import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764150000000 implements MigrationInterface {
  name = 'Foundation1764150000000';

  async up(q: QueryRunner): Promise<void> {
    // Secrets generated on first start (e.g. the JWT signing key when JWT_SECRET is unset), shared by all replicas.
    await q.query(`CREATE TABLE "app_secret" (
      "name" text NOT NULL,
      "value" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_app_secret" PRIMARY KEY ("name"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "app_secret"`);
  }
}
