import { HttpClient, startTestApp, TestApp } from './support/app';

describe('foundation (real PostgreSQL)', () => {
  let t: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    http = new HttpClient(t.url);
  });
  afterAll(() => t.close());

  it('reports the database as up on the PostgreSQL server', async () => {
    const res = await http.get<{ status: string; info: { database: { status: string; engine: string } } }>(
      '/api/health',
    );
    expect(res.status).toBe(200);
    expect(res.body.info.database).toMatchObject({ status: 'up', engine: 'postgresql' });
  });

  it('ran every migration', async () => {
    const rows: { name: string }[] = await t.dataSource.query('SELECT name FROM migrations');
    expect(rows.map((r) => r.name)).toContain('Foundation1764150000000');
    expect(await t.dataSource.showMigrations()).toBe(false);
  });

  it('has no drift between entities and migrations (what db:check verifies)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('answers an unknown API path with a JSON 404 and a request id', async () => {
    const res = await http.get<{ statusCode: number; requestId: string }>('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
    expect(res.body.requestId).toMatch(/\w{8,}/);
  });

  it('rejects malformed JSON with a 400 naming the problem', async () => {
    const res = await http.request<{ message: string }>('POST', '/api/health', '{"a":', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toMatch(/JSON/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await http.get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/health']).toBeDefined();
  });

  it('sets security headers and hides the framework', async () => {
    const res = await http.get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves Prometheus metrics to local callers with request durations by route and pool usage', async () => {
    await http.get('/api/health');
    const res = await http.get<string>('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(res.body).toContain('db_pool_connections');
  });

  it('can revert and re-apply every migration (each down() works)', async () => {
    const count = t.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const rows: unknown[] = await t.dataSource.query('SELECT name FROM migrations');
    expect(rows).toHaveLength(0);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await t.dataSource.showMigrations()).toBe(false);
  });
});
