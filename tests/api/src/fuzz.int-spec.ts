import fc from 'fast-check';
import { routeTableOf, type RouteInfo } from '@scs/api/accounts';
import { HttpClient, startTestApp, type TestApp } from './support/app';
import { registerFirm, type RegisteredFirm } from './support/firms';

/*
 * Hostile input for every route with a body or a query, derived from the route table: wrong types, missing and extra
 * fields, huge strings, deep nesting, unicode edge cases, __proto__/constructor keys, malformed JSON. The API must
 * never answer 5xx, and every 4xx must carry a message. Deterministic (fixed seed).
 */

const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'email',
  'password',
  'name',
  'firmName',
  'answers',
  'questionId',
  'optionId',
  'baseRevision',
  'note',
  'profile',
  'title',
  'dueDate',
  'status',
  'locale',
  'role',
  'legalForm',
  'activities',
  'provinces',
  'taxRegistrationYear',
  'previousId',
  'ownerUserId',
  'token',
  'refreshToken',
  'invitationToken',
  'firmId',
  'id',
];
const HUGE = 'x'.repeat(200_000);
const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    HUGE,
    '\u0000',
    '𝕏💥\u202e\uFEFF',
    '../../etc/passwd',
    "'; DROP TABLE assessment; --",
    '<script>alert(1)</script>',
    -1,
    1e308,
    'dont_know',
  ),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 6 }),
  ),
}));
const bodyArb = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), value, { maxKeys: 8 }), value);

function deep(n: number): string {
  return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

const RAW_BODIES = [
  '{"answers":[{"questionId":"T1","optionId":"a","baseRevision":0,"__proto__":{"isAdmin":true}}]}',
  '{"constructor":{"prototype":{"polluted":true}},"title":"x"}',
  '{"title":', // malformed
  '[]',
  '"just a string"',
  deep(2000),
  `{"note":"${'\\u0000'.repeat(10)}"}`,
];

function queryArb(): fc.Arbitrary<string> {
  return fc
    .dictionary(
      fc.constantFrom('lang', 'status', 'overdue', 'version', 'from', 'to', 'with', '__proto__', 'page'),
      fc.oneof(fc.string(), fc.constantFrom(HUGE.slice(0, 5000), 'true', 'de', '%', '[]')),
      { maxKeys: 4 },
    )
    .map((q) => new URLSearchParams(q as Record<string, string>).toString());
}

describe('hostile input on every route with a body or query (fast-check)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let routes: RouteInfo[];
  let fixtures: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    firm = await registerFirm(t.url);
    const assessment = await firm.http.post<{ id: string }>(`/api/orgs/${firm.orgId}/assessments`, {});
    const action = await firm.http.post<{ id: string }>(`/api/orgs/${firm.orgId}/actions`, { title: 'fuzz target' });
    fixtures = { assessment: assessment.body.id, action: action.body.id };
    routes = routeTableOf(t.app);
  });
  afterAll(() => t.close());

  async function bearer(): Promise<string> {
    const login = await new HttpClient(t.url).post<{ accessToken: string }>('/api/auth/login', {
      email: firm.email,
      password: firm.password,
    });
    return login.body.accessToken;
  }

  function fill(route: RouteInfo): string {
    return route.path.replace(/:(\w+)/g, (_, p: string) => {
      const rule = route.rule;
      if (rule && (rule.type === 'org' || rule.type === 'resource') && rule.param === p) {
        if (rule.type === 'org') return firm.orgId;
        return fixtures[rule.resolver] ?? '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
      }
      return /id$/i.test(p) ? '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f' : 'not-a-real-token';
    });
  }

  it('never answers 5xx, and every 4xx explains itself', async () => {
    let token = await bearer();
    const failures: string[] = [];
    const send = async (route: RouteInfo, path: string, body: string | undefined): Promise<void> => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      let res = await fetch(t.url + path, { method: route.method, headers, body });
      if (res.status === 401) {
        token = await bearer(); // a fuzzed logout/password change may have ended the session
        headers['authorization'] = `Bearer ${token}`;
        res = await fetch(t.url + path, { method: route.method, headers, body });
      }
      const text = await res.text();
      if (res.status >= 500)
        failures.push(
          `${route.method} ${route.path} → ${res.status} for ${(body ?? path).slice(0, 160)}: ${text.slice(0, 200)}`,
        );
      else if (res.status >= 400 && res.status !== 404 && !/"message"/.test(text))
        failures.push(`${route.method} ${route.path} → ${res.status} without a message`);
    };
    const samplesPerRoute = 10;
    for (const [i, route] of routes.entries()) {
      const path = fill(route);
      if (route.method === 'GET' || route.method === 'DELETE') {
        for (const q of fc.sample(queryArb(), { numRuns: 4, seed: 1000 + i }))
          await send(route, q ? `${path}?${q}` : path, undefined);
        continue;
      }
      for (const b of fc.sample(bodyArb, { numRuns: samplesPerRoute, seed: 42 + i }))
        await send(route, path, JSON.stringify(b) ?? 'null');
      for (const raw of RAW_BODIES) await send(route, path, raw);
    }
    expect(failures).toEqual([]);
    // Nothing was polluted: a fresh object has no inherited junk.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  }, 300_000);

  it('rejects bodies over the size limit with 413', async () => {
    const token = await bearer();
    const big = JSON.stringify({ title: 'y'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${t.url}/api/orgs/${firm.orgId}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/too large|size limit/i);
  });
});
