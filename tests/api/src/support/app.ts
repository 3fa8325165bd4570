import { Test } from '@nestjs/testing';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppModule, configureApp } from '@scs/api/app';
import { type AppConfig, loadConfig } from '@scs/api/core';
import { createChamber, createResearchTeam } from '@scs/api/accounts';
import { SMTPServer } from 'smtp-server';

export interface TestApp {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the real application (same AppModule and configureApp as production) on a random port against this
 * run's database. `env` overrides configuration (e.g. SMTP_URL for mail tests); `options.imports` adds test-only modules,
 * `options.overrides` replaces providers.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    imports?: ModuleMetadata['imports'];
    overrides?: { provide: string | symbol | (abstract new (...args: never[]) => unknown); useValue: unknown }[];
  } = {},
): Promise<TestApp> {
  const url = process.env['SCS_IT_DATABASE_URL'];
  if (!url) throw new Error('SCS_IT_DATABASE_URL is not set: run through the api-integration jest config');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'integration-test-secret-0123456789abcdef',
    RESEARCH_PSEUDONYM_KEY: 'integration-test-pseudonym-key-0123456789',
    WEB_DIST: '/nonexistent',
    // Suites share one database and so one login rate-limit counter per route and IP: a wide default keeps one suite's
    // registrations from throttling the next; the rate-limit tests set their own, small limit.
    LOGIN_RATE_LIMIT: '1000',
    // Sign-in admission refuses by estimated hashing time, which a loaded test machine inflates; login-admission.int-spec
    // sets its own budget.
    LOGIN_QUEUE_MAX_MS: '0',
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config), ...(options.imports ?? [])] });
  // `overrides` replace providers of the app (e.g. a fixture REPORT_DATA_SOURCE) wherever they are registered.
  for (const o of options.overrides ?? []) builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get<DataSource>(getDataSourceToken());
  outboxes.set(base, dataSource);
  return {
    app,
    url: base,
    config,
    dataSource,
    close: async () => {
      outboxes.delete(base);
      await app.close();
    },
  };
}

// The database of each running test app, by base URL: registerUser reads the confirmation link from its mail outbox.
const outboxes = new Map<string, DataSource>();

/** The token of the newest confirmation link mailed to `email` by the app at `base` (read from its mail outbox). */
export async function verificationTokenFor(base: string, email: string): Promise<string> {
  const ds = outboxes.get(base);
  if (!ds) throw new Error(`no test app at ${base}`);
  const rows: { text: string }[] = await ds.query(
    `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 AND "text" LIKE '%/verify-email/%' ORDER BY "created_at" DESC LIMIT 1`,
    [email.trim().toLowerCase()],
  );
  const token = /\/verify-email\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation mail to ${email}`);
  return token;
}

/** Opens the confirmation link mailed to `email`, like its owner would: verifies the address and signs `http` in. */
export async function verifyEmail(base: string, email: string, http = new HttpClient(base)) {
  const res = await http.post<{
    orgId: string | null;
    accessToken: string;
    refreshToken: string;
    user: { id: string; memberships: { orgId: string }[] };
  }>('/api/auth/verify-email', { token: await verificationTokenFor(base, email) });
  if (res.status !== 200) throw new Error(`verify ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { http, res };
}

/** Small fetch wrapper for JSON APIs that keeps cookies like a browser would. */
export class HttpClient {
  private cookies = new Map<string, string>();
  bearer?: string;

