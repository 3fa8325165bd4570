import { ENGLISH_CRM_EXPORT, GERMAN_EXCEL_EXPORT, GERMAN_MEMBERS } from '@scs/shared/testing';
import {
  createChamberWithAdmin,
  type MailCatcher,
  startMailCatcher,
  startTestApp,
  type TestApp,
  type TestUser,
} from './support/app';

interface Row {
  line: number;
  company: string;
  contact: string;
  email: string;
}
interface Preview {
  rows: Row[];
  alreadyInvited: Row[];
  duplicates: { line: number; email: string; firstLine: number }[];
  rejected: { line: number; value: string; reason: string }[];
  limit: number;
}
interface InviteResult {
  invited: number;
  duplicates: number;
  alreadyInvited: number;
  rejected: { line: number; value: string; reason: string }[];
}
interface Invitations {
  items: { email: string }[];
  total: number;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** Issue 16: a chamber's real member list (German Excel export) is imported without losing a row; the preview shows the same rows. */
describe('chamber member list import: preview, then invite (real PostgreSQL)', () => {
  let t: TestApp;
  let mail: MailCatcher;
  let chamber: TestUser;
  const base = () => `/api/orgs/${chamber.orgId}/campaigns`;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestApp({ SMTP_URL: mail.url, LOGIN_RATE_LIMIT: '1000' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK Importkammer', adminEmail: 'import.admin@chamber.test' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  async function newCampaign(title: string): Promise<string> {
    const res = await chamber.http.post<{ id: string }>(base(), {
      title,
      messageDe: 'Bitte nehmen Sie teil.',
      messageEn: 'Please take part.',
      opensAt: days(-1),
      closesAt: days(30),
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  function upload(csv: string, name = 'mitglieder.csv'): FormData {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(csv, 'utf8')], { type: 'text/csv' }), name);
    return form;
  }

  it('previews a German Excel export (uploaded file) with all 13 members, then imports exactly those rows', async () => {
    const id = await newCampaign('Import Excel');
    const preview = await chamber.http.post<Preview>(
      `${base()}/${id}/invitations/preview`,
      upload(GERMAN_EXCEL_EXPORT),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r) => r.email)).toEqual(GERMAN_MEMBERS);
    expect(preview.body.rows[0]).toEqual({
      line: 2,
      company: 'Muster Maschinenbau (Suzhou) Co., Ltd.',
      contact: 'Hans Müller',
      email: 'h.mueller@muster-suzhou.cn',
    });
    expect(preview.body.duplicates).toEqual([{ line: 16, email: 'h.mueller@muster-suzhou.cn', firstLine: 2 }]);
    expect(preview.body.rejected).toEqual([
      { line: 15, value: 'eva.falsch(at)falsch-partner.de', reason: 'Not an email address' },
    ]);
    // The preview sends and stores nothing.
    expect((await chamber.http.get<Invitations>(`${base()}/${id}/invitations`)).body.total).toBe(0);

    const result = await chamber.http.post<InviteResult>(`${base()}/${id}/invitations`, upload(GERMAN_EXCEL_EXPORT));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      invited: 13,
      duplicates: 1,
      alreadyInvited: 0,
      rejected: preview.body.rejected,
    });
    const stored = await chamber.http.get<Invitations>(`${base()}/${id}/invitations?limit=500`);
    expect(stored.body.items.map((i) => i.email).sort()).toEqual(preview.body.rows.map((r) => r.email).sort());

    // Previewing the same list again: everything is already invited, nothing would be sent twice.
    const again = await chamber.http.post<Preview>(`${base()}/${id}/invitations/preview`, upload(GERMAN_EXCEL_EXPORT));
    expect(again.body.rows).toEqual([]);
    expect(again.body.alreadyInvited.map((r) => r.email)).toEqual(GERMAN_MEMBERS);
  });

  it('reads pasted English CSV with quoted names containing commas the same way in preview and import', async () => {
    const id = await newCampaign('Import English');
    const preview = await chamber.http.post<Preview>(`${base()}/${id}/invitations/preview`, {
      addresses: ENGLISH_CRM_EXPORT,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r) => [r.company, r.contact])).toEqual([
      ['Acme Industrial (Dalian) Co., Ltd.', 'John Smith'],
      ['Globex Trading, Inc.', 'Doe, Jane'],
      ['Initech GmbH', 'Peter Gibbons'],
    ]);
    const result = await chamber.http.post<InviteResult>(`${base()}/${id}/invitations`, {
      addresses: ENGLISH_CRM_EXPORT,
    });
    expect(result.body).toMatchObject({ invited: preview.body.rows.length, rejected: [] });
  });

  it('refuses a preview of a malformed list or an Excel workbook like the import does', async () => {
    const id = await newCampaign('Import errors');
    const open = await chamber.http.post<{ message: string }>(`${base()}/${id}/invitations/preview`, {
      addresses: 'a@a.de\n"b@b.de\nc@c.de',
    });
    expect(open.status).toBe(400);
    expect(open.body.message).toMatch(/quote opened on line 2 is never closed/);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('PK\x03\x04xl/workbook.xml', 'latin1')]), 'mitglieder.xlsx');
    const xlsx = await chamber.http.post<{ message: string }>(`${base()}/${id}/invitations/preview`, form);
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.message).toMatch(/Excel workbook/);
  });
});
