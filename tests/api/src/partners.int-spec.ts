import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MailService } from '@scs/api/accounts';
import { PartnerRemindersService } from '@scs/api/partners';
import { minimalJpeg, minimalPdf, minimalPng } from '@scs/shared/testing';
import type {
  PartnerDetailView,
  PartnerImportResult,
  PartnerLinkView,
  PartnerReceiptStatus,
  PartnerSubmitted,
  PartnerView,
} from '@scs/shared/contracts';
import { HttpClient, registerUser, startTestApp, type TestApp, type TestUser } from './support/app';

// Partner checks (issue 19): the firm's partner list, the login-free check link (address-bound, single use, expiring,
// revocable, rate-limited, token stored as a hash), hostile evidence files, the receipt PDF in Chinese, reminders.

const VALID_USCC = '91350100M000100Y43';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'scs-partner-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CLEAN: Record<string, string> = {
  PC1: 'no',
  PC2: 'no',
  PC3: 'no',
  PC4: 'grade_b',
  PC5: 'regular',
  PC6: 'no',
  PC7: 'no',
  PC8: 'none',
};
const DECLARATION = { name: '王小明', role: '法务经理', date: new Date().toISOString().slice(0, 10) };

describe('partner checks', () => {
  let t: TestApp;
  let firm: TestUser;
  let other: TestUser;
  const publicHttp = () => new HttpClient(t.url);

  /** The token of the newest check link mailed to `email` (from the outbox: it exists only in the mail). */
  async function linkTokenFor(email: string): Promise<string> {
    const [row]: { text: string }[] = await t.dataSource.query(
      `SELECT text FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const m = /\/partner-check\/([A-Za-z0-9_-]{43})/.exec(row?.text ?? '');
    if (!m) throw new Error(`no partner-check link mailed to ${email}`);
    return m[1];
  }

  async function newPartner(name: string, email: string, extra: Record<string, unknown> = {}): Promise<PartnerView> {
    const res = await firm.http.post<PartnerView>(`/api/orgs/${firm.orgId}/partners`, {
      name,
      role: 'supplier',
      contactEmail: email,
      contactLanguage: 'zh',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function sendCheck(partner: PartnerView, body: Record<string, unknown> = {}) {
    const res = await firm.http.post<{ id: string; state: string }>(
      `/api/orgs/${firm.orgId}/partners/${partner.id}/checks`,
      body,
    );
    expect(res.status).toBe(201);
    return { check: res.body, token: await linkTokenFor((body['email'] as string) ?? partner.contactEmail ?? '') };
  }

  function upload(token: string, email: string, bytes: Buffer, name: string, type = 'application/octet-stream') {
    const form = new FormData();
    form.append('email', email);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return publicHttp().request<{ id?: string; code?: string; message?: string }>(
      'POST',
      `/api/partner-check/${token}/evidence`,
      form,
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    firm = await registerUser(t.url, { email: `partners-${Date.now()}@firm.example`, firmName: 'Muster GmbH' });
    other = await registerUser(t.url, { email: `partners-other-${Date.now()}@firm.example`, firmName: 'Andere GmbH' });
  }, 60_000);
  afterAll(() => t?.close());

  describe('the partner list', () => {
    it('validates the USCC with its check character and refuses a second partner with the same code', async () => {
      const bad = await firm.http.post<{ errors: Record<string, string>; codes: Record<string, string> }>(
        `/api/orgs/${firm.orgId}/partners`,
        { name: 'Typo Co.', role: 'supplier', uscc: '91350100M000100Y44' },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.codes['uscc']).toBe('validation.uscc.checkCharacter');
      const ok = await newPartner('Fujian Example Co., Ltd.', 'contact@fujian.example', {
        uscc: VALID_USCC.toLowerCase(),
        nameZh: '福建示例有限公司',
        role: 'jv_partner',
      });
      expect(ok).toMatchObject({ uscc: VALID_USCC, state: 'none', level: null, recheckMonths: 12 });
      const again = await firm.http.post(`/api/orgs/${firm.orgId}/partners`, {
        name: 'Same code',
        role: 'other',
        uscc: VALID_USCC,
      });
      expect(again.status).toBe(409);
      const role = await firm.http.post(`/api/orgs/${firm.orgId}/partners`, { name: 'X', role: 'friend' });
      expect(role.status).toBe(400);
    });

    it('imports a CSV (German Excel export) and an XLSX with the same reader as the chamber import, with a preview', async () => {
      const csv =
        '\uFEFFFirma;Chinesischer Name;USCC;Rolle;Provinz;Ansprechpartner;E-Mail;Sprache\r\n' +
        'Suzhou Logistics Co., Ltd.;苏州物流有限公司;;Logistikdienstleister;Jiangsu;Li Lei;li@suzhou-log.example;Chinesisch\r\n' +
        'Bad Code Co.;;91350100M000100Y44;Lieferant;;;;\r\n' +
        `Dup of existing;;${VALID_USCC};Lieferant;;;;\r\n` +
        ';;;;;;;\r\n' +
        'Wrong mail Ltd.;;;Kunde;;;no-at-sign;\r\n';
      const form = () => {
        const f = new FormData();
        f.append('file', new Blob([csv], { type: 'text/csv' }), 'partner.csv');
        return f;
      };
      const preview = await firm.http.request<PartnerImportResult>(
        'POST',
        `/api/orgs/${firm.orgId}/partners/import/preview`,
        form(),
      );
      expect(preview.status).toBe(200);
      expect(preview.body.imported).toBe(0);
      expect(preview.body.rows).toEqual([
        expect.objectContaining({
          line: 2,
          name: 'Suzhou Logistics Co., Ltd.',
          nameZh: '苏州物流有限公司',
          role: 'logistics',
          contactLanguage: 'zh',
        }),
      ]);
      expect(preview.body.rejected.map((r) => [r.line, r.problem])).toEqual([
        [3, 'badUscc'],
        [4, 'exists'],
        [6, 'badEmail'],
      ]);
      const done = await firm.http.request<PartnerImportResult>(
        'POST',
        `/api/orgs/${firm.orgId}/partners/import`,
        form(),
      );
      expect(done.body.imported).toBe(1);

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Partner');
      ws.addRow(['Name', 'Role', 'Email', 'Language']);
      ws.addRow(['Shenzhen Distribution Ltd.', 'distributor', 'sales@sz-dist.example', 'en']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(xlsx)]), 'partner.xlsx');
      const fromXlsx = await firm.http.request<PartnerImportResult>(
        'POST',
        `/api/orgs/${firm.orgId}/partners/import`,
        f,
      );
      expect(fromXlsx.status).toBe(200);
      expect(fromXlsx.body.rows).toEqual([
        expect.objectContaining({ name: 'Shenzhen Distribution Ltd.', role: 'distributor', contactLanguage: 'en' }),
      ]);

      const junk = new FormData();
      junk.append('file', new Blob([new Uint8Array(minimalPdf())]), 'list.csv');
      const refused = await firm.http.request<{ codes: Record<string, string> }>(
        'POST',
        `/api/orgs/${firm.orgId}/partners/import`,
        junk,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.codes['file']).toBe('errors.partner.import.unreadable');
    });

    it('exports the list with status as CSV: ";" separated, UTF-8 with BOM, German labels and decimal comma', async () => {
      const list = await firm.http.get<PartnerView[]>(`/api/orgs/${firm.orgId}/partners`);
      const jv = list.body.find((p) => p.uscc === VALID_USCC) as PartnerView;
      await firm.http.patch(`/api/orgs/${firm.orgId}/partners/${jv.id}`, { recheckMonths: 18 });
      const res = await fetch(`${t.url}/api/orgs/${firm.orgId}/partners/export?locale=de`, {
        headers: { authorization: `Bearer ${firm.accessToken}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toContain('"Name";"Chinesischer Name";"USCC";"Rolle"');
      const row = lines.find((l) => l.includes(VALID_USCC)) as string;
      expect(row).toContain('"JV-Partner"');
      expect(row).toContain('"Nicht gesendet"');
      expect(row.endsWith(';1,5')).toBe(true);
    });
  });

  describe('the check link', () => {
    it('is bound to the invited address, answered once, and then refused (410); audit log records send, view and answer', async () => {
      const partner = await newPartner('Lifecycle Supplier Co.', 'lifecycle@supplier.example');
      const { check, token } = await sendCheck(partner);
      expect(check.state).toBe('sent');
      // Only the hash is stored.
      const stored: { token_hash: string }[] = await t.dataSource.query(
        `SELECT token_hash FROM partner_check WHERE id = $1`,
        [check.id],
      );
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0].token_hash).not.toContain(token);

      const peek = await publicHttp().get<Record<string, unknown>>(`/api/partner-check/${token}`);
      expect(peek.status).toBe(200);
      expect(peek.body).toEqual({ locale: 'zh' });

      const wrong = await publicHttp().post<Record<string, unknown>>(`/api/partner-check/${token}/open`, {
        email: 'someone@else.example',
      });
      expect(wrong.status).toBe(404);
      expect(JSON.stringify(wrong.body)).not.toContain('Lifecycle');
      expect(JSON.stringify(wrong.body)).not.toContain('Muster');
      const wrongSubmit = await publicHttp().post(`/api/partner-check/${token}/submit`, {
        email: 'someone@else.example',
        locale: 'zh',
        answers: CLEAN,
        declaration: DECLARATION,
      });
      expect(wrongSubmit.status).toBe(404);

      const open = await publicHttp().post<PartnerLinkView>(`/api/partner-check/${token}/open`, {
        email: 'LIFECYCLE@supplier.example ',
      });
      expect(open.status).toBe(200);
      expect(open.body).toMatchObject({ firmName: 'Muster GmbH', partnerName: 'Lifecycle Supplier Co.', locale: 'zh' });
      expect(open.body.questionnaire.questions[0].text.zh).toContain('严重失信主体名单');
      expect(open.body.questionnaire.questions.find((q) => q.id === 'PC5')?.status).toBe('unconfirmed');

      const incomplete = await publicHttp().post<{ codes: Record<string, string> }>(
        `/api/partner-check/${token}/submit`,
        {
          email: 'lifecycle@supplier.example',
          locale: 'zh',
          answers: { PC1: 'maybe' },
          declaration: DECLARATION,
        },
      );
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.codes['answers.PC1']).toBe('errors.partner.answers.unknown');
      expect(incomplete.body.codes['answers.PC2']).toBe('errors.partner.answers.missing');

      const answers = { ...CLEAN, PC2: 'yes', PC5: 'seriously_dishonest', PC4: 'grade_c' };
      const submitted = await publicHttp().post<PartnerSubmitted>(`/api/partner-check/${token}/submit`, {
        email: 'lifecycle@supplier.example',
        locale: 'zh',
        answers,
        declaration: DECLARATION,
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body.flags).toBe(3);
      expect(submitted.body.receiptToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      for (const [method, path, body] of [
        ['GET', `/api/partner-check/${token}`, undefined],
        ['POST', `/api/partner-check/${token}/open`, { email: 'lifecycle@supplier.example' }],
        [
          'POST',
          `/api/partner-check/${token}/submit`,
          { email: 'lifecycle@supplier.example', locale: 'en', answers: CLEAN, declaration: DECLARATION },
        ],
      ] as const) {
        const again = await publicHttp().request<Record<string, unknown>>(method, path, body);
        expect(again.status).toBe(410);
        expect(JSON.stringify(again.body)).not.toContain('Lifecycle');
      }
      const reuploaded = await upload(token, 'lifecycle@supplier.example', minimalPdf(), 'late.pdf');
      expect(reuploaded.status).toBe(410);

      const detail = await firm.http.get<PartnerDetailView>(`/api/orgs/${firm.orgId}/partners/${partner.id}`);
      expect(detail.body.partner).toMatchObject({ state: 'answered', level: 'critical', flagCount: 3 });
      expect(detail.body.checks[0].flags.map((f) => [f.questionId, f.severity, f.unconfirmed])).toEqual([
        ['PC2', 'critical', false],
        ['PC5', 'critical', true],
        ['PC4', 'medium', true],
      ]);
      expect(detail.body.checks[0].declaration).toEqual(DECLARATION);

      const audit: { action: string }[] = await t.dataSource.query(
        `SELECT action FROM audit_log WHERE target = $1 ORDER BY at`,
        [`partner_check:${check.id}`],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'partner.check.sent',
        'partner.check.addressMismatch',
        'partner.check.addressMismatch',
        'partner.check.viewed',
        'partner.check.answered',
      ]);
    });

    it('answers 404 for unknown or malformed tokens and 410 once expired or withdrawn; withdrawing twice is a conflict', async () => {
      expect((await publicHttp().get(`/api/partner-check/${'A'.repeat(43)}`)).status).toBe(404);
      expect((await publicHttp().get(`/api/partner-check/short`)).status).toBe(404);

      const partner = await newPartner('Expiring Co.', 'expiring@co.example');
      const { check, token } = await sendCheck(partner, { validDays: 1 });
      await t.dataSource.query(`UPDATE partner_check SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        check.id,
      ]);
      expect((await publicHttp().get(`/api/partner-check/${token}`)).status).toBe(410);
      expect(
        (await publicHttp().post(`/api/partner-check/${token}/open`, { email: 'expiring@co.example' })).status,
      ).toBe(410);
      expect(
        (await firm.http.get<PartnerView[]>(`/api/orgs/${firm.orgId}/partners`)).body.find((p) => p.id === partner.id)
          ?.state,
      ).toBe('expired');

      const second = await sendCheck(partner);
      const revoke = await firm.http.post<{ state: string }>(
        `/api/orgs/${firm.orgId}/partners/${partner.id}/checks/${second.check.id}/revoke`,
      );
      expect(revoke.status).toBe(200);
      expect(revoke.body.state).toBe('revoked');
      expect(
        (await publicHttp().post(`/api/partner-check/${second.token}/open`, { email: 'expiring@co.example' })).status,
      ).toBe(410);
      expect(
        (await firm.http.post(`/api/orgs/${firm.orgId}/partners/${partner.id}/checks/${second.check.id}/revoke`))
          .status,
      ).toBe(409);

      // A new link withdraws the earlier open one.
      const third = await sendCheck(partner);
      const fourth = await sendCheck(partner);
      expect((await publicHttp().get(`/api/partner-check/${third.token}`)).status).toBe(410);
      expect((await publicHttp().get(`/api/partner-check/${fourth.token}`)).status).toBe(200);
    });

    it('a foreign firm cannot reach a partner, its checks or evidence, neither through its own organisation nor the other', async () => {
      const partner = await newPartner('Private Partner Co.', 'private@partner.example');
      const { check } = await sendCheck(partner);
      for (const path of [
        `/api/orgs/${other.orgId}/partners/${partner.id}`,
        `/api/orgs/${firm.orgId}/partners/${partner.id}`,
        `/api/orgs/${firm.orgId}/partners`,
      ]) {
        const res = await other.http.get(path);
        expect([403, 404]).toContain(res.status);
      }
      expect(
        (await other.http.post(`/api/orgs/${other.orgId}/partners/${partner.id}/checks/${check.id}/revoke`)).status,
      ).toBe(404);
      expect((await other.http.get<PartnerView[]>(`/api/orgs/${other.orgId}/partners`)).body).toEqual([]);
    });
  });

  describe('evidence', () => {
    let partner: PartnerView;
    let token: string;
    const email = 'evidence@partner.example';

    beforeAll(async () => {
      partner = await newPartner('Evidence Partner Co.', email);
      token = (await sendCheck(partner)).token;
    });

    it('accepts a PDF, PNG and JPEG by content and serves them only to the firm, as attachments with nosniff', async () => {
      const pdf = await upload(token, email, minimalPdf(), '专项信用报告.pdf', 'application/pdf');
      expect(pdf.status).toBe(201);
      expect((await upload(token, email, minimalPng(), 'screenshot.png')).status).toBe(201);
      // The browser's type and the name do not count: a JPEG named .pdf is stored as image/jpeg.
      const jpeg = await upload(token, email, minimalJpeg(), 'credit-china.pdf', 'application/pdf');
      expect(jpeg.status).toBe(201);

      const detail = await firm.http.get<PartnerDetailView>(`/api/orgs/${firm.orgId}/partners/${partner.id}`);
      const check = detail.body.checks[0];
      expect(check.evidence.map((e) => [e.filename, e.contentType])).toEqual([
        ['专项信用报告.pdf', 'application/pdf'],
        ['screenshot.png', 'image/png'],
        ['credit-china.jpg', 'image/jpeg'],
      ]);
      const path = `/api/orgs/${firm.orgId}/partners/${partner.id}/checks/${check.id}/evidence/${check.evidence[0].id}`;
      const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${firm.accessToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="______.pdf"; filename\*=UTF-8''/);
      expect(Buffer.from(await res.arrayBuffer()).equals(minimalPdf())).toBe(true);
      const foreign = await fetch(t.url + path.replace(firm.orgId, other.orgId), {
        headers: { authorization: `Bearer ${other.accessToken}` },
      });
      expect(foreign.status).toBe(404);
      expect([403, 404]).toContain((await other.http.get(path)).status);
    });

    it('refuses hostile files: SVG with script, PDF/HTML polyglot, JPEG with a ZIP or HTML appended, PDF with JavaScript', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script></svg>',
      );
      const polyglot = Buffer.from(
        minimalPdf().toString('latin1').replace('%%EOF', '<html><body><script>alert(1)</script></body></html>\n%%EOF'),
        'latin1',
      );
      const zip = Buffer.concat([
        Buffer.from('PK\x03\x04', 'latin1'),
        Buffer.alloc(30),
        Buffer.from('PK\x05\x06', 'latin1'),
        Buffer.alloc(18),
      ]);
      const jpegZip = Buffer.concat([minimalJpeg(), zip]);
      const jpegZipEoi = Buffer.concat([minimalJpeg(), zip, Buffer.from([0xff, 0xd9])]);
      const jpegHtml = Buffer.concat([minimalJpeg(), Buffer.from('<html><script>alert(1)</script></html>')]);
      const jsPdf = Buffer.from(
        minimalPdf()
          .toString('latin1')
          .replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
        'latin1',
      );
      const cases: [Buffer, string, string][] = [
        [svg, 'evil.svg', 'unknownType'],
        [Buffer.from('<!doctype html><script>alert(1)</script>'), 'evil.html', 'unknownType'],
        [polyglot, 'poly.pdf', 'markup'],
        [jpegZip, 'photo.jpg', 'trailingData'],
        [jpegZipEoi, 'photo.jpg', 'archive'],
        [jpegHtml, 'photo.jpg', 'trailingData'],
        [jsPdf, 'report.pdf', 'activePdf'],
      ];
      for (const [bytes, name, problem] of cases) {
        const res = await upload(token, email, bytes, name, 'image/png');
        expect({ name, problem, status: res.status }).toEqual({ name, problem, status: 415 });
        expect(res.body.message).toContain('PDF, PNG');
      }
      const refused: { n: string }[] = await t.dataSource.query(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'partner.evidence.refused' AND org_id = $1`,
        [firm.orgId],
      );
      expect(Number(refused[0].n)).toBe(cases.length);
    });

    it('refuses a file over 5 MB with 413 and a message, and a wrong address with 404', async () => {
      const big = Buffer.concat([minimalPdf(), Buffer.alloc(5 * 1024 * 1024)]);
      const res = await upload(token, email, big, 'big.pdf');
      expect(res.status).toBe(413);
      expect(res.body.message).toContain('5 MB');
      expect((await upload(token, 'other@partner.example', minimalPdf(), 'x.pdf')).status).toBe(404);
    });
  });

  it('renders the receipt in Chinese for the partner right after submitting, and for the firm', async () => {
    const partner = await newPartner('Receipt Partner Co.', 'receipt@partner.example', { nameZh: '回执伙伴有限公司' });
    const { token, check } = await sendCheck(partner);
    expect((await upload(token, 'receipt@partner.example', minimalPdf(), '专项信用报告.pdf')).status).toBe(201);
    const submitted = await publicHttp().post<PartnerSubmitted>(`/api/partner-check/${token}/submit`, {
      email: 'receipt@partner.example',
      locale: 'zh',
      answers: { ...CLEAN, PC1: 'yes' },
      declaration: DECLARATION,
    });
    expect(submitted.status).toBe(200);
    const receipt = `/api/partner-receipts/${submitted.body.receiptToken}`;
    const end = Date.now() + 90_000;
    for (;;) {
      const s = await publicHttp().get<PartnerReceiptStatus>(receipt);
      expect(s.status).toBe(200);
      if (s.body.status === 'done') break;
      if (s.body.status === 'failed' || Date.now() > end) throw new Error(`receipt ${s.body.status}`);
      await new Promise((r) => setTimeout(r, 1500)); // the link routes are rate-limited
    }
    const pdf = await fetch(t.url + receipt + '/pdf');
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    // Opt-in (PDF_DUMP_DIR): keep the receipt to look at it.
    if (process.env['PDF_DUMP_DIR']) writeFileSync(join(process.env['PDF_DUMP_DIR'], 'partner-receipt-zh.pdf'), bytes);
    const text = pdfText(bytes);
    expect(text).toContain('合作伙伴信用核查回执');
    expect(text).toContain('回执伙伴有限公司');
    expect(text).toContain('王小明');
    expect(text).toContain('已被列入严重失信主体名单');
    expect(text).toContain('专项信用报告.pdf');

    const firmSide = await firm.http.post<{ reportId: string }>(
      `/api/orgs/${firm.orgId}/partners/${partner.id}/checks/${check.id}/receipt`,
    );
    expect(firmSide.status).toBe(200);
    const file = await fetch(`${t.url}/api/reports/${firmSide.body.reportId}/pdf`, {
      headers: { authorization: `Bearer ${firm.accessToken}` },
    });
    expect(file.status).toBe(200);
    const foreignReceipt = await fetch(`${t.url}/api/reports/${firmSide.body.reportId}/pdf`, {
      headers: { authorization: `Bearer ${other.accessToken}` },
    });
    expect([403, 404]).toContain(foreignReceipt.status);
    expect((await publicHttp().get(`/api/partner-receipts/${'B'.repeat(43)}`)).status).toBe(404);
  }, 120_000);

  it("records the firm's own verification and reminds once when a re-check is due or a link expired unanswered", async () => {
    const partner = await newPartner('Reminder Co.', 'reminder@co.example');
    const verified = await firm.http.post<{ source: string; outcome: string }>(
      `/api/orgs/${firm.orgId}/partners/${partner.id}/verifications`,
      { source: 'credit_china', checkedOn: '2025-06-01', outcome: 'no_entry', note: 'Credit China: no entry' },
    );
    expect(verified.status).toBe(201);
    const future = await firm.http.post(`/api/orgs/${firm.orgId}/partners/${partner.id}/verifications`, {
      source: 'credit_china',
      checkedOn: '2999-01-01',
      outcome: 'no_entry',
    });
    expect(future.status).toBe(400);
    const view = (await firm.http.get<PartnerDetailView>(`/api/orgs/${firm.orgId}/partners/${partner.id}`)).body
      .partner;
    expect(view).toMatchObject({ recheckDue: '2026-06-01', recheckOverdue: true });

    const { check } = await sendCheck(partner, { validDays: 1 });
    await t.dataSource.query(`UPDATE partner_check SET expires_at = now() - interval '1 hour' WHERE id = $1`, [
      check.id,
    ]);
    const reminders = t.app.get(PartnerRemindersService);
    const first = await reminders.sweep();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.recheck).toBeGreaterThanOrEqual(1);
    const mails: { subject: string }[] = await t.dataSource.query(
      `SELECT subject FROM mail_outbox WHERE "to" = $1 AND subject LIKE '%Reminder Co.%' ORDER BY created_at`,
      [firm.email],
    );
    expect(mails.map((m) => m.subject)).toEqual([
      'SCS Check: Partnerprüfung unbeantwortet abgelaufen / Partner check expired unanswered – Reminder Co.',
      'SCS Check: Partnerprüfung fällig / Partner check due – Reminder Co.',
    ]);
    const second = await reminders.sweep();
    expect(second).toEqual({ recheck: 0, expired: 0 });
    await t.app.get(MailService).flush();
  });

  it('partner answers and evidence never reach research or chamber tables', async () => {
    const tables: { table_schema: string; table_name: string }[] = await t.dataSource.query(
      `SELECT table_schema, table_name FROM information_schema.columns WHERE column_name IN ('answers', 'content') AND table_name LIKE 'partner%'`,
    );
    expect(tables.every((r) => r.table_schema === 'public')).toBe(true);
    const research: { n: string }[] = await t.dataSource.query(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'research' AND table_name LIKE '%partner%'`,
    );
    expect(Number(research[0].n)).toBe(0);
  });

  it('rate-limits one link: after 60 requests in 15 minutes it answers 429', async () => {
    const partner = await newPartner('Hammered Co.', 'hammer@co.example');
    const { token } = await sendCheck(partner);
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await publicHttp().get(`/api/partner-check/${token}`)).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  }, 60_000);
});
