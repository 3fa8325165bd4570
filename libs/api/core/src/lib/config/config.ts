import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

// Every environment variable the application reads is declared here; nothing else reads process.env.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_DB_DIR: z.string().min(1).optional(),
  PGLITE_DIR: z.string().min(1).optional(), // the name before 2026.12; still read
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ARGON2_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  LOGIN_QUEUE_MAX_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  SUBMIT_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('SCS Check <no-reply@scs-check.local>'),
  CHROMIUM_PATH: z.string().optional(),
  REPORT_PAGES: z.coerce.number().int().min(1).max(16).default(2),
  REPORT_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
  RESEARCH_K: z.coerce.number().int().min(5, 'must be at least 5 (disclosure control)').default(10),
  RESEARCH_PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  CATALOGUE_DIR: z.string().optional(),
  WEB_DIST: z.string().optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Data folder of the embedded PostgreSQL (no DATABASE_URL); 'memory' = a temporary folder deleted on stop. */
  embeddedDbDir: string;
  /** True when neither EMBEDDED_DB_DIR nor PGLITE_DIR is set (the folder may move where the server can reach it). */
  embeddedDbDirDefault: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** pretty: one readable line per entry (default on a terminal); json: pino JSON lines (default otherwise). */
  logFormat: 'json' | 'pretty';
  role: Env['ROLE'];
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Password hashes (argon2id) running at once; unset = one less than the cores, at least one. */
  argon2Concurrency: number | undefined;
  /** A sign-in whose password check would take longer than this (queue + hash) is refused at once: 503 + Retry-After; 0 = never. */
  loginQueueMaxMs: number;
  /** Submits (scoring, projection, the view) running at once per process; unset = one less than the cores, at least one. */
  submitConcurrency: number | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  chromiumPath: string | undefined;
  reportPages: number;
  reportJobTimeoutSeconds: number;
  researchK: number;
  researchPseudonymKey: string | undefined;
  catalogueDir: string;
  webDist: string | undefined;
  metricsToken: string | undefined;
  /** Internal listener for /health and /metrics (worker role: default 9464; 0 = any free port); unset = none. */
  metricsPort: number | undefined;
  metricsHost: string;
  loginRateLimit: number;
  /** After SIGTERM/SIGINT the process exits at the latest after this many seconds. */
  shutdownTimeoutSeconds: number;
}

export class ConfigError extends Error {}

function firstExisting(candidates: string[]): string | undefined {
  return candidates.find((c) => existsSync(c));
}

/** Validates the environment once; throws a ConfigError whose message names each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const mainDir = process.argv[1] ? dirname(resolve(process.argv[1])) : process.cwd();
  const catalogueDir =
    e.CATALOGUE_DIR ??
    firstExisting([join(process.cwd(), 'libs/shared/catalogue/data'), join(mainDir, 'catalogue')]) ??
    join(process.cwd(), 'libs/shared/catalogue/data');
  const webDist =
    e.WEB_DIST ?? firstExisting([join(process.cwd(), 'dist/apps/web/browser'), join(mainDir, '../web/browser')]);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embeddedDbDir: e.EMBEDDED_DB_DIR ?? e.PGLITE_DIR ?? 'data/postgres',
    embeddedDbDirDefault: !e.EMBEDDED_DB_DIR && !e.PGLITE_DIR,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    role: e.ROLE,
    jwtSecret: e.JWT_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    argon2Concurrency: e.ARGON2_CONCURRENCY,
    loginQueueMaxMs: e.LOGIN_QUEUE_MAX_MS,
    submitConcurrency: e.SUBMIT_CONCURRENCY,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    chromiumPath: e.CHROMIUM_PATH,
    reportPages: e.REPORT_PAGES,
    reportJobTimeoutSeconds: e.REPORT_JOB_TIMEOUT_SECONDS,
    researchK: e.RESEARCH_K,
    researchPseudonymKey: e.RESEARCH_PSEUDONYM_KEY,
    catalogueDir,
    webDist,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT ?? (e.ROLE === 'worker' ? 9464 : undefined),
    metricsHost: e.METRICS_HOST,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT_SECONDS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
