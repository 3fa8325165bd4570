import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications for the access guard's per-process cache (SessionCache in @scs/api/accounts): whenever a session is
 * revoked, shortened or deleted, a user row changes or goes, a membership changes or goes, or an organisation changes
 * or goes, `pg_notify('scs_auth_cache', …)` tells every API process (delivered at commit) to forget what it remembered.
 * Triggers, so that every path notifies: the API, the admin CLI, plain SQL.
 */
export class AuthCacheNotify1765320000000 implements MigrationInterface {
  name = 'AuthCacheNotify1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "auth_cache_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'session' THEN
          PERFORM pg_notify('scs_auth_cache', 's:' || OLD."id");
        ELSIF TG_TABLE_NAME = 'user_account' THEN
          PERFORM pg_notify('scs_auth_cache', 'u:' || OLD."id");
        ELSIF TG_TABLE_NAME = 'membership' THEN
          PERFORM pg_notify('scs_auth_cache', 'm:' || OLD."user_id" || ':' || OLD."org_id");
        ELSIF TG_TABLE_NAME = 'organisation' THEN
          PERFORM pg_notify('scs_auth_cache', 'o:' || OLD."id");
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "auth_cache_session_changed" AFTER UPDATE ON "session" FOR EACH ROW
      WHEN (OLD."revoked_at" IS DISTINCT FROM NEW."revoked_at" OR NEW."expires_at" < OLD."expires_at"
        OR OLD."user_id" IS DISTINCT FROM NEW."user_id")
      EXECUTE FUNCTION "auth_cache_notify"()`);
    await q.query(`CREATE TRIGGER "auth_cache_session_deleted" AFTER DELETE ON "session" FOR EACH ROW
      EXECUTE FUNCTION "auth_cache_notify"()`);
    for (const table of ['user_account', 'membership', 'organisation'])
      await q.query(`CREATE TRIGGER "auth_cache_${table}_changed" AFTER UPDATE OR DELETE ON "${table}" FOR EACH ROW
        EXECUTE FUNCTION "auth_cache_notify"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['user_account', 'membership', 'organisation'])
      await q.query(`DROP TRIGGER "auth_cache_${table}_changed" ON "${table}"`);
    await q.query(`DROP TRIGGER "auth_cache_session_deleted" ON "session"`);
    await q.query(`DROP TRIGGER "auth_cache_session_changed" ON "session"`);
    await q.query(`DROP FUNCTION "auth_cache_notify"()`);
  }
}
