import type { ReportBranding } from '@scs/shared/contracts';
import { benchmarkData } from '../benchmark/benchmark-data';
import { LEVEL_EPSILON, RELEASE_NOISE, seededRandomSource } from '@scs/shared/disclosure';
import {
  memberTables as noisyMemberTables,
  TOP_FINDINGS,
  type MemberResult,
  type MemberTableOptions,
  type MemberVocabulary,
} from './member-tables';

/**
 * The deterministic release rules (suppression, bands, rounding, listing) are checked on the noise-free computation;
 * the noise itself has its own tests below and in libs/shared/disclosure (noise.spec.ts, release.property.spec.ts).
 */
const memberTables = (members: readonly MemberResult[], vocabulary: MemberVocabulary, k: number) =>
  noisyMemberTables(members, vocabulary, k, { noise: () => 0 });

const t = (en: string) => ({ en, de: `${en} (de)` });
const VOCABULARY: MemberVocabulary = {
  levels: ['low', 'moderate', 'high', 'critical'].map((code) => ({ code, label: t(code) })),
  dimensions: [
    { id: 'tax', code: 'D1', name: t('Tax'), label: t('D1 Tax') },
    { id: 'customs', code: 'D2', name: t('Customs'), label: t('D2 Customs') },
  ],
  findings: new Map([
    [
      'T1:late',
      {
        label: t('Late filings'),
        dimensionId: 'tax',
        dimensionCode: 'D1',
        dimensionName: t('Tax'),
        severity: 'high' as const,
      },
    ],
    [
      'C1:none',
      {
        label: t('No customs grade'),
        dimensionId: 'customs',
        dimensionCode: 'D2',
        dimensionName: t('Customs'),
        severity: 'critical' as const,
      },
    ],
    [
      'C2:all',
      {
        label: t('Shared by everyone'),
        dimensionId: 'customs',
        dimensionCode: 'D2',
        dimensionName: t('Customs'),
        severity: 'low' as const,
      },
    ],
  ]),
};
const BRANDING: ReportBranding = { chamberName: 'AHK Test' };

/** Member i of a fixed, seeded layout: same sector and legal form, levels and scores spread deterministically. */
function member(i: number, overrides: Partial<MemberResult> = {}): MemberResult {
  return {
    firmId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    catalogueVersion: '2026.1',
    naceSection: 'C',
    headcountBand: '50_249',
    legalForm: 'wfoe',
    level: i % 2 === 0 ? 'low' : 'moderate',
    overallScore: 20 + i,
    dimensionScores: { tax: 10 + i, customs: 30 + i },
    findings: ['C2:all', ...(i < 6 ? ['T1:late'] : []), ...(i < 3 ? ['C1:none'] : [])],
    ...overrides,
  };
}
const members = (n: number) => Array.from({ length: n }, (_, i) => member(i));

