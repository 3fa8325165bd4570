import { MigrationInterface, QueryRunner } from 'typeorm';

export class Chambers1764700000000 implements MigrationInterface {
  name = 'Chambers1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "chamber_branding" (
      "chamber_id" uuid NOT NULL,
      "display_name" text NOT NULL,
      "contact_line" text,
      "website" text,
      "report_language" text NOT NULL DEFAULT 'de',
      "updated_by" uuid,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_chamber_branding" PRIMARY KEY ("chamber_id"),
      CONSTRAINT "CHK_chamber_branding_language" CHECK ("report_language" IN ('de', 'en')),
      CONSTRAINT "FK_chamber_branding_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "chamber_logo" (
      "chamber_id" uuid NOT NULL,
      "content_type" text NOT NULL,
      "bytes" bytea NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "sha256" text NOT NULL,
      "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_chamber_logo" PRIMARY KEY ("chamber_id"),
      CONSTRAINT "CHK_chamber_logo_type" CHECK ("content_type" IN ('image/png', 'image/jpeg')),
      CONSTRAINT "CHK_chamber_logo_size" CHECK (octet_length("bytes") <= 524288),
      CONSTRAINT "FK_chamber_logo_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "campaign" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "chamber_id" uuid NOT NULL,
      "title" text NOT NULL,
      "message_de" text NOT NULL,
      "message_en" text NOT NULL,
      "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "closed_at" TIMESTAMP WITH TIME ZONE,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_campaign" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_campaign_dates" CHECK ("closes_at" > "opens_at"),
      CONSTRAINT "FK_campaign_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_campaign_chamber" ON "campaign" ("chamber_id", "created_at")`);
    await q.query(`CREATE TABLE "campaign_invitation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "campaign_id" uuid NOT NULL,
      "email" text NOT NULL,
      "invitation_id" uuid,
      "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "opened_at" TIMESTAMP WITH TIME ZONE,
      "joined_at" TIMESTAMP WITH TIME ZONE,
      "firm_id" uuid,
      CONSTRAINT "PK_campaign_invitation" PRIMARY KEY ("id"),
      CONSTRAINT "FK_campaign_invitation_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_campaign_invitation_invitation" FOREIGN KEY ("invitation_id") REFERENCES "invitation"("id") ON DELETE SET NULL,
      CONSTRAINT "FK_campaign_invitation_firm" FOREIGN KEY ("firm_id") REFERENCES "organisation"("id") ON DELETE SET NULL)`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_campaign_invitation_email" ON "campaign_invitation" ("campaign_id", "email")`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_campaign_invitation_invitation" ON "campaign_invitation" ("invitation_id")`);
    await q.query(`CREATE TABLE "campaign_firm" (
      "campaign_id" uuid NOT NULL,
      "firm_id" uuid NOT NULL,
      "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "campaign_invitation_id" uuid,
      CONSTRAINT "PK_campaign_firm" PRIMARY KEY ("campaign_id", "firm_id"),
      CONSTRAINT "FK_campaign_firm_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_campaign_firm_firm" FOREIGN KEY ("firm_id") REFERENCES "organisation"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_campaign_firm_invitation" FOREIGN KEY ("campaign_invitation_id") REFERENCES "campaign_invitation"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_campaign_firm_firm" ON "campaign_firm" ("firm_id")`);
    await q.query(`CREATE TABLE "campaign_reminder" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "campaign_id" uuid NOT NULL,
      "firm_id" uuid NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_campaign_reminder" PRIMARY KEY ("id"),
      CONSTRAINT "FK_campaign_reminder_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_campaign_reminder_firm" FOREIGN KEY ("firm_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_campaign_reminder_firm_sent" ON "campaign_reminder" ("firm_id", "sent_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "campaign_reminder"`);
    await q.query(`DROP TABLE "campaign_firm"`);
    await q.query(`DROP TABLE "campaign_invitation"`);
    await q.query(`DROP TABLE "campaign"`);
    await q.query(`DROP TABLE "chamber_logo"`);
    await q.query(`DROP TABLE "chamber_branding"`);
  }
}
