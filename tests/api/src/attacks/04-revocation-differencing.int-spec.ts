import { createHmac } from 'node:crypto';
import { CatalogueService } from '@scs/api/catalogue';
import { AggregatesService, ResearchRecordsService } from '@scs/api/research';
import { applicableQuestions, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { SYNTHETIC_CALIBRATION, catalogueScorer, syntheticRecords, type DisclosedTable } from '@scs/shared/disclosure';
import { score } from '@scs/shared/scoring';
import { answerMap } from '@scs/shared/answers';
import { createResearcher, startTestApp, type TestApp, type TestUser } from '../support/app';
import { MANUFACTURER_PROFILE, registerFirm, type RegisteredFirm } from '../support/firms';

const WAVE = '2024-H2';
const TABLES = ['level-by-sector', 'means-by-size', 'means-by-sector'] as const;

// Attack 4 (issue 15): tables of a closed wave taken before and after one firm revoked its research consent gave away
// its level, sector, size and scores; the microdata diff gave its whole record.
describe('attack 4: differencing a closed wave around one revocation', () => {
  let t: TestApp;
  let catalogue: Catalogue;
  let target: RegisteredFirm;
  let researcher: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    catalogue = (await t.app.get(CatalogueService).current()).catalogue;
    for (const r of syntheticRecords({
      firms: 150,
      waves: 1,
      firstWave: WAVE,
      seed: 41,
      scorer: catalogueScorer(catalogue, SYNTHETIC_CALIBRATION),
      catalogueVersion: catalogue.version,
    })) {
      await t.dataSource.query(
        `INSERT INTO "research"."record" ("pseudonym", "wave", "catalogue_version", "nace_section", "province_group", "province", "headcount_band", "legal_form", "activities", "dimension_scores", "overall_score", "level", "answers", "key_id")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'attack-4')`,
        [
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
        ],
      );
    }
    target = await registerFirm(t.url, {}, 'Revoking Target Co., Ltd.');
    const grant = await target.http.put(`/api/orgs/${target.orgId}/consents`, {
      kind: 'research',
      granted: true,
      textVersion: 3,
    });
    expect(grant.status).toBe(200);
    const profile = { ...MANUFACTURER_PROFILE } as unknown as FirmProfile;
    const applicable = applicableQuestions(catalogue, profile);
    const answers = answerMap(
      Object.fromEntries(
        applicable.map((q) => [
          q.id,
          { optionId: ([...q.options].sort((a, b) => b.exposure - a.exposure)[0] as { id: string }).id },
        ]),
      ),
    );
    const written = await t.app.get(ResearchRecordsService).recordSubmission({
      firmId: target.orgId,
      profile,
      catalogueVersion: catalogue.version,
      result: score(catalogue, profile, answers),
      answers,
      researchAnswers: {},
      submittedAt: new Date('2024-10-15T10:00:00Z'),
    });
    expect(written).toMatchObject({ written: true, wave: WAVE });
    await t.dataSource.query(
      `INSERT INTO "research"."aggregate_state" ("wave") VALUES ($1) ON CONFLICT ("wave") DO UPDATE SET "dirty" = true`,
      [WAVE],
    );
    await t.app.get(AggregatesService).refreshDirty();
    researcher = await createResearcher(t, { teamName: 'Revocation Lab', email: 'lead@revocation-lab.test' });
  }, 240_000);
  afterAll(async () => {
    await t?.dataSource.query(`DELETE FROM "research"."record" WHERE "key_id" = 'attack-4' OR "wave" = $1`, [WAVE]);
    await t?.dataSource.query(`DELETE FROM "research"."microdata_release"`);
    await t?.dataSource.query(`DELETE FROM "research"."aggregate_cache" WHERE "wave" = $1`, [WAVE]);
    await t?.dataSource.query(`DELETE FROM "research"."aggregate_state" WHERE "wave" = $1`, [WAVE]);
    await t?.close();
  });

  const snapshot = async () => {
    const tables: Record<string, DisclosedTable> = {};
    for (const id of TABLES)
      tables[id] = (
        await researcher.http.get<DisclosedTable>(`/api/research/${researcher.orgId}/tables/${id}?wave=${WAVE}`)
      ).body;
    const micro = (
      await researcher.http.get<string>(`/api/research/${researcher.orgId}/microdata.csv?waves=${WAVE}`)
    ).body
      .trim()
      .split('\r\n');
    return { tables, header: micro[0] as string, rows: micro.slice(1).map((l) => l.split(',').slice(1).join(',')) };
  };

  it("tables before and after one revocation are the same release; the revoked firm's microdata row is gone at once", async () => {
    const before = await snapshot();
    const revoke = await target.http.put(`/api/orgs/${target.orgId}/consents`, { kind: 'research', granted: false });
    expect(revoke.status).toBe(200);
    await t.app.get(AggregatesService).refreshDirty();
    const after = await snapshot();
    // What the tables give away: every cell that changed.
    const changed: string[] = [];
    for (const id of TABLES) {
      for (const row of before.tables[id].rows) {
        const other = after.tables[id].rows.find((r) => r.key === row.key);
        const cells = [row.n, ...row.cells].map((c) => c.display).join(' ');
        const cellsAfter = other ? [other.n, ...other.cells].map((c) => c.display).join(' ') : '(gone)';
        if (cells !== cellsAfter) changed.push(`${id}/${row.key}: ${cells} -> ${cellsAfter}`);
      }
    }
    const afterRows = new Set(after.rows);
    const removed = before.rows.filter((r) => !afterRows.has(r));
    const pseudonym = createHmac('sha256', t.config.researchPseudonymKey as string)
      .update(target.orgId)
      .digest('hex');
    const stored: unknown[] = await t.dataSource.query(`SELECT 1 FROM "research"."record" WHERE "pseudonym" = $1`, [
      pseudonym,
    ]);
    console.log(
      `[attack 4] table cells that changed with the revocation: ${changed.length ? changed.slice(0, 6).join('; ') : 'none'}${changed.length > 6 ? ` (+${changed.length - 6})` : ''}`,
    );
    console.log(
      `[attack 4] microdata rows ${before.rows.length} -> ${after.rows.length}; removed row (quasi-identifiers generalised, scores rounded): ${removed[0]?.slice(0, 160) ?? 'none'}…`,
    );
    expect(changed).toEqual([]);
    expect(stored).toHaveLength(0);
    expect(after.rows.length).toBe(before.rows.length - 1);
  }, 120_000);
});