describe("member tables (disclosure control over a chamber's consenting members)", () => {
  it('suppresses every figure while fewer than k members are counted', () => {
    const result = memberTables(members(4), VOCABULARY, 5);
    expect(result).toMatchObject({ firms: null, published: false });
    for (const table of result.tables) {
      const total = table.rows.find((r) => r.total);
      expect(total?.n.display).toBe('.');
      expect(total?.cells.every((c) => c.value === null && c.display === '.')).toBe(true);
    }
    expect(result.tables.find((x) => x.id === 'frequent-findings')?.rows.filter((r) => !r.total)).toEqual([]);
  });

  it('publishes the totals from k members on and lists findings of at least k members that not all of them share (release rule: counts rounded to multiples of k, scores by band midpoint)', () => {
    const result = memberTables(members(8), VOCABULARY, 5);
    expect(result).toMatchObject({ firms: 8, published: true });
    const findings = result.tables.find((x) => x.id === 'frequent-findings');
    expect(findings?.rows.map((r) => [r.key, r.n.value, r.cells[0]?.display])).toEqual([['T1:late', 5, '62.5 %']]); // 6 of 8, rounded to 5
    const means = result.tables.find((x) => x.id === 'means-by-size');
    expect(means?.columns.map((c) => c.key)).toEqual(['overall', 'tax', 'customs']);
    expect(means?.rows.find((r) => r.total)?.cells.map((c) => c.value)).toEqual([21.9, 12.5, 37.5]); // overall 20–27: five in band 0–25 (12.5), three in 25–50 (37.5)
  });

  it('counts a member scored with model 1 as a member and with its findings, but not in the means or levels', () => {
    // Members 0–7 scored with model 2 (overall 20–27); member 8's stored result is model 1 (overall 95, critical).
    const list = [
      ...members(8),
      member(8, { scoringModel: 1, overallScore: 95, level: 'critical', findings: ['C2:all', 'T1:late'] }),
    ];
    const result = memberTables(list, VOCABULARY, 5);
    expect(result.firms).toBe(9);
    const means = result.tables.find((x) => x.id === 'means-by-size');
    // The same means as the eight model-2 members alone (a band midpoint of 87.5 would have moved them).
    expect(means?.rows.find((r) => r.total)?.cells.map((c) => c.value)).toEqual([21.9, 12.5, 37.5]);
    // A release publishes means only: no spread (n, SD, CI) in any table.
    expect(JSON.stringify(result.tables)).not.toContain('spread');
    const levels = result.tables.find((x) => x.id === 'level-by-sector');
    const critical = levels?.columns.findIndex((c) => c.key === 'critical') ?? -1;
    expect(levels?.rows.find((r) => r.total)?.cells[critical]?.value).toBe(0);
    expect(levels?.columns.map((c) => c.key)).not.toContain('earlier_model');
    // Findings do not depend on the model: the member's late filings count (7 of 9, rounded to 5).
    const findings = result.tables.find((x) => x.id === 'frequent-findings');
    expect(findings?.rows.map((r) => [r.key, r.n.value])).toEqual([['T1:late', 5]]);
  });

  it('suppresses a size band with fewer than k members and never charts it', () => {
    const list = [...members(8), member(8, { headcountBand: 'gte1000' }), member(9, { headcountBand: 'gte1000' })];
    const means = memberTables(list, VOCABULARY, 5).tables.find((x) => x.id === 'means-by-size');
    const small = means?.rows.find((r) => r.key === 'gte1000');
    expect(small?.n.display).toBe('.');
    expect(small?.cells.every((c) => c.value === null)).toBe(true);
    for (const row of means?.rows ?? []) {
      if (row.n.status === 'value' && (row.n.value as number) > 0)
        expect(row.n.value as number).toBeGreaterThanOrEqual(5);
    }
  });

  it(`lists at most ${TOP_FINDINGS} findings, most frequent first, then most severe`, () => {
    const findings = new Map(VOCABULARY.findings);
    for (let q = 0; q < 14; q++)
      findings.set(`Q${q}:x`, {
        label: t(`F${q}`),
        dimensionId: 'tax',
        dimensionCode: 'D1',
        dimensionName: t('Tax'),
        severity: q % 2 ? 'low' : 'critical',
      });
    const list = Array.from({ length: 20 }, (_, i) =>
      member(i, { findings: Array.from({ length: 14 }, (_, q) => `Q${q}:x`).filter((_, q) => i < 6 + q) }),
    );
    const rows =
      memberTables(list, { ...VOCABULARY, findings }, 5).tables.find((x) => x.id === 'frequent-findings')?.rows ?? [];
    expect(rows).toHaveLength(TOP_FINDINGS);
    expect(rows.map((r) => r.n.value)).toEqual([...rows.map((r) => r.n.value as number)].sort((a, b) => b - a));
    expect(rows[0]?.key).toBe('Q13:x');
  });
});

