import { createAdmin, MailService } from '@scs/api/accounts';
import {
  createChamberWithAdmin,
  loginUser,
  registerUser,
  startTestApp,
  type TestApp,
  type TestUser,
} from './support/app';

interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

const LISTS = [
  '/api/admin/organisations',
  '/api/admin/users',
  '/api/admin/mails',
  '/api/admin/catalogue-versions',
  '/api/admin/audit-log',
  '/api/admin/research-export-log',
];

describe('platform admin lists: organisations, people, mails, catalogue versions, audit log, research exports', () => {
  let t: TestApp;
  let ops: TestUser;
  let firmOwner: TestUser;
  let chamberAdmin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    firmOwner = await registerUser(t.url, { email: 'owner@admin-list-firm.test', firmName: 'Adminliste Handel GmbH' });
    await registerUser(t.url, { email: 'second@admin-list-firm.test', firmName: 'Adminliste Zweite GmbH' });
    chamberAdmin = await createChamberWithAdmin(t, {
      name: 'AHK Adminliste',
      adminEmail: 'admin@admin-list-chamber.test',
    });
    await createAdmin(t.dataSource, {
      email: 'ops@admin-lists.test',
      name: 'Ops',
      password: async () => 'operator passphrase 2026',
    });
    ops = await loginUser(t.url, 'ops@admin-lists.test', 'operator passphrase 2026');
    await t.app.get(MailService).flush();
  });
  afterAll(() => t.close());

  it('every list answers a page (items, total, offset, limit) to the platform admin', async () => {
    for (const path of LISTS) {
      const res = await ops.http.get<Page<unknown>>(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.body).toEqual({ items: expect.any(Array), total: expect.any(Number), offset: 0, limit: 25 });
    }
  });

  it('searches organisations by name (and kind) and pages through them', async () => {
    const found = await ops.http.get<Page<{ name: string; kind: string; members: number }>>(
      '/api/admin/organisations?q=adminliste',
    );
    expect(found.body.total).toBe(3);
    expect(found.body.items.map((o) => o.name).sort()).toEqual([
      'AHK Adminliste',
      'Adminliste Handel GmbH',
      'Adminliste Zweite GmbH',
    ]);
    expect(found.body.items.find((o) => o.name === 'Adminliste Handel GmbH')).toMatchObject({
      kind: 'firm',
      members: 1,
    });
    const chambers = await ops.http.get<Page<{ name: string }>>('/api/admin/organisations?q=adminliste&kind=chamber');
    expect(chambers.body.items.map((o) => o.name)).toEqual(['AHK Adminliste']);
    const first = await ops.http.get<Page<{ name: string }>>('/api/admin/organisations?q=adminliste&limit=2');
    const second = await ops.http.get<Page<{ name: string }>>('/api/admin/organisations?q=adminliste&limit=2&offset=2');
    expect(first.body.items).toHaveLength(2);
    expect(second.body).toMatchObject({ total: 3, offset: 2, limit: 2 });
    expect(second.body.items).toHaveLength(1);
    expect([...first.body.items, ...second.body.items].map((o) => o.name).sort()).toEqual(
      found.body.items.map((o) => o.name).sort(),
    );
    // Search text is taken literally: % and _ are no wildcards.
    expect((await ops.http.get<Page<unknown>>('/api/admin/organisations?q=%25')).body.total).toBe(0);
  });

  it('lists people, mails (without bodies), catalogue versions, the audit log and research exports', async () => {
    const users = await ops.http.get<Page<{ email: string; verified: boolean; organisations: number }>>(
      '/api/admin/users?q=admin-list-firm',
    );
    expect(users.body.items.map((u) => u.email).sort()).toEqual([
      'owner@admin-list-firm.test',
      'second@admin-list-firm.test',
    ]);
    expect(users.body.items[0]).toMatchObject({ verified: true, organisations: 1 });
    expect(users.body.items[0]).not.toHaveProperty('passwordHash');

    const mails = await ops.http.get<Page<Record<string, unknown>>>('/api/admin/mails?q=owner@admin-list-firm.test');
    expect(mails.body.total).toBeGreaterThan(0);
    expect(mails.body.items[0]).not.toHaveProperty('text');
    expect(mails.body.items[0]).not.toHaveProperty('html');
    const notSent = await ops.http.get<Page<{ status: string }>>('/api/admin/mails?status=not_sent');
    expect(notSent.body.items.every((m) => m.status === 'not_sent')).toBe(true);

    const catalogue = await ops.http.get<Page<{ version: string; questions: number }>>('/api/admin/catalogue-versions');
    expect(catalogue.body.total).toBeGreaterThan(0);
    expect(catalogue.body.items[0].questions).toBeGreaterThan(10);

    const audit = await ops.http.get<Page<{ action: string; actorEmail: string | null }>>(
      '/api/admin/audit-log?q=owner@admin-list-firm.test',
    );
    expect(audit.body.items.map((e) => e.action)).toContain('auth.registered');
    expect(audit.body.items.every((e) => e.actorEmail === 'owner@admin-list-firm.test')).toBe(true);

    const exportsLog = await ops.http.get<Page<unknown>>('/api/admin/research-export-log?q=nobody-exported-this');
    expect(exportsLog.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses bad paging with 400', async () => {
    expect((await ops.http.get('/api/admin/users?limit=1000')).status).toBe(400);
    expect((await ops.http.get('/api/admin/users?offset=-1')).status).toBe(400);
    expect((await ops.http.get('/api/admin/organisations?kind=bank')).status).toBe(400);
    expect((await ops.http.get('/api/admin/mails?status=lost')).status).toBe(400);
  });

  it('answers 403 to everyone who is not a platform admin', async () => {
    for (const user of [firmOwner, chamberAdmin]) {
      for (const path of LISTS) {
        expect({ path, status: (await user.http.get(path)).status }).toEqual({ path, status: 403 });
      }
    }
  });
});
