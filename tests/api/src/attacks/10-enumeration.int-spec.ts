import { HttpClient, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { submitAssessmentViaApi } from '../support/workflow';

// Attack 10 (issue 15): registration told anyone whether an address had an account, and the platform admin's audit
// log carried every firm's score and level.
describe('attack 10: account enumeration and an over-informed audit log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(() => t.close());

  const register = (email: string) =>
    new HttpClient(t.url).post<Record<string, unknown>>('/api/auth/register', {
      email,
      password: TEST_PASSWORD,
      name: 'Probe',
      firmName: 'Probe GmbH',
    });

  it('answers registration the same whether or not the address has an account', async () => {
    await registerUser(t.url, { email: 'known@enumeration.test' });
    const known = await register('known@enumeration.test');
    const unknown = await register('unknown@enumeration.test');
    const shape = (r: { status: number; body: Record<string, unknown> }) =>
      `${r.status} ${JSON.stringify(Object.keys(r.body).sort())} ${String(r.body['message'] ?? '')}`;
    console.log(`[attack 10a] existing address -> ${shape(known)}; new address -> ${shape(unknown)}`);
    expect(shape(known)).toEqual(shape(unknown));
    const mails: { text: string }[] = await t.dataSource.query(
      `SELECT "text" FROM "mail_outbox" WHERE "to" = 'known@enumeration.test' ORDER BY "created_at" DESC LIMIT 1`,
    );
    expect(mails[0]?.text).toMatch(/already have an account/);
  });

  it('keeps scores and levels out of the audit log', async () => {
    const firm = await registerUser(t.url, { email: 'owner@audit-minimal.test' });
    await submitAssessmentViaApi(firm.http, firm.orgId, 'Audit Minimal GmbH');
    const rows: { action: string; details: unknown }[] = await t.dataSource.query(
      `SELECT "action", "details" FROM "audit_log" WHERE "org_id" = $1`,
      [firm.orgId],
    );
    const leaking = rows.filter((r) => /score|level/i.test(JSON.stringify(r.details ?? {})));
    console.log(`[attack 10b] audit entries carrying scores or levels: ${JSON.stringify(leaking)}`);
    expect(leaking).toEqual([]);
  });
});
