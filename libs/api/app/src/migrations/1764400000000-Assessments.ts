import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1764400000000 implements MigrationInterface {
  name = 'Assessments1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "catalogue_version" text NOT NULL,
      "profile_snapshot" jsonb NOT NULL,
      "status" text NOT NULL DEFAULT 'draft',
      "previous_id" uuid,
      "changed_questions" jsonb NOT NULL DEFAULT '[]',
      "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "submitted_at" TIMESTAMP WITH TIME ZONE,
      "submitted_by" uuid,
      "result" jsonb,
      "overall_score" integer,
      "level" text,
      "research_answers" jsonb NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_assessment" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_assessment_status" CHECK ("status" IN ('draft', 'submitted')),
      CONSTRAINT "FK_assessment_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_assessment_catalogue" FOREIGN KEY ("catalogue_version") REFERENCES "catalogue_version"("version"),
      CONSTRAINT "FK_assessment_previous" FOREIGN KEY ("previous_id") REFERENCES "assessment"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_assessment_org_created" ON "assessment" ("org_id", "created_at")`);
    await q.query(`CREATE TABLE "assessment_answer" (
      "assessment_id" uuid NOT NULL,
      "question_id" text NOT NULL,
      "option_id" text,
      "note" text,
      "revision" integer NOT NULL,
      "updated_by" uuid NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_assessment_answer" PRIMARY KEY ("assessment_id", "question_id"),
      CONSTRAINT "CHK_assessment_answer_note" CHECK (char_length("note") <= 2000),
      CONSTRAINT "FK_assessment_answer_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "action" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "assessment_id" uuid,
      "question_id" text,
      "option_id" text,
      "title" text NOT NULL,
      "owner_user_id" uuid,
      "due_date" date,
      "status" text NOT NULL DEFAULT 'open',
      "note" text,
      "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_action" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_action_status" CHECK ("status" IN ('open', 'in_progress', 'done')),
      CONSTRAINT "FK_action_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_action_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_action_org_status" ON "action" ("org_id", "status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "action"`);
    await q.query(`DROP TABLE "assessment_answer"`);
    await q.query(`DROP TABLE "assessment"`);
  }
}
