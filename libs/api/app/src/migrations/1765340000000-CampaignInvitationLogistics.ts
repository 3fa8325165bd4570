import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitation logistics of chamber campaigns (issue 16 item 9): per address the latest mail (its outbox status tells
 * sent / not sent / bounced), when and how often a link was sent, and a withdrawal by the chamber. Rows from before
 * have no mail recorded; their status reads "sent".
 */
export class CampaignInvitationLogistics1765340000000 implements MigrationInterface {
  name = 'CampaignInvitationLogistics1765340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "campaign_invitation" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "campaign_invitation" ADD "mail_id" uuid`);
    await q.query(
      `ALTER TABLE "campaign_invitation" ADD "last_sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(`UPDATE "campaign_invitation" SET "last_sent_at" = "invited_at"`);
    await q.query(`ALTER TABLE "campaign_invitation" ADD "send_count" integer NOT NULL DEFAULT 1`);
    await q.query(
      `ALTER TABLE "campaign_invitation" ADD CONSTRAINT "FK_campaign_invitation_mail" FOREIGN KEY ("mail_id") REFERENCES "mail_outbox"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "campaign_invitation" DROP CONSTRAINT "FK_campaign_invitation_mail"`);
    await q.query(`ALTER TABLE "campaign_invitation" DROP COLUMN "send_count"`);
    await q.query(`ALTER TABLE "campaign_invitation" DROP COLUMN "last_sent_at"`);
    await q.query(`ALTER TABLE "campaign_invitation" DROP COLUMN "mail_id"`);
    await q.query(`ALTER TABLE "campaign_invitation" DROP COLUMN "revoked_at"`);
  }
}
