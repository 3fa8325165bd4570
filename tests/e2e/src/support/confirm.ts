import type { BrowserContext } from 'playwright-core';
import { Client } from 'pg';
import { baseUrl } from './browser';

// Registration signs nobody in: the account works once the mailed confirmation link is opened. Browser tests read
// that link from the mail outbox of the run's database (every server of the run, with or without SMTP, writes there).

/** The token of the newest confirmation link mailed to `email`. */
export async function confirmationToken(email: string, databaseUrl = process.env['E2E_DATABASE_URL']): Promise<string> {
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = await db.query<{ text: string }>(
      `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 AND "text" LIKE '%/verify-email/%' ORDER BY "created_at" DESC LIMIT 1`,
      [email.trim().toLowerCase()],
    );
    const token = /\/verify-email\/([\w-]+)/.exec(rows.rows[0]?.text ?? '')?.[1];
    if (!token) throw new Error(`no confirmation mail to ${email}`);
    return token;
  } finally {
    await db.end();
  }
}

/** Opens the confirmation link in `context` (which is then signed in); returns the organisation created or joined. */
export async function confirmEmail(context: BrowserContext, email: string): Promise<{ orgId: string }> {
  const res = await context.request.post(baseUrl() + '/api/auth/verify-email', {
    data: { token: await confirmationToken(email) },
  });
  if (res.status() !== 200) throw new Error(`confirm ${email}: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { orgId: string | null; user: { memberships: { orgId: string }[] } };
  return { orgId: body.orgId ?? body.user.memberships[0]?.orgId };
}
