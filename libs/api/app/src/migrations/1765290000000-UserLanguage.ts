import { MigrationInterface, QueryRunner } from 'typeorm';

// The language a user last signed in with (the web app's UI language): API answers without an Accept-Language header
// (API clients) use it before falling back to English.
export class UserLanguage1765290000000 implements MigrationInterface {
  name = 'UserLanguage1765290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_account" ADD "language" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_account" DROP COLUMN "language"`);
  }
}
