import { createAdmin, routeTableOf, type RouteInfo } from '@scs/api/accounts';
import type { AccessRule } from '@scs/api/core';
import {
  createChamberWithAdmin,
  createResearcher,
  HttpClient,
  loginUser,
  registerUser,
  startTestApp,
  type TestApp,
  type TestUser,
  tokenOfLink,
} from './support/app';
import { featureFixtures, removeSeededResearchWave, seedResearchWave } from './support/tenant-fixtures';

/*
 * Cross-tenant matrix, derived from the application's route table (not a hand-written list): every route that
 * takes an organisation or resource id is called by people who must not reach the victim's data — the owner of
 * another firm, a researcher, the admin of the victim's own chamber, a platform admin — with the victim's ids.
 * Each call must answer 403 or 404, never 2xx (nor anything else).
 *
 * HOW TO EXTEND (later features): nothing to do for routes that use @OrgAccess with :orgId/:firmId/:chamberId.
 * Everything else goes into featureFixtures() in support/tenant-fixtures.ts (merged into the tables below):
 * - A route with @ResourceAccess('<resolver>', ...) needs a `resources['<resolver>']` entry that creates (or finds) a
 *   resource owned by the victim firm and returns its id, e.g.
 *     assessment: (v) => insertSubmittedAssessment(t.dataSource, ..., v),
 * - Any other id-style parameter (`:id`, `:somethingId`) needs a `params` entry, keyed by the path segment before it
 *   plus the parameter (`'compare/:otherId'`), or by the bare parameter (`':reportId'`) when unambiguous.
 * - A write route whose body is validated needs a valid body in `bodies` (key `METHOD path`), so the check exercises
 *   the authorisation and not the validation (a 400 fails the matrix).
 * Fixtures must not change the victim's profile, members or invitations (the last test checks them).
 * The test fails and names the route when a fixture or body is missing.
 */

interface Victim {
  /** The victim firm, its owner and an admin colleague. */
  firmId: string;
  owner: TestUser;
  colleague: TestUser;
  /** A pending invitation of the victim firm. */
  invitationId: string;
  /** A chamber the victim firm belongs to, and its admin. */
  chamberId: string;
  chamberAdmin: TestUser;
  /** The research team and a researcher (research routes belong to them, not to firms). */
  researchOrgId: string;
  researcher: TestUser;
}

type Fixture = (v: Victim) => string | Promise<string>;

/** Ids owned by the victim, per resolver of @ResourceAccess routes. */
const RESOURCE_FIXTURES: Record<string, Fixture> = {};

/** Ids owned by the victim for parameters that are not the route's access-rule parameter. */
const PARAM_FIXTURES: Record<string, Fixture> = {
  'members/:userId': (v) => v.colleague.id,
  'invitations/:id': (v) => v.invitationId,
  'chambers/:chamberId': (v) => v.chamberId,
  'campaigns/:campaignId': (v) => (victimCampaign ??= createCampaign(v)),
  'invitations/:invitationId': (v) => (victimCampaignInvitation ??= inviteToCampaign(v)),
};

/** A campaign of the victim's chamber (chambers feature), created once. */
let victimCampaign: Promise<string> | undefined;
async function createCampaign(v: Victim): Promise<string> {
  const day = 86_400_000;
  const res = await v.chamberAdmin.http.post<{ id: string }>(`/api/orgs/${v.chamberId}/campaigns`, {
    title: 'Victim campaign',
    messageDe: 'Hallo',
    messageEn: 'Hello',
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
  });
  if (res.status !== 201) throw new Error(`fixture: campaign not created (${res.status})`);
  return res.body.id;
}

/** An address invited to the victim's campaign (its id in the campaign's list), created once. */
let victimCampaignInvitation: Promise<string> | undefined;
async function inviteToCampaign(v: Victim): Promise<string> {
  const campaignId = await (victimCampaign ??= createCampaign(v));
  const path = `/api/orgs/${v.chamberId}/campaigns/${campaignId}/invitations`;
  const res = await v.chamberAdmin.http.post(path, { addresses: 'xt.campaign.invitee@example.test' });
  if (res.status !== 200) throw new Error(`fixture: campaign invitation not created (${res.status})`);
  const list = await v.chamberAdmin.http.get<{ items: { id: string }[] }>(path);
  return list.body.items[0].id;
}

