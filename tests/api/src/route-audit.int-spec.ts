import { Controller, Get, Module } from '@nestjs/common';
import { routeTableOf, type RouteInfo } from '@scs/api/accounts';
import { ResourceOwners } from '@scs/api/core';
import { HttpClient, startTestApp, type TestApp } from './support/app';

// Secure by default: every route of the running application must declare @Public() or exactly one access rule.
// The table comes from the application itself (every controller of every feature), so routes added later are
// covered without touching this file — except public routes, which are a reviewed list below.

/** Routes anyone may call. Adding one is a security decision: add it here deliberately (with the reason). */
const REVIEWED_PUBLIC_ROUTES = [
  'GET /api/catalogue', // the criteria catalogue is published methodology, no tenant data
  'GET /api/catalogue/:version',
  'GET /api/catalogue/diff',
  'GET /api/health',
  'GET /api/metrics', // guarded by METRICS_TOKEN inside the handler
  'GET /api/invitations/:token',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/refresh',
  'POST /api/auth/register',
  'POST /api/auth/verify-email',
  // The login-free partner-check link (issue 19): the token is the credential (stored as SHA-256), every route but the
  // first needs the invited address; rate-limited; used, withdrawn or expired links answer 410 (partners.int-spec.ts).
  'GET /api/partner-check/:token',
  'POST /api/partner-check/:token/open',
  'POST /api/partner-check/:token/evidence',
  'POST /api/partner-check/:token/evidence/:evidenceId/remove',
  'POST /api/partner-check/:token/submit',
  'GET /api/partner-receipts/:receiptToken', // the partner's own receipt, by the token its submission returned (7 days)
  'GET /api/partner-receipts/:receiptToken/pdf',
  'GET /api/chambers/:chamberId/logo', // a chamber's logo is a public mark (invitation pages, reports); served as checked PNG/JPEG with nosniff
];

const label = (r: RouteInfo) => `${r.method} ${r.path}`;

/** Served by SwaggerModule straight from Express (the public API description; no data), so outside the guard. */
const OUTSIDE_NEST = /^GET \/api\/docs(-json|-yaml|\/.*)?$/;

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every /api route registered in Express, independently of Nest's metadata. */
function expressRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((l) => l.route?.path.startsWith('/api/'))
    .flatMap((l) =>
      Object.keys(l.route?.methods ?? {})
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${l.route?.path}`),
    );
}

describe('route audit', () => {
  let t: TestApp;
  let routes: RouteInfo[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = routeTableOf(t.app);
  });
  afterAll(() => t.close());

  it('sees the whole route table (not vacuously empty)', () => {
    const labels = routes.map(label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/orgs/:orgId/profile',
        'GET /api/admin/audit',
        'GET /api/admin/organisations',
        'GET /api/admin/users',
        'GET /api/orgs/:orgId/portfolio',
        'POST /api/orgs/:orgId/group-links/:linkId/accept',
        'GET /api/orgs/:orgId/portfolio/entities/:entityId/answers',
      ]),
    );
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it('covers every /api route that Express actually serves', () => {
    const known = new Set(routes.map(label));
    const served = expressRoutes(t);
    expect(served.length).toBeGreaterThanOrEqual(routes.length);
    expect(served.filter((r) => !known.has(r) && !OUTSIDE_NEST.test(r))).toEqual([]);
  });

  it('every route declares exactly one of @Public() or an access rule', () => {
    const offenders = routes
      .filter((r) => r.isPublic === Boolean(r.rule))
      .map((r) => `${label(r)} (${r.controller}.${r.handler})`);
    expect(offenders).toEqual([]);
  });

  it('public routes are exactly the reviewed list', () => {
    expect(
      routes
        .filter((r) => r.isPublic)
        .map(label)
        .sort(),
    ).toEqual([...REVIEWED_PUBLIC_ROUTES].sort());
  });

  it('org and resource rules name a parameter the route has', () => {
    const broken = routes
      .filter((r) => (r.rule?.type === 'org' || r.rule?.type === 'resource') && !r.params.includes(r.rule.param))
      .map(label);
    expect(broken).toEqual([]);
  });

  it('resource rules name a registered owner resolver', async () => {
    const owners = t.app.get(ResourceOwners);
    for (const r of routes) {
      if (r.rule?.type !== 'resource') continue;
      await expect(owners.ownerOf(r.rule.resolver, '00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    }
  });

  it('admin routes are for platform admins only', () => {
    const loose = routes.filter((r) => r.path.startsWith('/api/admin/') && r.rule?.type !== 'platformAdmin').map(label);
    expect(loose).toEqual([]);
  });
});

@Controller('undeclared')
class UndeclaredController {
  @Get() forgotten(): string {
    return 'should never be served';
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('route audit: a route that forgets its declaration', () => {
  it('is reported by the audit and refused at run time with 403', async () => {
    const t = await startTestApp({}, { imports: [UndeclaredModule] });
    try {
      const offenders = routeTableOf(t.app)
        .filter((r) => r.isPublic === Boolean(r.rule))
        .map(label);
      expect(offenders).toEqual(['GET /api/undeclared']);
      const res = await new HttpClient(t.url).get<{ message: string }>('/api/undeclared');
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('route declares no access rule');
    } finally {
      await t.close();
    }
  });
});