describe('member tables: noise drawn once per release', () => {
  const seeded = (seed: number): MemberTableOptions => ({ random: seededRandomSource(seed) });
  const total = (tables: ReturnType<typeof noisyMemberTables>, id: string) =>
    tables.tables.find((x) => x.id === id)?.rows.find((r) => r.total);

  it('adds discrete Laplace noise to level counts, score sums and finding counts; rows are sums of noisy cells', () => {
    const exact = memberTables(members(40), VOCABULARY, 5);
    const runs = Array.from({ length: 20 }, (_, i) => noisyMemberTables(members(40), VOCABULARY, 5, seeded(i)));
    // Member counts per row are not noised (profile only); some level count and some mean differ from the exact ones.
    for (const r of runs) expect(total(r, 'level-by-sector')?.n.value).toBe(40);
    const levelCells = (x: typeof exact) => JSON.stringify(total(x, 'level-by-sector')?.cells);
    const means = (x: typeof exact) => total(x, 'means-by-size')?.cells.map((c) => c.value);
    expect(runs.some((r) => levelCells(r) !== levelCells(exact))).toBe(true);
    expect(runs.some((r) => JSON.stringify(means(r)) !== JSON.stringify(means(exact)))).toBe(true);
    // Means stay within the band midpoints' range; the total of both means tables is the same noisy figure.
    for (const r of runs) {
      for (const v of means(r) ?? []) if (v !== null) expect(v).toBeGreaterThanOrEqual(12.5);
      for (const v of means(r) ?? []) if (v !== null) expect(v).toBeLessThanOrEqual(87.5);
      expect(total(r, 'means-by-sector')?.cells).toEqual(total(r, 'means-by-size')?.cells);
    }
    // The same randomness gives the same release (it is a function of the draws only).
    expect(noisyMemberTables(members(40), VOCABULARY, 5, seeded(3))).toEqual(runs[3]);
    // The tables say so.
    expect(total(runs[0], 'means-by-size')).toBeDefined();
    expect(runs[0]?.tables.every((x) => x.notes.some((n) => n.en.includes('discrete Laplace')))).toBe(true);
    expect(LEVEL_EPSILON).toBe(2 / RELEASE_NOISE.levelScale + 3 / RELEASE_NOISE.meanScale);
  });

  it('draws for every finding of the vocabulary, not only those members have: the list cannot hint at absent ones', () => {
    let draws = 0;
    noisyMemberTables(members(8), VOCABULARY, 5, {
      noise: (scale) => {
        if (scale === RELEASE_NOISE.findingScale) draws++;
        return 0;
      },
    });
    expect(draws).toBe(VOCABULARY.findings.size);
  });
});

describe('benchmark data (what the member benchmark PDF may print)', () => {
  const participation = {
    invited: 30,
    joined: 12,
    submitted: null,
    campaigns: [{ title: 'Herbst', invited: 30, joined: 12, submitted: null }],
  };

  it('takes only published cells: level counts rounded to multiples of k (one or two members show 0)', () => {
    const list = [...members(8), member(8, { level: 'critical' })];
    const data = benchmarkData(
      {
        tables: memberTables(list, VOCABULARY, 5),
        vocabulary: VOCABULARY,
        participation,
        branding: BRANDING,
        locale: 'de',
        k: 5,
      },
      new Date('2026-11-26T12:00:00Z'),
    );
    expect(data.firms).toBe(9);
    expect(data.levels.map((l) => [l.level, l.firms])).toEqual([
      ['low', 5],
      ['moderate', 5],
      ['high', 0],
      ['critical', 0],
    ]);
    // The release rounds every level count (a single critical member shows 0, not "<3"): no total cell is withheld.
    expect(data.suppressedCells).toBe(0);
    expect(data.dimensions.map((d) => d.name)).toEqual(['Tax (de)', 'Customs (de)']);
    expect(data.findings.map((f) => [f.title, f.firms])).toEqual([['Late filings (de)', 5]]);
    expect(data.generatedAt).toBe('2026-11-26T12:00:00.000Z');
  });

  it('prints a merged level column as published (all members in one level would otherwise be stated)', () => {
    const list = Array.from({ length: 8 }, (_, i) => member(i, { level: 'critical' }));
    const data = benchmarkData({
      tables: memberTables(list, VOCABULARY, 5),
      vocabulary: VOCABULARY,
      participation,
      branding: BRANDING,
      locale: 'en',
      k: 5,
    });
    // Every level is printed (glossary names), none vanishes; shares are of the released counts and add up to 1.
    expect(data.levels.map((l) => [l.label, l.level, l.firms])).toEqual([
      ['Low', 'low', 0],
      ['Moderate', 'moderate', 0],
      ['High / Critical', 'critical', 10],
    ]);
    expect(data.levelsTotal).toBe(10);
    expect(data.levels.reduce((sum, l) => sum + (l.share ?? 0), 0)).toBeCloseTo(1);
  });

  it('prints no result figure at all below k members', () => {
    const data = benchmarkData({
      tables: memberTables(members(3), VOCABULARY, 5),
      vocabulary: VOCABULARY,
      participation,
      branding: BRANDING,
      locale: 'en',
      k: 5,
    });
    expect(data).toMatchObject({ firms: null, overallMean: null, levels: [], dimensions: [], findings: [] });
  });
});
