import type { ResearchRecord } from './record';
import { researchRecord } from './testing/research-record';
import { summariseWave } from './summary';
import {
  answersByLegalFormTable,
  countCell,
  levelBySectorTable,
  meansTable,
  peerBenchmark,
  planWave,
  type Category,
} from './tables';

const record = (i: number, overrides: Partial<ResearchRecord> = {}): ResearchRecord =>
  researchRecord(i, { activities: ['manufacturing'], answers: { T1: 'a' }, ...overrides });
const levels: Category[] = ['low', 'moderate', 'high', 'critical'].map((code) => ({
  code,
  label: { en: code, de: code },
}));
const dims = [{ id: 'tax', label: { en: 'Tax', de: 'Steuern' } }];

describe('display rules', () => {
  it('shows 1 and 2 as "<3" and never charts them', () => {
    expect(countCell(2)).toEqual({ value: null, display: '<3', status: 'lt3' });
    expect(countCell(0).display).toBe('0');
    expect(countCell(7)).toEqual({ value: 7, display: '7', status: 'value' });
  });

  it('marks suppressed rows with "." and gives them no value to chart', () => {
    const rs = [
      ...Array.from({ length: 30 }, (_, i) => record(i)),
      ...Array.from({ length: 3 }, (_, i) => record(100 + i, { naceSection: 'G' })),
      ...Array.from({ length: 12 }, (_, i) => record(200 + i, { naceSection: 'M' })),
    ];
    const s = summariseWave('2026-H2', rs);
    const table = levelBySectorTable(s, planWave(s, 10), levels);
    const trade = table.rows.find((r) => r.key === 'trade');
    expect(trade?.n.display).toBe('.');
    expect(trade?.cells.every((c) => c.display === '.' && c.value === null)).toBe(true);
    // secondary: the next smallest sector goes too, so the margin does not give trade away
    expect(table.rows.find((r) => r.key === 'business_services')?.suppressed).toBe('secondary');
  });

  it('merges a category that holds all firms of a row with its neighbour, in every row', () => {
    const rs = [
      ...Array.from({ length: 12 }, (_, i) => record(i, { level: 'high' })),
      ...Array.from({ length: 12 }, (_, i) => record(50 + i, { naceSection: 'G', level: i < 6 ? 'low' : 'critical' })),
    ];
    const s = summariseWave('2026-H2', rs);
    const table = levelBySectorTable(s, planWave(s, 10), levels);
    expect(table.coarsened.length).toBeGreaterThan(0);
    const manufacturing = table.rows.find((r) => r.key === 'manufacturing');
    const n = manufacturing?.n.value ?? 0;
    const full = table.columns.filter((_, i) => manufacturing?.cells[i]?.value === n);
    expect(full.map((c) => c.codes)).toEqual([['high', 'critical']]);
    expect(full[0]?.label.en).toBe('high / critical');
  });

  it('counts answers of records of another catalogue version as ".v" and unanswered as ".n"', () => {
    const rs = [
      ...Array.from({ length: 10 }, (_, i) => record(i, { answers: i < 5 ? { T1: 'a' } : { T1: 'b' } })),
      ...Array.from({ length: 10 }, (_, i) => record(20 + i, { catalogueVersion: '2027.1', answers: {} })),
    ];
    const s = summariseWave('2026-H2', rs);
    const table = answersByLegalFormTable(s, planWave(s, 5), {
      variable: 'T1',
      catalogueVersion: '2026.1',
      label: { en: 'T1', de: 'T1' },
      categories: [
        { code: 'a', label: { en: 'a', de: 'a' } },
        { code: 'b', label: { en: 'b', de: 'b' } },
      ],
    });
    expect(table.columns.map((c) => c.key)).toEqual(['a', 'b', '.v']);
    expect(table.rows.find((r) => r.key === 'wfoe')?.cells.map((c) => c.display)).toEqual(['5', '5', '10']);
  });
});

describe('peer benchmark', () => {
  it("gives the mean per dimension of the firm's sector when the group passes k, and a reason otherwise", () => {
    const rs = [
      ...Array.from({ length: 20 }, (_, i) => record(i)),
      ...Array.from({ length: 12 }, (_, i) => record(100 + i, { naceSection: 'G', headcountBand: 'gte1000' })),
    ];
    const s = summariseWave('2026-H2', rs);
    const wave = { summary: s, plan: planWave(s, 10) };
    const result = peerBenchmark(wave, dims, { sectorGroup: 'manufacturing', headcountBand: 'lt50' }, 10);
    expect(result.sector).toMatchObject({ available: true, firms: 20 });
    const sector = result.sector.available ? result.sector : null;
    expect(sector?.dimensions[0]?.mean.value).toBeCloseTo(24.5, 1);
    expect(peerBenchmark(wave, dims, { sectorGroup: 'ict', headcountBand: null }, 10)).toMatchObject({
      sector: { available: false, reason: 'group_too_small' },
      size: { available: false, reason: 'profile_incomplete' },
    });
    expect(peerBenchmark(null, dims, { sectorGroup: 'ict' }, 10).sector).toMatchObject({
      available: false,
      reason: 'no_data',
    });
  });

  it("uses the same suppression as the researchers' means table", () => {
    const rs = [
      ...Array.from({ length: 20 }, (_, i) => record(i)),
      ...Array.from({ length: 3 }, (_, i) => record(100 + i, { naceSection: 'G' })),
      ...Array.from({ length: 11 }, (_, i) => record(200 + i, { naceSection: 'J' })),
    ];
    const s = summariseWave('2026-H2', rs);
    const wave = { summary: s, plan: planWave(s, 10) };
    const table = meansTable(s, wave.plan, dims, 'sector');
    expect(table.rows.find((r) => r.key === 'ict')?.suppressed).toBe('secondary');
    expect(peerBenchmark(wave, dims, { sectorGroup: 'ict' }, 10).sector).toMatchObject({
      available: false,
      reason: 'group_too_small',
    });
  });
});
