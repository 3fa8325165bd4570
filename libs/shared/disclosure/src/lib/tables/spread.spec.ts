import type { ResearchRecord } from '../record';
import { researchRecord } from '../testing/research-record';
import { noisyReleaseSummary } from '../release';
import { summarisePanel, summariseWave } from '../summary';
import { tableCsv, tableCsvColumns } from '../csv';
import { tableCodebook } from '../codebook/table';
import { codebookR, codebookStata } from '../codebook';
import { meansTable } from './means-table';
import { peerBenchmark } from './peer-benchmark';
import { meanSpread, tQuantile975 } from './spread';
import { waveChangeTable } from './wave-change.table';
import { planWave } from './wave-plan';

const record = (i: number, overrides: Partial<ResearchRecord> = {}): ResearchRecord =>
  researchRecord(i, { overallScore: 30 + (i % 3), ...overrides });
const dims = [{ id: 'tax', label: { en: 'Tax', de: 'Steuern' } }];

describe('spread of a mean', () => {
  it("uses Student's t quantiles (table to 30 degrees of freedom, expansion above)", () => {
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(() => tQuantile975(0)).toThrow();
  });

  it('gives the sample SD and the t interval of the mean, clipped to the scale', () => {
    // 10, 20, 30, 40, 50: mean 30, SD sqrt(250) = 15.81, half width 2.776 · 15.81 / sqrt(5) = 19.63
    const xs = [10, 20, 30, 40, 50];
    const s = meanSpread(
      5,
      150,
      xs.reduce((a, x) => a + x * x, 0),
    );
    expect(s).toEqual({ n: 5, sd: 15.8, ciLow: 10.4, ciHigh: 49.6 });
    const low = meanSpread(5, 10, 0 + 0 + 0 + 0 + 100);
    expect(low.ciLow).toBe(0);
    expect(meanSpread(5, -10, 100 + 0, [-100, 100]).ciLow).toBeLessThan(0);
  });

  it('withholds an SD of 0 (every firm at the mean) and has none without a sum of squares or below 2 firms', () => {
    expect(meanSpread(10, 300, 10 * 900)).toEqual({ n: 10, sd: null, ciLow: null, ciHigh: null });
    expect(meanSpread(10, 300, undefined).sd).toBeNull();
    expect(meanSpread(1, 30, 900).sd).toBeNull();
  });
});

describe('means tables with spreads', () => {
  const rs = [
    ...Array.from({ length: 20 }, (_, i) => record(i)),
    ...Array.from({ length: 3 }, (_, i) => record(100 + i, { naceSection: 'G' })),
    ...Array.from({ length: 11 }, (_, i) => record(200 + i, { naceSection: 'J', dimensionScores: { tax: null } })),
    ...Array.from({ length: 12 }, (_, i) => record(300 + i, { naceSection: 'K' })),
  ];
  const s = summariseWave('2026-H2', rs);
  const plan = planWave(s, 10);
  const table = meansTable(s, plan, dims, 'sector');

  it('gives every published mean its n, SD and CI, and no suppressed or empty cell any of them', () => {
    const manufacturing = table.rows.find((r) => r.key === 'manufacturing');
    const [overall, tax] = manufacturing?.cells ?? [];
    expect(overall?.spread?.n).toBe(20);
    expect(tax?.spread).toMatchObject({ n: 20, sd: 2.9 });
    expect((tax?.spread?.ciLow ?? 0) < (tax?.value ?? 0) && (tax?.value ?? 0) < (tax?.spread?.ciHigh ?? 0)).toBe(true);
    for (const row of table.rows)
      for (const c of row.cells) {
        if (c.status !== 'value') expect(c.spread).toBeUndefined();
        else expect(c.spread).toBeDefined();
      }
    // finance's tax mean is withheld in the tax universe (it protects trade's): no spread either
    expect(table.rows.find((r) => r.key === 'finance_real_estate')?.cells[1]).toMatchObject({ status: 'suppressed' });
    expect(table.rows.find((r) => r.key === 'finance_real_estate')?.cells[1]?.spread).toBeUndefined();
    expect(table.notes.some((n) => n.en.includes('95 % CI'))).toBe(true);
  });

  it('writes n, SD and the CI bounds after the figures of the CSV, empty where no spread is published', () => {
    const csv = tableCsv(table, 'en').split('\r\n');
    expect(csv[0]).toBe(
      'row,label,n,Overall,Tax,Overall n,Overall SD,Overall 95% CI lower bound,Overall 95% CI upper bound,Tax n,Tax SD,Tax 95% CI lower bound,Tax 95% CI upper bound',
    );
    const trade = csv.find((l) => l.startsWith('trade,'));
    expect(trade?.split(',').slice(3)).toEqual(['.', '.', '', '', '', '', '', '', '', '']);
    const names = tableCsvColumns(table).map((c) => c.name);
    expect(names).toContain('c_tax_ci_high');
    const cb = tableCodebook(table, 'means-by-sector_2026-H2.csv');
    expect(cb.variables.map((v) => v.name)).toEqual(names);
    expect(cb.variables.find((v) => v.name === 'c_tax_sd')).toMatchObject({
      type: 'numeric',
      label: { de: 'Steuern SD' },
    });
    expect(codebookStata(cb)).toContain('quietly destring c_tax_sd, replace');
    expect(codebookR(cb, 'de')).toContain('scs_table[["c_tax_n"]] <- scs_numeric(scs_table[["c_tax_n"]])');
  });

  it('keeps spreads out of the peer benchmark and out of noisy chamber releases', () => {
    const wave = { summary: s, plan };
    const peer = peerBenchmark(wave, dims, { sectorGroup: 'manufacturing' }, 10);
    expect(peer.sector.available).toBe(true);
    expect(peer.sector.available && peer.sector.overall.spread).toBeFalsy();
    expect(peer.sector.available && peer.sector.dimensions[0]?.mean.spread).toBeFalsy();
    const noisy = noisyReleaseSummary(s, ['moderate'], () => 0);
    const released = meansTable(noisy, plan, dims, 'sector');
    expect(released.rows.some((r) => r.cells.some((c) => c.spread))).toBe(false);
  });

  it('gives the panel means and the change their spread', () => {
    const a = Array.from({ length: 30 }, (_, i) => record(i, { wave: '2026-H1' }));
    const b = Array.from({ length: 30 }, (_, i) =>
      record(i, { dimensionScores: { tax: 10 + (i % 7) }, overallScore: 25 + (i % 4) }),
    );
    const ctx = (w: string) => {
      const summary = summariseWave(w, [...a, ...b]);
      return { summary, plan: planWave(summary, 10) };
    };
    const t = waveChangeTable(summarisePanel('2026-H1', '2026-H2', [...a, ...b]), ctx('2026-H1'), ctx('2026-H2'), dims);
    const tax = t.rows.find((r) => r.key === 'tax');
    expect(tax?.cells.slice(0, 3).map((c) => c.spread?.n)).toEqual([30, 30, 30]);
    expect(tax?.cells[2]?.value).toBeLessThan(0);
    expect(tax?.cells[2]?.spread?.ciHigh).toBeLessThan(0);
  });
});
