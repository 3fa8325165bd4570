import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, organisations, memberships, versioned firm profiles, sessions, invitations, chamber links, mail outbox, audit log. */
export class Accounts1764200000000 implements MigrationInterface {
  name = 'Accounts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "user_account" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "email" text NOT NULL,
      "name" text NOT NULL,
      "password_hash" text NOT NULL,
      "platform_admin" boolean NOT NULL DEFAULT false,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_user_account" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_user_account_email" ON "user_account" ("email")`);

    await q.query(`CREATE TABLE "organisation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "kind" text NOT NULL,
      "name" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_organisation_kind" CHECK ("kind" IN ('firm', 'chamber', 'research')),
      CONSTRAINT "PK_organisation" PRIMARY KEY ("id"))`);

    await q.query(`CREATE TABLE "membership" (
      "user_id" uuid NOT NULL,
      "org_id" uuid NOT NULL,
      "role" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_membership_role" CHECK ("role" IN ('owner', 'admin', 'member', 'researcher')),
      CONSTRAINT "PK_membership" PRIMARY KEY ("user_id", "org_id"))`);
    await q.query(`CREATE INDEX "IDX_membership_org" ON "membership" ("org_id")`);
    await q.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_membership_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_membership_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "firm_profile" (
      "org_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "data" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "created_by" uuid,
      CONSTRAINT "PK_firm_profile" PRIMARY KEY ("org_id", "version"))`);
    await q.query(
      `ALTER TABLE "firm_profile" ADD CONSTRAINT "FK_firm_profile_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "firm_profile" ADD CONSTRAINT "FK_firm_profile_created_by" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "session" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "refresh_token_hash" text NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "user_agent" text,
      "ip" text,
      CONSTRAINT "PK_session" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_session_refresh_token_hash" ON "session" ("refresh_token_hash")`);
    await q.query(`CREATE INDEX "IDX_session_user" ON "session" ("user_id")`);
    await q.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_session_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "password_reset" (
      "token_hash" text NOT NULL,
      "user_id" uuid NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_password_reset" PRIMARY KEY ("token_hash"))`);
    await q.query(`CREATE INDEX "IDX_password_reset_user" ON "password_reset" ("user_id")`);
    await q.query(
      `ALTER TABLE "password_reset" ADD CONSTRAINT "FK_password_reset_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "invitation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "email" text NOT NULL,
      "role" text,
      "token_hash" text NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "accepted_at" TIMESTAMP WITH TIME ZONE,
      "accepted_by" uuid,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "invited_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_invitation_kind" CHECK ("kind" IN ('member', 'chamber_firm')),
      CONSTRAINT "CHK_invitation_role" CHECK (("kind" = 'member') = ("role" IS NOT NULL)),
      CONSTRAINT "PK_invitation" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_invitation_token_hash" ON "invitation" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_invitation_org" ON "invitation" ("org_id")`);
    await q.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "FK_invitation_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "FK_invitation_invited_by" FOREIGN KEY ("invited_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "FK_invitation_accepted_by" FOREIGN KEY ("accepted_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "chamber_membership" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "chamber_id" uuid NOT NULL,
      "firm_id" uuid NOT NULL,
      "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "left_at" TIMESTAMP WITH TIME ZONE,
      "via_invitation_id" uuid,
      CONSTRAINT "PK_chamber_membership" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_chamber_membership_active" ON "chamber_membership" ("chamber_id", "firm_id") WHERE "left_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_chamber_membership_firm" ON "chamber_membership" ("firm_id")`);
    await q.query(
      `ALTER TABLE "chamber_membership" ADD CONSTRAINT "FK_chamber_membership_chamber" FOREIGN KEY ("chamber_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "chamber_membership" ADD CONSTRAINT "FK_chamber_membership_firm" FOREIGN KEY ("firm_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "chamber_membership" ADD CONSTRAINT "FK_chamber_membership_invitation" FOREIGN KEY ("via_invitation_id") REFERENCES "invitation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "mail_outbox" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "to" text NOT NULL,
      "subject" text NOT NULL,
      "text" text NOT NULL,
      "html" text,
      "status" text NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_mail_outbox_status" CHECK ("status" IN ('pending', 'sent', 'failed', 'not_sent')),
      CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "IDX_mail_outbox_pending" ON "mail_outbox" ("next_attempt_at") WHERE "status" = 'pending'`,
    );

    await q.query(`CREATE TABLE "audit_log" (
      "id" BIGSERIAL NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_user_id" uuid,
      "org_id" uuid,
      "action" text NOT NULL,
      "target" text,
      "ip" text,
      "details" jsonb,
      CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_org" ON "audit_log" ("org_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP TABLE "mail_outbox"`);
    await q.query(`DROP TABLE "chamber_membership"`);
    await q.query(`DROP TABLE "invitation"`);
    await q.query(`DROP TABLE "password_reset"`);
    await q.query(`DROP TABLE "session"`);
    await q.query(`DROP TABLE "firm_profile"`);
    await q.query(`DROP TABLE "membership"`);
    await q.query(`DROP TABLE "organisation"`);
    await q.query(`DROP TABLE "user_account"`);
  }
}
