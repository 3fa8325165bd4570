import { createHmac } from 'node:crypto';
import { createAdmin } from '@scs/api/accounts';
import { CatalogueService } from '@scs/api/catalogue';
import { AggregatesService, ResearchRecordsService, type SubmissionForResearch } from '@scs/api/research';
import { applicableQuestions, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { catalogueScorer, syntheticRecords, type DisclosedTable, type PeerBenchmark } from '@scs/shared/disclosure';
import { score } from '@scs/shared/scoring';
import { answerMap } from '@scs/shared/answers';
import { createResearcher, loginUser, startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './support/app';
import { MANUFACTURER_PROFILE, registerFirm, type RegisteredFirm } from './support/firms';

const FIRM_NAME = 'Geheim Präzisionsteile (Taicang) Co., Ltd.';
const USCC = '91440300708461136T';
const NOTE = 'Our tax manager Mr Wang said the grade was downgraded in March';

describe('research: consent, anonymised records, disclosure-controlled outputs (real PostgreSQL)', () => {
  let t: TestApp;
  let catalogue: Catalogue;
  let records: ResearchRecordsService;
  let firm: RegisteredFirm;
  let researcher: TestUser;
  let researchOrg: string;

  const profile = { ...MANUFACTURER_PROFILE } as unknown as FirmProfile;

  function submission(
    firmId: string,
    submittedAt: Date,
    extra: Partial<SubmissionForResearch> = {},
  ): SubmissionForResearch {
    const applicable = applicableQuestions(catalogue, profile);
    const answers = answerMap(
      Object.fromEntries(
        applicable.map((q, i) => [
          q.id,
          { optionId: (q.options[i % q.options.length] as { id: string }).id, ...(i === 0 ? { note: NOTE } : {}) },
        ]),
      ),
    );
    return {
      firmId,
      profile,
      catalogueVersion: catalogue.version,
      result: score(catalogue, profile, answers),
      answers,
      researchAnswers: { awareness: 'basic', learned_from: ['chamber', 'advisers'], pilots: 'no' },
      submittedAt,
      ...extra,
    };
  }

  const rowsOf = async (firmId: string) => {
    const key = t.config.researchPseudonymKey as string;
    const pseudonym = createHmac('sha256', key).update(firmId).digest('hex');
    return (await t.dataSource.query(`SELECT * FROM "research"."record" WHERE "pseudonym" = $1`, [
      pseudonym,
    ])) as Record<string, unknown>[];
  };

  const grant = (f: RegisteredFirm, granted: boolean, textVersion: number | undefined = 3) =>
    f.http.put<unknown>(`/api/orgs/${f.orgId}/consents`, {
      kind: 'research',
      granted,
      ...(granted ? { textVersion } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp();
    catalogue = (await t.app.get(CatalogueService).current()).catalogue;
    records = t.app.get(ResearchRecordsService);
    firm = await registerFirm(t.url, { uscc: USCC }, FIRM_NAME);
    researcher = await createResearcher(t, { teamName: 'Uni Research', email: 'r1@uni.example' });
    researchOrg = researcher.orgId;
  });
  afterAll(() => t.close());

  it('publishes the consent texts in German and English, version 1 of each kind, to signed-in users', async () => {
    expect((await fetch(`${t.url}/api/consent-texts`)).status).toBe(401);
    const res = await firm.http.get<{ kind: string; version: number; en: string; de: string }[]>('/api/consent-texts');
    const body = res.body;
    expect(res.status).toBe(200);
    expect(body.map((x) => [x.kind, x.version])).toEqual([
      ['research', 3], // version 3: rare answers top-coded, what revocation leaves in microdata (migration 1765300000000)
      ['chamber', 3], // version 3: given per chamber, releases carry noise (migration 1765300000000)
      ['chamber_participation', 2], // version 2: given per chamber
    ]);
    expect(body[0]?.de).toMatch(/widerrufen/);
    expect(body[0]?.en).toMatch(/revoke/);
  });

  it('defaults to no consent and writes no research record without it', async () => {
    const status = await firm.http.get<{ kind: string; granted: boolean }[]>(`/api/orgs/${firm.orgId}/consents`);
    expect(status.body.find((s) => s.kind === 'research')?.granted).toBe(false);
    await expect(records.recordSubmission(submission(firm.orgId, new Date('2025-03-10T10:00:00Z')))).resolves.toEqual({
      written: false,
      reason: 'no_consent',
    });
    expect(await rowsOf(firm.orgId)).toHaveLength(0);
  });

  it('records who granted which text version when, and refuses a grant of an outdated text', async () => {
    expect((await grant(firm, true, 99)).status).toBe(409);
    expect((await firm.http.put(`/api/orgs/${firm.orgId}/consents`, { kind: 'research', granted: true })).status).toBe(
      400,
    );
    const res = await grant(firm, true);
    expect(res.status).toBe(200);
    const [row] = (await t.dataSource.query(
      `SELECT "text_version", "granted_by", "granted_at", "revoked_at" FROM "consent" WHERE "org_id" = $1 AND "kind" = 'research'`,
      [firm.orgId],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({ text_version: 3, granted_by: firm.userId, revoked_at: null });
    expect(row?.['granted_at']).toBeInstanceOf(Date);
  });

  it('with consent writes exactly one record per wave, without any identifying field', async () => {
    await expect(records.recordSubmission(submission(firm.orgId, new Date('2025-03-10T10:00:00Z')))).resolves.toEqual({
      written: true,
      wave: '2025-H1',
    });
    await records.recordSubmission(submission(firm.orgId, new Date('2025-05-01T10:00:00Z'))); // same wave: replaces
    const rows = await rowsOf(firm.orgId);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(
      [
        'activities',
        'answers',
        'catalogue_version',
        'dimension_scores',
        'headcount_band',
        'key_id',
        'legal_form',
        'level',
        'nace_section',
        'overall_score',
        'province',
        'province_group',
        'pseudonym',
        'research_module',
        'scoring_model',
        'wave',
      ].sort(),
    );
    const text = JSON.stringify(row);
    for (const secret of [FIRM_NAME, 'Geheim', firm.email, USCC, NOTE, 'Wang', firm.orgId, firm.userId])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d/); // no exact dates
    expect(row).toMatchObject({
      wave: '2025-H1',
      nace_section: 'C',
      province: 'JS',
      province_group: 'east',
      headcount_band: '250_999',
      legal_form: 'wfoe',
      scoring_model: 2, // the submission's model: aggregates count scores of the current model only
    });
    expect(row['research_module']).toMatchObject({
      'rm.awareness': 'basic',
      'rm.learned_from.chamber': '1',
      'rm.learned_from.media': '0',
      'rm.pilot_areas.other': '.a',
    });
    const answers = row['answers'] as Record<string, string>;
    expect(Object.keys(answers)).toHaveLength(catalogue.questions.length);
  });

  it("revoking deletes the firm's research records at once and writes an audit entry", async () => {
    await records.recordSubmission(submission(firm.orgId, new Date('2025-09-10T10:00:00Z')));
    expect(await rowsOf(firm.orgId)).toHaveLength(2);
    const res = await grant(firm, false);
    expect(res.status).toBe(200);
    expect(await rowsOf(firm.orgId)).toHaveLength(0);
    const audit = (await t.dataSource.query(
      `SELECT "action", "actor_user_id", "details" FROM "audit_log" WHERE "org_id" = $1 AND "action" LIKE 'consent.%' ORDER BY "id"`,
      [firm.orgId],
    )) as {
      action: string;
      actor_user_id: string;
      details: Record<string, unknown>;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['consent.granted', 'consent.revoked']);
    expect(audit[1]).toMatchObject({
      actor_user_id: firm.userId,
      details: { kind: 'research', researchRecordsDeleted: 2 },
    });
    await expect(
      records.recordSubmission(submission(firm.orgId, new Date('2025-10-01T10:00:00Z'))),
    ).resolves.toMatchObject({ written: false });
  });

  it('never leaves a record behind when a submission races a revocation', async () => {
    const other = await registerFirm(t.url);
    for (let i = 0; i < 5; i++) {
      expect((await grant(other, true)).status).toBe(200);
      await Promise.all([
        records.recordSubmission(submission(other.orgId, new Date('2025-04-01T00:00:00Z'))),
        grant(other, false),
      ]);
      expect(await rowsOf(other.orgId)).toHaveLength(0);
    }
  });

  describe('outputs for researchers', () => {
    let admin: TestUser;

    beforeAll(async () => {
      // 400 synthetic firms over two closed waves, written straight into the research schema.
      const values: unknown[] = [];
      for (const r of syntheticRecords({
        firms: 400,
        waves: 2,
        firstWave: '2025-H1',
        seed: 11,
        scorer: catalogueScorer(catalogue),
        catalogueVersion: catalogue.version,
      })) {
        values.push([
          r.pseudonym,
          r.wave,
          r.catalogueVersion,
          r.naceSection,
          r.provinceGroup,
          r.province,
          r.headcountBand,
          r.legalForm,
          JSON.stringify(r.activities),
          JSON.stringify(r.dimensionScores),
          r.overallScore,
          r.level,
          JSON.stringify(r.answers),
        ]);
      }
      for (const v of values) {
        await t.dataSource.query(
          `INSERT INTO "research"."record" ("pseudonym", "wave", "catalogue_version", "nace_section", "province_group", "province", "headcount_band", "legal_form", "activities", "dimension_scores", "overall_score", "level", "answers", "key_id")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'synthetic')`,
          v as unknown[],
        );
      }
      await t.dataSource.query(
        `INSERT INTO "research"."aggregate_state" ("wave") VALUES ('2025-H1'), ('2025-H2') ON CONFLICT ("wave") DO UPDATE SET "dirty" = true`,
      );
      await t.app.get(AggregatesService).refreshDirty();
      await createAdmin(t.dataSource, { email: 'ops@scs.example', name: 'Ops', password: async () => TEST_PASSWORD });
      admin = await loginUser(t.url, 'ops@scs.example');
    });

    it('summarises the dataset: firms and closed waves', async () => {
      const res = await researcher.http.get<{ k: number; firms: number; waves: { wave: string; firms: number }[] }>(
        `/api/research/${researchOrg}/summary`,
      );
      expect(res.status).toBe(200);
      expect(res.body.k).toBe(10);
      expect(res.body.waves.map((w) => w.wave)).toEqual(['2025-H1', '2025-H2']);
      expect(res.body.firms).toBeGreaterThan(300);
    });

    it('serves predefined tables whose every published row counts at least k firms', async () => {
      const list = await researcher.http.get<{ id: string; waves: string[]; variables?: { id: string }[] }[]>(
        `/api/research/${researchOrg}/tables`,
      );
      expect(list.body.map((x) => x.id)).toEqual([
        'level-by-sector',
        'means-by-size',
        'means-by-sector',
        'answers-by-legal-form',
        'wave-change',
      ]);
      const variable = list.body
        .find((x) => x.id === 'answers-by-legal-form')
        ?.variables?.find((v) => v.id.endsWith(':T1'))?.id;
      for (const [id, query] of [
        ['level-by-sector', '?wave=2025-H2'],
        ['means-by-size', ''],
        ['answers-by-legal-form', `?variable=${variable}`],
        ['wave-change', '?wave=2025-H2&from=2025-H1'],
      ] as const) {
        const res = await researcher.http.get<DisclosedTable>(`/api/research/${researchOrg}/tables/${id}${query}`);
        expect(res.status).toBe(200);
        for (const row of res.body.rows) {
          if (row.n.status === 'value' && row.n.value !== null && row.n.value > 0)
            expect(row.n.value).toBeGreaterThanOrEqual(10);
          for (const cell of row.cells) if (cell.status === 'suppressed') expect(cell.display).toBe('.');
        }
      }
      expect((await researcher.http.get(`/api/research/${researchOrg}/tables/answers-by-legal-form`)).status).toBe(400);
      expect((await researcher.http.get(`/api/research/${researchOrg}/tables/no-such-table`)).status).toBe(400);
      expect(
        (await researcher.http.get(`/api/research/${researchOrg}/tables/level-by-sector?wave=2026-H2`)).status,
      ).toBe(404); // open wave: not shown
    });

    it('exports a table as CSV, microdata (k-anonymous quasi-identifiers) and the codebook in three formats', async () => {
      const csv = await researcher.http.get<string>(`/api/research/${researchOrg}/tables/level-by-sector/csv?lang=de`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect(csv.body.split('\r\n')[0]).toMatch(/^row,Zeile,n,/);

      // Means carry their spread (n, SD, 95 % CI) in the table, the CSV and the table's codebook and scripts.
      const means = await researcher.http.get<DisclosedTable>(`/api/research/${researchOrg}/tables/means-by-size`);
      const cells = means.body.rows.flatMap((r) => r.cells);
      expect(cells.some((c) => c.spread && c.spread.n >= 10 && c.spread.sd !== null)).toBe(true);
      for (const c of cells) if (c.status !== 'value') expect(c.spread).toBeUndefined();
      const meansCsv = await researcher.http.get<string>(`/api/research/${researchOrg}/tables/means-by-size/csv`);
      expect(meansCsv.body.split('\r\n')[0]).toMatch(
        /^row,label,n,Overall,.*,Overall n,Overall SD,Overall 95% CI lower bound,/,
      );
      const doFile = await researcher.http.get<string>(
        `/api/research/${researchOrg}/tables/means-by-size/codebook?format=stata&lang=de`,
      );
      expect(doFile.status).toBe(200);
      expect(doFile.headers.get('content-disposition')).toMatch(/attachment; filename="means-by-size_2025-H2\.do"/);
      expect(doFile.body).toContain('import delimited using "means-by-size_2025-H2.csv"');
      expect(doFile.body).toContain('quietly destring c_overall_sd, replace');
      const tableDdi = await researcher.http.get<string>(
        `/api/research/${researchOrg}/tables/means-by-size/codebook?format=ddi`,
      );
      expect(tableDdi.body).toContain('name="c_overall_ci_high"');

      const micro = await researcher.http.get<string>(`/api/research/${researchOrg}/microdata.csv`);
      expect(micro.status).toBe(200);
      const [header, ...lines] = micro.body.trim().split('\r\n');
      const cols = (header as string).split(',');
      expect(cols.slice(0, 3)).toEqual(['firm', 'wave', 'catalogue_version']);
      expect(lines.length).toBe(
        Number(
          (
            await t.dataSource.query(
              `SELECT count(*)::int AS n FROM "research"."record" WHERE "wave" IN ('2025-H1', '2025-H2')`,
            )
          )[0].n,
        ),
      );
      const qi = cols
        .map((c, i) => [c, i] as const)
        .filter(([c]) => ['wave', 'sector', 'province', 'size', 'legal_form'].includes(c) || c.startsWith('act_'));
      const classes = new Map<string, Set<string>>();
      for (const line of lines) {
        const v = line.split(',');
        const key = qi.map(([, i]) => v[i]).join('|');
        classes.set(key, (classes.get(key) ?? new Set()).add(v[0] as string));
      }
      expect(Math.min(...[...classes.values()].map((s) => s.size))).toBeGreaterThanOrEqual(10);
      expect(micro.body).not.toMatch(/[0-9a-f]{64}/); // no stored pseudonyms

      const json = await researcher.http.get<{ variables: { name: string }[] }>(
        `/api/research/${researchOrg}/codebook`,
      );
      expect(json.body.variables.map((v) => v.name)).toEqual(cols);
      const html = await researcher.http.get<string>(`/api/research/${researchOrg}/codebook?format=html`);
      expect(html.headers.get('content-type')).toMatch(/text\/html/);
      const ddi = await researcher.http.get<string>(`/api/research/${researchOrg}/codebook?format=ddi`);
      expect(ddi.body).toContain('<codeBook xmlns="ddi:codebook:2_6"');
      for (const v of cols) expect(ddi.body).toContain(`name="${v}"`);

      // Ready-to-run scripts for the same file, generated from the same codebook, labels in the asked language.
      const stata = await researcher.http.get<string>(`/api/research/${researchOrg}/codebook?format=stata&lang=de`);
      expect(stata.status).toBe(200);
      expect(stata.headers.get('content-disposition')).toBe('attachment; filename="microdata.do"');
      expect(stata.body).toContain('import delimited using "microdata.csv", delimiters(",") decimalseparator(".")');
      for (const v of cols.filter((c) => c.length <= 32)) expect(stata.body).toContain(`label variable ${v} `);
      for (const v of cols.filter((c) => c.length > 32)) expect(stata.body).toContain(`: CSV column ${v}`);
      expect(stata.body).toContain('Nicht beantwortet');
      const r = await researcher.http.get<string>(`/api/research/${researchOrg}/codebook?format=r`);
      expect(r.headers.get('content-disposition')).toBe('attachment; filename="microdata.R"');
      for (const v of cols) expect(r.body).toContain(`attr(microdata[["${v}"]], "label")`);
      expect((await researcher.http.get(`/api/research/${researchOrg}/codebook?format=spss`)).status).toBe(400);
    });

    it('logs every export and lists the log for platform admins only', async () => {
      const res = await admin.http.get<
        {
          kind: string;
          tableId: string | null;
          userEmail: string;
          rowCount: number;
          params: Record<string, unknown>;
        }[]
      >('/api/admin/research-exports');
      expect(res.status).toBe(200);
      // Other suites share the database: look at this researcher's exports only.
      const mine = res.body.filter((e) => e.userEmail === 'r1@uni.example');
      const kinds = new Set(mine.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(['codebook', 'microdata', 'table', 'table_csv']);
      expect(mine.find((e) => e.kind === 'microdata')?.rowCount).toBeGreaterThan(300);
      expect((await researcher.http.get('/api/admin/research-exports')).status).toBe(403);
      expect((await firm.http.get('/api/admin/research-exports')).status).toBe(403);
    });

    it('keeps researchers away from firm-identifying routes and firms away from research routes', async () => {
      for (const path of [
        `/api/orgs/${firm.orgId}/profile`,
        `/api/orgs/${firm.orgId}/consents`,
        `/api/orgs/${firm.orgId}/peer-benchmark`,
        `/api/orgs/${firm.orgId}/assessments`,
        `/api/orgs/${firm.orgId}/members`,
      ]) {
        expect([403, 404]).toContain((await researcher.http.get(path)).status);
      }
      for (const path of ['summary', 'tables', 'tables/level-by-sector', 'microdata.csv', 'codebook']) {
        expect([403, 404]).toContain((await firm.http.get(`/api/research/${researchOrg}/${path}`)).status);
        expect([403, 404]).toContain((await researcher.http.get(`/api/research/${firm.orgId}/${path}`)).status);
      }
    });

    it('gives a firm its peer benchmark, or the reason why not', async () => {
      const res = await firm.http.get<PeerBenchmark>(`/api/orgs/${firm.orgId}/peer-benchmark`);
      expect(res.status).toBe(200);
      expect(res.body.wave).toBe('2025-H2');
      expect(res.body.sector).toMatchObject({ available: true, group: 'manufacturing' });
      if (res.body.sector.available) expect(res.body.sector.firms).toBeGreaterThanOrEqual(10);
      const small = await registerFirm(t.url, { naceSection: 'U', headcountBand: 'lt50' });
      const other = await small.http.get<PeerBenchmark>(`/api/orgs/${small.orgId}/peer-benchmark`);
      expect(other.body.sector).toMatchObject({ available: false, reason: 'group_too_small' });
    });
  });

  it('serves the research module to signed-in users, in German and English', async () => {
    const res = await firm.http.get<{ version: string; questions: { id: string; text: { en: string; de: string } }[] }>(
      '/api/research-module',
    );
    const body = res.body;
    expect(res.status).toBe(200);
    expect(body.version).toBe(catalogue.version);
    expect(body.questions.map((q) => q.id)).toEqual([
      'awareness',
      'learned_from',
      'impact',
      'preparation',
      'pilots',
      'pilot_areas',
      'outside_china',
    ]);
  });
});
