import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogueVersions1764300000000 implements MigrationInterface {
  name = 'CatalogueVersions1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Published catalogue versions (libs/shared/catalogue/data/<version>), inserted at start-up and never updated.
    await q.query(`CREATE TABLE "catalogue_version" (
      "version" text NOT NULL,
      "effective_from" date NOT NULL,
      "checksum" text NOT NULL,
      "content" jsonb NOT NULL,
      "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_catalogue_version_checksum" CHECK ("checksum" ~ '^[0-9a-f]{64}$'),
      CONSTRAINT "PK_catalogue_version" PRIMARY KEY ("version"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "catalogue_version"`);
  }
}