  constructor(private readonly base: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string')
      h['content-type'] = 'application/json';
    if (this.cookies.size) h['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && !h['x-xsrf-token']) h['x-xsrf-token'] = decodeURIComponent(xsrf);
    if (this.bearer) h['authorization'] = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : body instanceof FormData || typeof body === 'string'
            ? body
            : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

// ---- accounts helpers (users, organisations, captured mail), for every feature's integration tests ----

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  /** Signed in by cookie (like the web app); set `http.bearer = accessToken` to act as an API client. */
  http: HttpClient;
  id: string;
  email: string;
  /** The organisation created (a firm) or joined through the invitation. */
  orgId: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * Registers through the API and opens the mailed confirmation link (read from the outbox), which signs in: creates a
 * firm (owner) or, with `invitationToken`, joins the inviting organisation.
 */
export async function registerUser(
  base: string,
  input: { email: string; name?: string; firmName?: string; password?: string; invitationToken?: string },
): Promise<TestUser> {
  const http = new HttpClient(base);
  const body = {
    email: input.email,
    name: input.name ?? input.email.split('@')[0],
    password: input.password ?? TEST_PASSWORD,
    ...(input.invitationToken ? { invitationToken: input.invitationToken } : {}),
    ...(input.firmName || !input.invitationToken ? { firmName: input.firmName ?? `Firm of ${input.email}` } : {}),
  };
  const reg = await http.post('/api/auth/register', body);
  if (reg.status !== 202) throw new Error(`register ${input.email} failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const { res } = await verifyEmail(base, input.email, http);
  const orgId = res.body.orgId ?? res.body.user.memberships[0]?.orgId;
  return {
    http,
    id: res.body.user.id,
    email: input.email,
    orgId,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
  };
}

/** Signs in an existing user with a fresh cookie jar. */
export async function loginUser(
  base: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<TestUser & { orgIds: string[] }> {
  const http = new HttpClient(base);
  const res = await http.post<{
    accessToken: string;
    refreshToken: string;
    user: { id: string; memberships: { orgId: string }[] };
  }>('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const orgIds = res.body.user.memberships.map((m) => m.orgId);
  return {
    http,
    id: res.body.user.id,
    email,
    orgId: orgIds[0],
    orgIds,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
  };
}

/** The token at the end of an invitation link (`.../invitations/<token>`). */
export function tokenOfLink(link: string): string {
  const match = /\/(?:invitations|reset-password)\/([A-Za-z0-9_-]+)/.exec(link);
  if (!match) throw new Error(`no token in ${link}`);
  return match[1];
}

/** A chamber (created like the admin CLI does) whose owner registered through the invitation link. */
export async function createChamberWithAdmin(
  t: TestApp,
  input: { name: string; adminEmail: string },
): Promise<TestUser> {
  const result = await createChamber(t.dataSource, {
    name: input.name,
    adminEmail: input.adminEmail,
    publicUrl: t.config.publicUrl,
  });
  if (!result.link) throw new Error(`${input.adminEmail} already has an account`);
  return registerUser(t.url, { email: input.adminEmail, invitationToken: tokenOfLink(result.link) });
}

/** A research team (created like the admin CLI does) whose researcher registered through the invitation link. */
export async function createResearcher(t: TestApp, input: { teamName: string; email: string }): Promise<TestUser> {
  const result = await createResearchTeam(t.dataSource, {
    name: input.teamName,
    ownerEmail: input.email,
    publicUrl: t.config.publicUrl,
  });
  if (!result.link) throw new Error(`${input.email} already has an account`);
  return registerUser(t.url, { email: input.email, invitationToken: tokenOfLink(result.link) });
}

export interface CapturedMail {
  to: string[];
  subject: string;
  /** Decoded body (quoted-printable/base64 undone). */
  text: string;
}

export interface MailCatcher {
  /** SMTP_URL for startTestApp. */
  url: string;
  messages: CapturedMail[];
  /**
   * The next not yet returned mail to `to` (whose subject or text matches `match`, when given), waiting for it (flush
   * the outbox first: `t.app.get(MailService).flush()`).
   */
  waitFor(to: string, timeoutMs?: number, match?: RegExp): Promise<CapturedMail>;
  close(): Promise<void>;
}

function decodeBody(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  let body = raw.slice(split).trim();
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = /^subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const encoding = /content-transfer-encoding: *([\w-]+)/i.exec(unfolded)?.[1]?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { subject, text: body };
}

/**
 * A real SMTP server on a free port (smtp-server) that keeps every message it receives. Recipients matching
 * `options.reject` are refused with 550 (mailbox unavailable), as a receiving server does for an unknown address.
 */
export async function startMailCatcher(options: { reject?: RegExp } = {}): Promise<MailCatcher> {
  const messages: CapturedMail[] = [];
  const taken = new Set<CapturedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject?.test(address.address)) {
        const refused = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 });
        return callback(refused);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        messages.push({ to, ...decodeBody(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    messages,
    async waitFor(to, timeoutMs = 5000, match) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(
          (m) => !taken.has(m) && m.to.includes(to.toLowerCase()) && (!match || match.test(`${m.subject}\n${m.text}`)),
        );
        if (found) {
          taken.add(found);
          return found;
        }
        if (Date.now() > until)
          throw new Error(
            `no mail to ${to} within ${timeoutMs} ms (got: ${messages.map((m) => m.to.join(',')).join('; ') || 'none'})`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
