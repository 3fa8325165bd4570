import type { INestApplicationContext } from '@nestjs/common';
import { createWorker, InternalServer } from '@scs/api/app';
import { loadConfig } from '@scs/api/core';
import type { ReportView } from '@scs/shared/contracts';
import { registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { submitAssessmentViaApi } from './support/workflow';

const METRICS_TOKEN = 'metrics-test-token-0123456789';

/** The value of one Prometheus sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('process roles and metrics (real PostgreSQL, real Chromium)', () => {
  let api: TestApp;
  let worker: INestApplicationContext | undefined;
  let firm: TestUser;
  let apiInternal: string;
  let reportId: string;

  const workerUrl = () => `http://127.0.0.1:${worker?.get(InternalServer).port}`;

  beforeAll(async () => {
    // An API-only process with its metrics on an internal port behind a token.
    api = await startTestApp({ ROLE: 'api', METRICS_PORT: '0', METRICS_TOKEN, LOGIN_RATE_LIMIT: '1000' });
    apiInternal = `http://127.0.0.1:${api.app.get(InternalServer).port}`;
    firm = await registerUser(api.url, { email: 'metrics-officer@firm.example', firmName: 'Metrics Firm GmbH' });
  }, 120000);

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('serves metrics only on the internal port when METRICS_PORT is set, and only with the token', async () => {
    expect((await firm.http.get('/api/metrics')).status).toBe(404);
    expect((await fetch(`${apiInternal}/metrics`)).status).toBe(403);
    expect(
      (await fetch(`${apiInternal}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789ab' } })).status,
    ).toBe(403);
    const res = await fetch(`${apiInternal}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const health = await fetch(`${apiInternal}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect((await fetch(`${apiInternal}/api/auth/me`)).status).toBe(404);
  });

  it('leaves a report queued in an API-only process and shows it in the queue depth', async () => {
    const assessmentId = await submitAssessmentViaApi(firm.http, firm.orgId, 'Metrics Firm GmbH');
    const res = await firm.http.post<ReportView>(`/api/assessments/${assessmentId}/reports`, { locale: 'en' });
    expect(res.status).toBe(202);
    reportId = res.body.id;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await firm.http.get<ReportView>(`/api/reports/${reportId}`)).body.status).toBe('queued');

    const text = await (
      await fetch(`${apiInternal}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(sample(text, 'job_queue_depth{queue="render-report",state="ready"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/assessments\/:id\/reports",status="202"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="PUT",route="\/api\/assessments\/:id\/answers",status="200"\} \d+/,
    );
    expect(sample(text, 'db_pool_connections{state="max"}')).toBe(10);
    expect(sample(text, 'db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
  });

  it('renders the queued report in a worker-role process, which serves no HTTP API', async () => {
    const base = {
      NODE_ENV: 'test',
      DATABASE_URL: process.env['SCS_IT_DATABASE_URL'],
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      JWT_SECRET: 'integration-test-secret-0123456789abcdef',
      RESEARCH_PSEUDONYM_KEY: 'integration-test-pseudonym-key-0123456789',
    };
    const config = loadConfig({ ...base, ROLE: 'worker', METRICS_PORT: '0' });
    worker = await createWorker(config);

    const done = await until('report rendered by the worker', async () => {
      const r = await firm.http.get<ReportView>(`/api/reports/${reportId}`);
      return r.body.status === 'done' || r.body.status === 'failed' ? r.body : undefined;
    });
    expect(done).toMatchObject({ status: 'done', attempts: 1 });

    expect((await fetch(`${workerUrl()}/health`)).status).toBe(200);
    for (const path of ['/api/auth/me', '/api/health', '/'])
      expect((await fetch(`${workerUrl()}${path}`)).status).toBe(404);
    expect((await fetch(`${workerUrl()}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('exposes job durations, render times and queue depth from the worker', async () => {
    // Without METRICS_TOKEN the internal port is protected by where it is bound (METRICS_HOST, default loopback).
    const text = await until('worker metrics', async () => {
      const t = await (await fetch(`${workerUrl()}/metrics`)).text();
      return (sample(t, 'job_duration_seconds_count{queue="render-report",outcome="completed"}') ?? 0) >= 1
        ? t
        : undefined;
    });
    expect(sample(text, 'report_render_seconds_count{locale="en",outcome="ok"}')).toBe(1);
    expect(sample(text, 'report_render_seconds_sum{locale="en",outcome="ok"}')).toBeGreaterThan(0.05);
    expect(sample(text, 'job_queue_depth{queue="render-report",state="ready"}')).toBe(0);
    expect(sample(text, 'job_queue_depth{queue="render-report",state="active"}')).toBe(0);
    expect(sample(text, 'db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('process_resident_memory_bytes');
  });
});
