import { createChamberWithAdmin, startTestApp, type TestApp, type TestUser } from './support/app';

interface InviteResult {
  invited: number;
  duplicates: number;
  alreadyInvited: number;
  rejected: { line: number; value: string; reason: string }[];
  limit: number;
}
interface ErrorBody {
  message: string;
  errors: Record<string, string>;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('campaign invitations from pasted text and CSV files (real PostgreSQL)', () => {
  let t: TestApp;
  let chamber: TestUser;
  let campaignId: string;
  const path = () => `/api/orgs/${chamber.orgId}/campaigns/${campaignId}/invitations`;

  function uploadCsv(content: Buffer | string, name = 'firms.csv', type = 'text/csv') {
    const form = new FormData();
    form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    return chamber.http.request<InviteResult & ErrorBody>('POST', path(), form);
  }

  async function invitedCount(): Promise<number> {
    return (await chamber.http.get<{ total: number }>(`${path()}?limit=1`)).body.total;
  }

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK CSV', adminEmail: 'csv.admin@chamber.test' });
    const c = await chamber.http.post<{ id: string }>(`/api/orgs/${chamber.orgId}/campaigns`, {
      title: 'CSV',
      messageDe: 'Hallo',
      messageEn: 'Hello',
      opensAt: days(-1),
      closesAt: days(20),
    });
    campaignId = c.body.id;
  });
  afterAll(async () => {
    // All suites share one database: the thousands of mails queued here must not reach the next suite's SMTP catcher.
    // Without SMTP the outbox would mark them not_sent anyway; one statement does that at once.
    await t.dataSource.query(
      `UPDATE "mail_outbox" SET "status" = 'not_sent', "last_error" = 'No SMTP configured (SMTP_URL)' WHERE "status" = 'pending'`,
    );
    await t.close();
  });

  it('imports a CSV with good and bad rows: good ones invited, bad ones listed with line and reason', async () => {
    const csv = [
      'Firma;E-Mail;Ansprechpartner',
      'Muster Maschinenbau;info@muster.test;Anna',
      '"Beispiel; Handel GmbH";kontakt@beispiel.test;Bob',
      'Ohne Adresse;;Carl',
      'Kaputt;kaputt(at)firma.test;Dora',
      'Doppelt;INFO@muster.test;Eva',
      'Keine Domain;someone@localhost;Fritz',
    ].join('\r\n');
    const res = await uploadCsv(Buffer.from(csv, 'latin1'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      invited: 2,
      duplicates: 1,
      alreadyInvited: 0,
      limit: 5000,
      rejected: [
        { line: 4, value: '', reason: 'No email address in the email column' },
        { line: 5, value: 'kaputt(at)firma.test', reason: 'Not an email address' },
        { line: 7, value: 'someone@localhost', reason: 'The domain has no dot (e.g. example.com)' },
      ],
      // This suite runs without SMTP: the answer says that no mail goes out.
      mailConfigured: false,
      warning: expect.stringMatching(/^No mail server is configured/),
    });
    const list = await chamber.http.get<{
      items: { email: string; opened: boolean; joined: boolean }[];
      total: number;
    }>(path());
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((i) => i.email).sort()).toEqual(['info@muster.test', 'kontakt@beispiel.test']);
    const mails: { n: string }[] = await t.dataSource.query(
      `SELECT count(*) AS "n" FROM "mail_outbox" WHERE "to" IN ('info@muster.test', 'kontakt@beispiel.test')`,
    );
    expect(Number(mails[0].n)).toBe(2);
  });

  it('does not invite an address twice across uploads', async () => {
    const res = await uploadCsv('email\ninfo@muster.test\nneu@firma.test\n');
    expect(res.body).toMatchObject({ invited: 1, alreadyInvited: 1, duplicates: 0, rejected: [] });
    expect(await invitedCount()).toBe(3);
  });

  it('refuses a file that is not CSV (an Excel workbook, a PDF, binary data) with a clear 400 and imports nothing', async () => {
    const xlsx = await uploadCsv(
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]),
      'firms.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.message).toBe(
      'This file is not a CSV file but an Excel workbook or ZIP archive; in Excel use "Save as" → "CSV UTF-8"; nothing was imported',
    );
    const pdf = await uploadCsv(Buffer.from('%PDF-1.7\n...'), 'firms.csv');
    expect(pdf.status).toBe(400);
    expect(pdf.body.errors['file']).toMatch(/not a CSV file but a PDF document/);
    const binary = await uploadCsv(Buffer.from([0, 1, 2, 3, 0x40, 0, 0, 9, 0, 0, 0, 0]), 'firms.csv');
    expect(binary.status).toBe(400);
    expect(binary.body.message).toMatch(/not a text \(CSV\) file/);
    expect(await invitedCount()).toBe(3);
  });

  it('refuses malformed CSV naming the line, and imports nothing', async () => {
    const res = await uploadCsv('email\nok1@firma.test\n"ok2@firma.test\nok3@firma.test\n');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Malformed CSV: the quote opened on line 3 is never closed; nothing was imported');
    expect(await invitedCount()).toBe(3);
  });

  it('refuses 10,000+ addresses with 413 naming the limit, and imports nothing', async () => {
    const big = ['email', ...Array.from({ length: 10_001 }, (_, i) => `firm${i}@bulk.test`)].join('\n');
    const res = await uploadCsv(big);
    expect(res.status).toBe(413);
    expect(res.body.message).toBe(
      'This list has 10,001 entries; at most 5,000 can be invited at once. Split it into smaller lists; nothing was imported.',
    );
    const pasted = await chamber.http.post<ErrorBody>(path(), { addresses: big });
    expect(pasted.status).toBe(413);
    expect(await invitedCount()).toBe(3);
  });

  it('invites 5,000 addresses (the limit) in one upload', async () => {
    const list = Array.from({ length: 5000 }, (_, i) => `member${i}@limit.test`).join('\n');
    const started = Date.now();
    const res = await uploadCsv(list);
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ invited: 5000, duplicates: 0, alreadyInvited: 0, rejected: [] });
    expect(await invitedCount()).toBe(5003);
    expect(ms).toBeLessThan(30_000);
  });

  it('asks for input when neither text nor file is sent, and refuses both at once', async () => {
    const empty = await chamber.http.post<ErrorBody>(path(), {});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('Paste email addresses or upload a CSV file');
    const form = new FormData();
    form.append('addresses', 'a@b.test');
    form.append('file', new Blob(['c@d.test'], { type: 'text/csv' }), 'x.csv');
    const both = await chamber.http.request<ErrorBody>('POST', path(), form);
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('Send either pasted addresses or a CSV file, not both');
  });

  it('does not take invitations for a campaign that has not opened yet', async () => {
    const later = await chamber.http.post<{ id: string; status: string }>(`/api/orgs/${chamber.orgId}/campaigns`, {
      title: 'Later',
      messageDe: 'a',
      messageEn: 'b',
      opensAt: days(3),
      closesAt: days(10),
    });
    expect(later.body.status).toBe('scheduled');
    const res = await chamber.http.post<ErrorBody>(
      `/api/orgs/${chamber.orgId}/campaigns/${later.body.id}/invitations`,
      { addresses: 'a@b.test' },
    );
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^This campaign opens on \d{4}-\d{2}-\d{2}; invite firms from then on$/);
  });
});
