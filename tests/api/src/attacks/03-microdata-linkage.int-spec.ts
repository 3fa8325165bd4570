import { CatalogueService } from '@scs/api/catalogue';
import { AggregatesService } from '@scs/api/research';
import {
  QUASI_IDENTIFIERS,
  SYNTHETIC_CALIBRATION,
  catalogueScorer,
  isKAnonymous,
  syntheticRecords,
  type QiLevels,
  type QiRecord,
  type QuasiIdentifier,
} from '@scs/shared/disclosure';
import { createResearcher, startTestApp, type TestApp, type TestUser } from '../support/app';

const K = 10;
const WAVES = ['2025-H1', '2025-H2', '2026-H1'];
const QI = (c: string) => ['sector', 'province', 'size', 'legal_form'].includes(c) || c.startsWith('act_');

// Attack 3 (issue 15): the generalisation was chosen per requested wave set, and every row's score-and-answer vector
// was unique, so rows of different downloads could be linked and their quasi-identifiers combined below k.
describe('attack 3: linking microdata downloads of every combination of wave sets', () => {
  let t: TestApp;
  let researcher: TestUser;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', RESEARCH_K: String(K) });
    const catalogue = (await t.app.get(CatalogueService).current()).catalogue;
    // Waves of very different size (as in the attack): each wave set alone allows a different least generalisation.
    const records = [900, 60, 300].flatMap((firms, i) => [
      ...syntheticRecords({
        firms,
        waves: 1,
        firstWave: WAVES[i],
        seed: 3 + i,
        scorer: catalogueScorer(catalogue, SYNTHETIC_CALIBRATION),
        catalogueVersion: catalogue.version,
      }),
    ]);
    for (const r of records) {
      await t.dataSource.query(
        `INSERT INTO "research"."record" ("pseudonym", "wave", "catalogue_version", "nace_section", "province_group", "province", "headcount_band", "legal_form", "activities", "dimension_scores", "overall_score", "level", "answers", "key_id")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'attack-3')`,
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
    await t.dataSource.query(
      `INSERT INTO "research"."aggregate_state" ("wave") SELECT unnest($1::text[]) ON CONFLICT ("wave") DO UPDATE SET "dirty" = true`,
      [WAVES],
    );
    await t.app.get(AggregatesService).refreshDirty();
    researcher = await createResearcher(t, { teamName: 'Linkage Lab', email: 'lead@linkage-lab.test' });
    orgId = researcher.orgId;
  }, 240_000);
  afterAll(async () => {
    // The run's database is shared with the other spec files: leave the research schema as it was found.
    await t?.dataSource.query(`DELETE FROM "research"."record" WHERE "key_id" = 'attack-3'`);
    await t?.dataSource.query(`DELETE FROM "research"."microdata_release"`);
    await t?.dataSource
      .query(`DELETE FROM "research"."aggregate_cache" WHERE "wave" = ANY($1)`, [WAVES])
      .catch(() => undefined);
    await t?.dataSource.query(
      `DELETE FROM "research"."aggregate_state" WHERE "wave" = ANY($1) AND NOT EXISTS (SELECT 1 FROM "research"."record" r WHERE r."wave" = "aggregate_state"."wave")`,
      [WAVES],
    );
    await t?.dataSource.query(`UPDATE "research"."aggregate_state" SET "dirty" = true WHERE "wave" = ANY($1)`, [WAVES]);
    await t?.close();
  });

  it('the union of all downloads stays k-anonymous', async () => {
    const subsets = Array.from({ length: 2 ** WAVES.length - 1 }, (_, m) => WAVES.filter((_, i) => (m + 1) & (1 << i)));
    // Row identity across files: wave + every non-quasi-identifier column except the per-file firm id.
    const linked = new Map<string, string[]>();
    const generalisations = new Set<string>();
    let unique = 0;
    let rows = 0;
    let suppressed = 0;
    /** Rows per identity in the file of all waves (identical rows cannot be told apart: they count with their number). */
    let multiplicity = new Map<string, number>();
    for (const waves of subsets) {
      const res = await researcher.http.get<string>(`/api/research/${orgId}/microdata.csv?waves=${waves.join(',')}`);
      expect(res.status).toBe(200);
      generalisations.add(res.headers.get('x-generalisation') ?? '');
      const [header, ...lines] = res.body.trim().split('\r\n');
      const cols = (header as string).split(',');
      const seen = new Map<string, number>();
      for (const line of lines) {
        const v = line.split(',');
        const key = cols.map((c, i) => (c === 'firm' || QI(c) ? '' : v[i])).join('|');
        seen.set(key, (seen.get(key) ?? 0) + 1);
        const qi = cols
          .map((c, i) => (QI(c) ? `${c}=${v[i]}` : ''))
          .filter(Boolean)
          .join(';');
        linked.set(key, [...(linked.get(key) ?? []), `${waves.join('+')}:${qi}`]);
      }
      if (waves.length === WAVES.length) {
        rows = lines.length;
        multiplicity = seen;
        suppressed = lines.filter((line) =>
          line.split(',').some((cell, i) => QI(cols[i] as string) && cell === '.s'),
        ).length;
        unique = [...seen.values()].filter((n) => n === 1).length;
      }
    }
    // The attacker's class of a row: its wave and everything the files said about its quasi-identifiers.
    const classes = new Map<string, number>();
    for (const [key, seenAs] of linked) {
      const cls = `${key.split('|')[1]}#${[...new Set(seenAs.map((s) => s.split(':').slice(1).join(':')))].sort().join('/')}`;
      classes.set(cls, (classes.get(cls) ?? 0) + (multiplicity.get(key) ?? 1));
    }
    const small = [...classes.values()].filter((n) => n < K).length;
    const singletons = [...classes.values()].filter((n) => n === 1).length;
    console.log(
      `[attack 3] ${subsets.length} downloads, ${generalisations.size} distinct generalisations; ${unique} of ${rows} rows have a unique score-and-answer vector; linked classes: ${classes.size}, below k: ${small}, singletons: ${singletons}; rows with suppressed quasi-identifiers: ${suppressed}`,
    );
    expect(generalisations.size).toBe(1);
    expect(small).toBe(0);
  }, 240_000);

  it('every wave set with every variable choice the researcher may make: even perfectly linked, the union stays k-anonymous, and rare answers are top-coded', async () => {
    const subsets = Array.from({ length: 2 ** WAVES.length - 1 }, (_, m) => WAVES.filter((_, i) => (m + 1) & (1 << i)));
    const first = await researcher.http.get<string>(`/api/research/${orgId}/microdata.csv`);
    const released = JSON.parse(first.headers.get('x-generalisation') ?? '{}') as QiLevels;
    // Every choice within the release: per quasi-identifier the released level or any coarser one.
    const names = ['exact', 'grouped', 'dropped'] as const;
    let choices: Partial<Record<QuasiIdentifier, number>>[] = [{}];
    for (const q of QUASI_IDENTIFIERS)
      choices = choices.flatMap((c) =>
        Array.from({ length: 3 - released[q] }, (_, i) => ({ ...c, [q]: released[q] + i })),
      );
    const variants = [
      ...choices.map((c) => ({ qi: c, omit: '' })),
      { qi: {}, omit: 'module' },
      { qi: {}, omit: 'answers,module' },
    ];
    const seenLevels: QiLevels[] = [];
    let downloads = 0;
    let worstTopCoding = Infinity;
    for (const waves of subsets)
      for (const v of variants) {
        const qi = Object.entries(v.qi)
          .map(([q, l]) => `${q}:${names[l as number]}`)
          .join(',');
        const params = [`waves=${waves.join(',')}`, qi && `qi=${qi}`, v.omit && `omit=${v.omit}`].filter(Boolean);
        const res = await researcher.http.get<string>(`/api/research/${orgId}/microdata.csv?${params.join('&')}`);
        expect(res.status).toBe(200);
        downloads++;
        const levels = JSON.parse(res.headers.get('x-generalisation') ?? '{}') as QiLevels;
        seenLevels.push(levels);
        // Rare answers: no answer code (other than missing codes) held by fewer than k firms of a wave.
        const [header, ...lines] = res.body.trim().split('\r\n');
        const cols = (header as string).split(',');
        const waveCol = cols.indexOf('wave');
        const counts = new Map<string, number>();
        for (const line of lines) {
          const cells = line.split(',');
          cols.forEach((c, i) => {
            const code = cells[i] ?? '';
            if (c.startsWith('q_') && !code.startsWith('.')) {
              const key = `${cells[waveCol]}|${c}|${code}`;
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
          });
        }
        if (counts.size) worstTopCoding = Math.min(worstTopCoding, ...counts.values());
      }
    // The strongest attacker links every row of every file to its firm: it knows the finest level of each
    // quasi-identifier any file showed. Check k-anonymity of the records under that combined coding, per wave: all
    // records of these waves, because the files carry every consenting firm's row (other suites of a run add firms to
    // the shared test database, and a subset of a k-anonymous file need not be k-anonymous on its own).
    const finest = Object.fromEntries(
      QUASI_IDENTIFIERS.map((q) => [q, Math.min(...seenLevels.map((l) => l[q]))]),
    ) as QiLevels;
    const records: QiRecord[] = await t.dataSource.query(
      `SELECT "wave", "nace_section" AS "naceSection", "province", "province_group" AS "provinceGroup", "headcount_band" AS "headcountBand", "legal_form" AS "legalForm", "activities"
         FROM "research"."record" WHERE "wave" = ANY($1)`,
      [WAVES],
    );
    const anonymous = isKAnonymous(records, finest, K);
    // Asking for finer than the release is refused.
    const finer = QUASI_IDENTIFIERS.find((q) => released[q] > 0);
    const refused = finer
      ? await researcher.http.get<{ message: string }>(`/api/research/${orgId}/microdata.csv?qi=${finer}:exact`)
      : null;
    const codebook = await researcher.http.get<{ notes: { en: string }[] }>(`/api/research/${orgId}/codebook`);
    console.log(
      `[attack 3b] ${downloads} downloads (${subsets.length} wave sets × ${variants.length} variable choices); release ${JSON.stringify(released)}, finest level any file showed ${JSON.stringify(finest)}; union k-anonymous under perfect linkage: ${anonymous}; smallest count of a shown answer code per wave: ${worstTopCoding}; finer than the release (${finer ?? 'none'}:exact) -> ${refused?.status ?? '-'} ${refused?.body.message ?? ''}`,
    );
    expect(finest).toEqual(released);
    expect(anonymous).toBe(true);
    expect(worstTopCoding).toBeGreaterThanOrEqual(K);
    if (refused) expect(refused.status).toBe(400);
    expect(codebook.body.notes.some((n) => n.en.includes('top-coded'))).toBe(true);
    expect(codebook.body.notes.some((n) => n.en.startsWith('Local suppression'))).toBe(true);
    expect((await researcher.http.get(`/api/research/${orgId}/microdata.csv?qi=nonsense:grouped`)).status).toBe(400);
  }, 600_000);
});
