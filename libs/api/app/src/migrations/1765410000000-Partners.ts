import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner checks (issue 19): a firm's business partners, the login-free check links sent to them (token stored as
 * SHA-256 only), the evidence files they attach (bytea, PDF/PNG/JPEG only) and the firm's own verifications. All rows
 * belong to the firm (cascade with the organisation); nothing here is read by research or chamber figures.
 */
export class Partners1765410000000 implements MigrationInterface {
  name = 'Partners1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "partner" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "name" text NOT NULL,
      "name_zh" text,
      "uscc" char(18),
      "role" text NOT NULL,
      "province" text,
      "contact_name" text,
      "contact_email" text,
      "contact_language" text NOT NULL DEFAULT 'zh',
      "recheck_months" integer NOT NULL DEFAULT 12,
      "recheck_reminded_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_partner" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_partner_role" CHECK ("role" IN ('jv_partner', 'supplier', 'distributor', 'customer', 'logistics', 'other')),
      CONSTRAINT "CHK_partner_language" CHECK ("contact_language" IN ('zh', 'en', 'de')),
      CONSTRAINT "CHK_partner_recheck" CHECK ("recheck_months" BETWEEN 1 AND 60),
      CONSTRAINT "FK_partner_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "IDX_partner_org" ON "partner" ("org_id", "name")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_partner_uscc" ON "partner" ("org_id", "uscc") WHERE "uscc" IS NOT NULL`);
    await q.query(`CREATE TABLE "partner_check" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "partner_id" uuid NOT NULL,
      "questionnaire_version" text NOT NULL,
      "token_hash" char(64) NOT NULL,
      "email" text NOT NULL,
      "locale" text NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_by" uuid,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "opened_at" TIMESTAMP WITH TIME ZONE,
      "submitted_at" TIMESTAMP WITH TIME ZONE,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "expiry_reminded_at" TIMESTAMP WITH TIME ZONE,
      "answers" jsonb,
      "flags" jsonb,
      "level" text,
      "answer_locale" text,
      "declaration_name" text,
      "declaration_role" text,
      "declaration_date" date,
      "receipt_token_hash" char(64),
      "receipt_report_id" uuid,
      CONSTRAINT "PK_partner_check" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_partner_check_locale" CHECK ("locale" IN ('zh', 'en', 'de')),
      CONSTRAINT "FK_partner_check_partner" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_partner_check_token" ON "partner_check" ("token_hash")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_partner_check_receipt" ON "partner_check" ("receipt_token_hash") WHERE "receipt_token_hash" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_partner_check_partner" ON "partner_check" ("partner_id", "sent_at")`);
    await q.query(`CREATE TABLE "partner_evidence" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "check_id" uuid NOT NULL,
      "org_id" uuid NOT NULL,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" char(64) NOT NULL,
      "content" bytea NOT NULL,
      "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_partner_evidence" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_partner_evidence_type" CHECK ("content_type" IN ('application/pdf', 'image/png', 'image/jpeg')),
      CONSTRAINT "FK_partner_evidence_check" FOREIGN KEY ("check_id") REFERENCES "partner_check"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "IDX_partner_evidence_check" ON "partner_evidence" ("check_id")`);
    await q.query(`CREATE TABLE "partner_verification" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "partner_id" uuid NOT NULL,
      "org_id" uuid NOT NULL,
      "source" text NOT NULL,
      "checked_on" date NOT NULL,
      "outcome" text NOT NULL,
      "note" text,
      "recorded_by" uuid,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_partner_verification" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_partner_verification_outcome" CHECK ("outcome" IN ('no_entry', 'entry_found')),
      CONSTRAINT "FK_partner_verification_partner" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE CASCADE
    )`);
    await q.query(
      `CREATE INDEX "IDX_partner_verification_partner" ON "partner_verification" ("partner_id", "checked_on")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "partner_verification"`);
    await q.query(`DROP TABLE "partner_evidence"`);
    await q.query(`DROP TABLE "partner_check"`);
    await q.query(`DROP TABLE "partner"`);
  }
}