/** Valid bodies for write routes (key: `METHOD path`); others get `{}`. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/orgs/:orgId/members/:userId': { role: 'member' },
  'PUT /api/orgs/:orgId/profile': {
    name: 'Hijacked',
    legalForm: 'wfoe',
    activities: ['trading'],
    importsExports: false,
    headcountBand: 'lt50',
    agencyLabour: false,
    pollutantPermit: 'no',
    largeScaleData: 'no',
    publicProcurement: false,
    largeEnterpriseBuyer: false,
    taxRegistrationYear: 2015,
    naceSection: 'G',
    provinces: ['SH'],
    germanParent: true,
  },
  'POST /api/orgs/:orgId/invitations': { email: 'intruder@example.test', role: 'admin' },
  'POST /api/orgs/:chamberId/firm-invitations': { email: 'intruder@example.test' },
  'POST /api/orgs/:chamberId/campaigns/:campaignId/merge': { sourceCampaignId: '00000000-0000-4000-8000-000000000000' },
};

const ID_PARAM = /^(id|[a-z]+Id)$/;
const DENIED = [403, 404];

type Scoped = RouteInfo & {
  rule?: Extract<AccessRule, { type: 'org' | 'resource' }> | Extract<AccessRule, { type: 'user' }>;
};

/** Routes in scope: org/resource rules, plus any other non-public route that takes an id. */
function tenantRoutes(routes: RouteInfo[]): Scoped[] {
  return routes.filter(
    (r) =>
      r.rule?.type === 'org' ||
      r.rule?.type === 'resource' ||
      (r.rule?.type === 'user' && r.params.some((p) => ID_PARAM.test(p))),
  ) as Scoped[];
}

function hasParamFixture(route: RouteInfo, param: string): boolean {
  const segments = route.path.split('/');
  const before = segments[segments.indexOf(`:${param}`) - 1];
  return `${before}/:${param}` in PARAM_FIXTURES || `:${param}` in PARAM_FIXTURES;
}

function paramFixture(route: RouteInfo, param: string): Fixture {
  const segments = route.path.split('/');
  const before = segments[segments.indexOf(`:${param}`) - 1];
  const fixture = PARAM_FIXTURES[`${before}/:${param}`] ?? PARAM_FIXTURES[`:${param}`];
  if (!fixture)
    throw new Error(
      `No cross-tenant fixture for ':${param}' in ${route.method} ${route.path}: add one to PARAM_FIXTURES`,
    );
  return fixture;
}

/** The victim's id for every parameter of the route; `own` replaces the access-rule parameter (the attacker's own org). */
async function victimParams(route: Scoped, v: Victim, own?: string): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const p of route.params) {
    const rule = route.rule;
    if (rule && rule.type !== 'user' && rule.param === p) {
      if (own) values[p] = own;
      else if (rule.type === 'resource') {
        const fixture = RESOURCE_FIXTURES[rule.resolver];
        if (!fixture)
          throw new Error(
            `No cross-tenant fixture for resolver '${rule.resolver}' (${route.method} ${route.path}): add one to RESOURCE_FIXTURES`,
          );
        values[p] = await fixture(v);
      } else values[p] = rule.kind === 'chamber' ? v.chamberId : rule.kind === 'research' ? v.researchOrgId : v.firmId;
    } else if (ID_PARAM.test(p) || hasParamFixture(route, p)) values[p] = await paramFixture(route, p)(v);
    else throw new Error(`Cannot fill ':${p}' of ${route.method} ${route.path} in the cross-tenant matrix`);
  }
  return values;
}

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, p: string) => values[p]);
}

