import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account security (issue 15, attacks 5–10): verified e-mail addresses, verification links (optionally carrying the
 * invitation to accept), invitations bound to a domain, retired refresh tokens (reuse detection) and an audit log
 * without scores or levels. Accounts that exist already count as verified.
 */
export class AccountSecurity1765000000000 implements MigrationInterface {
  name = 'AccountSecurity1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_account" ADD "email_verified_at" timestamptz`);
    await q.query(`UPDATE "user_account" SET "email_verified_at" = "created_at"`);
    await q.query(`CREATE TABLE "email_verification" (
      "token_hash" text NOT NULL,
      "user_id" uuid NOT NULL,
      "invitation_id" uuid,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_email_verification" PRIMARY KEY ("token_hash"),
      CONSTRAINT "FK_email_verification_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_email_verification_invitation" FOREIGN KEY ("invitation_id") REFERENCES "invitation"("id") ON DELETE SET NULL
    )`);
    await q.query(`CREATE INDEX "IDX_email_verification_user" ON "email_verification" ("user_id")`);
    await q.query(`ALTER TABLE "invitation" ADD "bound_domain" text`);
    await q.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "CHK_invitation_bound_domain" CHECK ("bound_domain" IS NULL OR "kind" = 'chamber_firm')`,
    );
    await q.query(`CREATE TABLE "retired_refresh_token" (
      "token_hash" text NOT NULL,
      "session_id" uuid NOT NULL,
      "retired_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_retired_refresh_token" PRIMARY KEY ("token_hash"),
      CONSTRAINT "FK_retired_refresh_token_session" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "IDX_retired_refresh_token_session" ON "retired_refresh_token" ("session_id")`);
    // Operators need to know that a submission happened, not its result.
    await q.query(
      `UPDATE "audit_log" SET "details" = "details" - 'score' - 'level' WHERE "details" ?| array['score', 'level']`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "retired_refresh_token"`);
    await q.query(`ALTER TABLE "invitation" DROP CONSTRAINT "CHK_invitation_bound_domain"`);
    await q.query(`ALTER TABLE "invitation" DROP COLUMN "bound_domain"`);
    await q.query(`DROP TABLE "email_verification"`);
    await q.query(`ALTER TABLE "user_account" DROP COLUMN "email_verified_at"`);
  }
}
