import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppModule, configureApp } from '@scs/api/app';
import { type AppConfig, loadConfig } from '@scs/api/core';

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
 * run's database. `env` overrides configuration (e.g. SMTP_URL for mail tests).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
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
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: () => app.close(),
  };
}

/** Small fetch wrapper for JSON APIs that keeps cookies like a browser would. */
export class HttpClient {
  private cookies = new Map<string, string>();
  bearer?: string;

  constructor(private readonly base: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') h['content-type'] = 'application/json';
    if (this.cookies.size) h['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && !h['x-xsrf-token']) h['x-xsrf-token'] = decodeURIComponent(xsrf);
    if (this.bearer) h['authorization'] = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : body instanceof FormData || typeof body === 'string' ? body : JSON.stringify(body),
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

  get<T = unknown>(path: string) { return this.request<T>('GET', path); }
  post<T = unknown>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  put<T = unknown>(path: string, body?: unknown) { return this.request<T>('PUT', path, body ?? {}); }
  patch<T = unknown>(path: string, body?: unknown) { return this.request<T>('PATCH', path, body ?? {}); }
  delete<T = unknown>(path: string) { return this.request<T>('DELETE', path); }
  cookie(name: string): string | undefined { return this.cookies.get(name); }
}
