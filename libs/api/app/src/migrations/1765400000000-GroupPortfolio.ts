import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group portfolio (issue 19): links between a group firm and its entities (other firm organisations). At most one
 * open link per pair; the entity grants answers separately (default: none).
 */
export class GroupPortfolio1765400000000 implements MigrationInterface {
  name = 'GroupPortfolio1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "group_link" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "group_org_id" uuid NOT NULL,
      "entity_org_id" uuid NOT NULL,
      "status" text NOT NULL DEFAULT 'pending',
      "answers_granted" boolean NOT NULL DEFAULT false,
      "invited_by" uuid,
      "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "responded_at" TIMESTAMP WITH TIME ZONE,
      "ended_at" TIMESTAMP WITH TIME ZONE,
      "ended_by_side" text,
      CONSTRAINT "PK_group_link" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_group_link_status" CHECK ("status" IN ('pending', 'active', 'declined', 'ended')),
      CONSTRAINT "CHK_group_link_not_self" CHECK ("group_org_id" <> "entity_org_id"),
      CONSTRAINT "CHK_group_link_ended_by" CHECK ("ended_by_side" IS NULL OR "ended_by_side" IN ('group', 'entity')),
      CONSTRAINT "FK_group_link_group" FOREIGN KEY ("group_org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "FK_group_link_entity" FOREIGN KEY ("entity_org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "FK_group_link_invited_by" FOREIGN KEY ("invited_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_group_link_open_pair" ON "group_link" ("group_org_id", "entity_org_id") WHERE "status" IN ('pending', 'active')`,
    );
    await q.query(`CREATE INDEX "IDX_group_link_entity" ON "group_link" ("entity_org_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_group_link_entity"`);
    await q.query(`DROP INDEX "UQ_group_link_open_pair"`);
    await q.query(`DROP TABLE "group_link"`);
  }
}
