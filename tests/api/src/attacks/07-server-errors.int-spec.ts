import { createAdmin } from '@scs/api/accounts';
import {
  createChamberWithAdmin,
  HttpClient,
  loginUser,
  registerUser,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../support/app';

// Attack 7 (issue 15): inputs that made the API answer 500 (or burn CPU). Every one must be a clear 4xx.
describe('attack 7: hostile numbers and nesting answer 4xx, never 500', () => {
  let t: TestApp;
  let firm: TestUser;
  let admin: TestUser;
  let chamber: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    firm = await registerUser(t.url, { email: 'owner@attack-seven.test' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK Seven', adminEmail: 'admin@ahk-seven.test' });
    await createAdmin(t.dataSource, {
      email: 'ops@attack-seven.test',
      name: 'Ops',
      password: async () => 'operator passphrase 2026',
    });
    admin = await loginUser(t.url, 'ops@attack-seven.test', 'operator passphrase 2026');
  });
  afterAll(() => t.close());

  it('refuses deeply nested JSON quickly on a public route and on an authenticated one', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const started = process.hrtime.bigint();
    const login = await new HttpClient(t.url).request<{ message?: string }>('POST', '/api/auth/login', deep, {
      'content-type': 'application/json',
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const profile = await firm.http.request(
      'PUT',
      `/api/orgs/${firm.orgId}/profile`,
      `{"name":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      { 'content-type': 'application/json' },
    );
    console.log(
      `[attack 7a] 200 kB nested array to /api/auth/login -> ${login.status} in ${ms.toFixed(0)} ms (${String(login.body.message ?? '')}); nested object to a profile -> ${profile.status}`,
    );
    expect([login.status, profile.status]).toEqual([400, 400]);
  });

  it('refuses integer overflows in answer revisions', async () => {
    const started = await firm.http.post<{ id: string }>(`/api/orgs/${firm.orgId}/assessments`, {});
    const catalogue = await firm.http.get<{
      questions: { id: string; applicability?: unknown; options: { id: string }[] }[];
    }>('/api/catalogue');
    const q = catalogue.body.questions.find((x) => !x.applicability) ?? catalogue.body.questions[0];
    const statuses: number[] = [];
    for (const baseRevision of [2147483648, 1e308]) {
      const res = await firm.http.put(`/api/assessments/${started.body.id}/answers`, {
        answers: [{ questionId: q.id, optionId: q.options[0].id, baseRevision }],
      });
      statuses.push(res.status);
    }
    console.log(`[attack 7b] baseRevision 2147483648 / 1e308 -> ${statuses.join(' / ')}`);
    expect(statuses).toEqual([400, 400]);
  });

  it('refuses out-of-range paging parameters', async () => {
    const audit = await admin.http.get(`/api/admin/audit?before=9223372036854775808`);
    const exportsLog = await admin.http.get(`/api/admin/research-exports?before=1e30`);
    const outbox = await admin.http.get(`/api/admin/outbox?limit=1e30`);
    const campaign = await chamber.http.post<{ id: string }>(`/api/orgs/${chamber.orgId}/campaigns`, {
      title: 'Seven',
      messageDe: 'Hallo',
      messageEn: 'Hello',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    });
    const invitations = await chamber.http.get(
      `/api/orgs/${chamber.orgId}/campaigns/${campaign.body.id}/invitations?offset=9223372036854775808`,
    );
    const statuses = [audit.status, exportsLog.status, outbox.status, invitations.status];
    console.log(
      `[attack 7c] audit before=2^63 / research-exports before=1e30 / outbox limit=1e30 / campaign invitations offset=2^63 -> ${statuses.join(' / ')}`,
    );
    expect(statuses).toEqual([400, 400, 400, 400]);
  });
});