async function call(base: string, user: TestUser, route: RouteInfo, values: Record<string, string>): Promise<number> {
  const http = new HttpClient(base);
  http.bearer = user.accessToken; // Bearer: no CSRF in play, only authorisation
  const body =
    route.method === 'GET' || route.method === 'DELETE' ? undefined : (BODIES[`${route.method} ${route.path}`] ?? {});
  return (await http.request(route.method, fill(route.path, values), body)).status;
}

describe('cross-tenant matrix (derived from the route table)', () => {
  let t: TestApp;
  let routes: Scoped[];
  let v: Victim;
  let firmAOwner: TestUser;
  let otherChamberAdmin: TestUser & { orgId: string };
  let researcher: TestUser;
  let platformAdmin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    routes = tenantRoutes(routeTableOf(t.app));
    const features = featureFixtures(t);
    Object.assign(RESOURCE_FIXTURES, features.resources);
    Object.assign(PARAM_FIXTURES, features.params);
    Object.assign(BODIES, features.bodies);
    await seedResearchWave(t);

    firmAOwner = await registerUser(t.url, { email: 'xt.a.owner@example.test', firmName: 'Firm A' });
    const owner = await registerUser(t.url, { email: 'xt.b.owner@example.test', firmName: 'Firm B' });
    const colleagueInvite = await owner.http.post<{ link: string }>(`/api/orgs/${owner.orgId}/invitations`, {
      email: 'xt.b.admin@example.test',
      role: 'admin',
    });
    const colleague = await registerUser(t.url, {
      email: 'xt.b.admin@example.test',
      invitationToken: tokenOfLink(colleagueInvite.body.link),
    });
    const pending = await owner.http.post<{ id: string }>(`/api/orgs/${owner.orgId}/invitations`, {
      email: 'xt.b.pending@example.test',
      role: 'member',
    });
    const chamberAdmin = await createChamberWithAdmin(t, { name: 'Chamber C', adminEmail: 'xt.c.admin@example.test' });
    const chamberInvite = await chamberAdmin.http.post<{ link: string }>(
      `/api/orgs/${chamberAdmin.orgId}/firm-invitations`,
      { email: 'xt.b.owner@example.test' },
    );
    const joined = await owner.http.post(`/api/invitations/${tokenOfLink(chamberInvite.body.link)}/accept`, {
      firmId: owner.orgId,
    });
    if (joined.status !== 200) throw new Error(`fixture: firm B could not join chamber C (${joined.status})`);
    researcher = await createResearcher(t, { teamName: 'Research Team', email: 'xt.researcher@example.test' });
    v = {
      firmId: owner.orgId,
      owner,
      colleague,
      invitationId: pending.body.id,
      chamberId: chamberAdmin.orgId,
      chamberAdmin,
      researchOrgId: researcher.orgId,
      researcher,
    };

    otherChamberAdmin = await createChamberWithAdmin(t, { name: 'Chamber D', adminEmail: 'xt.d.admin@example.test' });
    await createAdmin(t.dataSource, {
      email: 'xt.ops@example.test',
      name: 'Ops',
      password: async () => 'operator passphrase 2026',
    });
    platformAdmin = await loginUser(t.url, 'xt.ops@example.test', 'operator passphrase 2026');
  });
  afterAll(async () => {
    await removeSeededResearchWave(t);
    await t.close();
  });

  /** Calls each route as `attacker` and lists every answer outside 403/404. */
  async function leaks(
    attacker: TestUser,
    selected: Scoped[],
    own?: (r: Scoped) => string | undefined,
  ): Promise<string[]> {
    const found: string[] = [];
    for (const route of selected) {
      const status = await call(t.url, attacker, route, await victimParams(route, v, own?.(route)));
      if (!DENIED.includes(status)) found.push(`${route.method} ${route.path} → ${status}`);
    }
    return found;
  }

  it('covers the tenant-scoped routes of every feature', () => {
    expect(routes.length).toBeGreaterThanOrEqual(13);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/orgs/:orgId/profile',
        'GET /api/orgs/:chamberId/member-firms',
        // The group's read of an entity's granted answers (group portfolio).
        'GET /api/orgs/:orgId/portfolio/entities/:entityId/answers',
      ]),
    );
  });

  it("the fixtures are real: the victim's own people reach every GET route with these ids", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const kind = route.rule?.type !== 'user' ? route.rule?.kind : undefined;
      const insider = kind === 'chamber' ? v.chamberAdmin : kind === 'research' ? v.researcher : v.owner;
      const status = await call(t.url, insider, route, await victimParams(route, v));
      if (status !== 200) failures.push(`${route.method} ${route.path} → ${status}`);
    }
    expect(failures).toEqual([]);
  });

  it("the owner of another firm gets 403/404 on every route with the victim's ids", async () => {
    expect(await leaks(firmAOwner, routes)).toEqual([]);
  });

  it("the owner of another firm gets 403/404 when naming the victim's nested ids under their own organisation", async () => {
    const nested = routes.filter(
      (r) =>
        r.rule?.type === 'org' && r.params.some((p) => p !== (r.rule as { param: string }).param && ID_PARAM.test(p)),
    );
    expect(nested.length).toBeGreaterThan(0);
    const ownOrg = (r: Scoped) =>
      r.rule?.type === 'org' && r.rule.kind === 'chamber' ? otherChamberAdmin.orgId : firmAOwner.orgId;
    const firmSide = nested.filter((r) => r.rule?.type === 'org' && r.rule.kind !== 'chamber');
    const chamberSide = nested.filter((r) => r.rule?.type === 'org' && r.rule.kind === 'chamber');
    expect([
      ...(await leaks(firmAOwner, firmSide, ownOrg)),
      ...(await leaks(otherChamberAdmin, chamberSide, ownOrg)),
    ]).toEqual([]);
  });

  it('a researcher gets 403/404 on every organisation and resource route of firms', async () => {
    expect(
      await leaks(
        researcher,
        routes.filter((r) => !(r.rule?.type !== 'user' && r.rule?.kind === 'research')),
      ),
    ).toEqual([]);
  });

  it("the admin of the victim's own chamber gets 403/404 on every firm route (chambers see names and dates only)", async () => {
    const firmRoutes = routes.filter((r) => !(r.rule?.type === 'org' && r.rule.kind === 'chamber'));
    expect(await leaks(v.chamberAdmin, firmRoutes)).toEqual([]);
  });

  it("the chamber that prepared a member's report (batch distribution) cannot fetch it through any report route", async () => {
    const reportId = await (RESOURCE_FIXTURES['report'] as Fixture)(v);
    const [row]: { preparedBy: string }[] = await t.dataSource.query(
      `SELECT prepared_by AS "preparedBy" FROM report WHERE id = $1`,
      [reportId],
    );
    expect(row.preparedBy).toBe(v.chamberId);
    const reportRoutes = routes.filter((r) => r.rule?.type === 'resource' && r.rule.resolver === 'report');
    expect(reportRoutes.length).toBeGreaterThanOrEqual(2);
    expect(await leaks(v.chamberAdmin, reportRoutes)).toEqual([]);
  });

  it("a platform admin has no way into a firm's data either", async () => {
    expect(await leaks(platformAdmin, routes)).toEqual([]);
  });

  it("the victim's data is unchanged afterwards", async () => {
    const profile = await v.owner.http.get<{ version: number; data: { name: string } }>(
      `/api/orgs/${v.firmId}/profile`,
    );
    expect(profile.body).toMatchObject({ version: 1, data: { name: 'Firm B' } });
    const members = await v.owner.http.get<{ email: string; role: string }[]>(`/api/orgs/${v.firmId}/members`);
    expect(members.body.map((m) => `${m.email}:${m.role}`).sort()).toEqual([
      'xt.b.admin@example.test:admin',
      'xt.b.owner@example.test:owner',
    ]);
    const invitations = await v.owner.http.get<{ email: string; status: string }[]>(
      `/api/orgs/${v.firmId}/invitations`,
    );
    expect(
      invitations.body
        .filter((i) => i.status === 'pending')
        .map((i) => i.email)
        .sort(),
    ).toEqual(['xt.b.pending@example.test']);
  });
});
