import { CURRENT_SCORING_MODEL } from '@scs/shared/scoring';
import type { ResearchRecord } from './record';
import { researchRecord } from './testing/research-record';
import { noisyReleaseSummary } from './release';
import { EARLIER_MODEL, summarisePanel, summariseWave } from './summary';
import { levelBySectorTable, meansTable, planWave, waveChangeTable } from './tables';

// Aggregates and scoring models (docs/methodology.md): scores and levels of a result enter means and level counts only
// when it was scored with the current model; a firm with an earlier model's result still counts as a firm.

const record = (i: number, overrides: Partial<ResearchRecord> = {}): ResearchRecord =>
  researchRecord(i, {
    dimensionScores: { tax: 40 },
    overallScore: 40,
    scoringModel: CURRENT_SCORING_MODEL,
    ...overrides,
  });
const dims = [{ id: 'tax', label: { en: 'Tax', de: 'Steuern' } }];
const levels = ['low', 'moderate', 'high', 'critical'].map((code) => ({ code, label: { en: code, de: code } }));

describe('aggregates count scores of the current scoring model only', () => {
  // 11 firms scored with model 2 (40 points) and one whose result was scored with model 1 (90 points, high).
  const rs = [
    ...Array.from({ length: 11 }, (_, i) => record(i)),
    record(99, { scoringModel: 1, overallScore: 90, dimensionScores: { tax: 90 }, level: 'high' }),
  ];
  const s = summariseWave('2026-H2', rs);
  const plan = planWave(s, 10);

  it('leaves the model-1 result out of the means (n = 11 firms with a model-2 score), not out of the firms', () => {
    const table = meansTable(s, plan, dims, 'sector');
    const total = table.rows.find((r) => r.total);
    expect(total?.n.value).toBe(12);
    expect(total?.cells.map((c) => c.value)).toEqual([40, 40]);
    expect(total?.cells.map((c) => c.spread?.n)).toEqual([11, 11]);
  });

  it('counts its level as "earlier scoring model", never with the levels of model 2', () => {
    const table = levelBySectorTable(s, plan, levels);
    const col = (key: string) => table.columns.findIndex((c) => c.codes?.includes(key) ?? c.key === key);
    const total = table.rows.find((r) => r.total);
    expect(col(EARLIER_MODEL)).toBeGreaterThanOrEqual(0);
    expect(total?.cells[col('high')]?.display).toBe('0');
    expect(total?.cells[col(EARLIER_MODEL)]?.display).toBe('<3');
    // Records without a model (synthetic data) are the current model: no such column.
    const synthetic = summariseWave(
      '2026-H2',
      rs.slice(0, 11).map(({ scoringModel: _, ...r }) => r),
    );
    expect(levelBySectorTable(synthetic, planWave(synthetic, 10), levels).columns.map((c) => c.key)).not.toContain(
      EARLIER_MODEL,
    );
  });

  it('leaves the earlier model out of a chamber release without a draw for it', () => {
    const draws: number[] = [];
    const noisy = noisyReleaseSummary(s, ['low', 'moderate', 'high', 'critical'], (scale) => (draws.push(scale), 0));
    expect(Object.keys(noisy.levels['manufacturing'] ?? {})).not.toContain(EARLIER_MODEL);
    const exactOnly = summariseWave('2026-H2', rs.slice(0, 11));
    const draws2: number[] = [];
    noisyReleaseSummary(exactOnly, ['low', 'moderate', 'high', 'critical'], (scale) => (draws2.push(scale), 0));
    expect(draws).toEqual(draws2);
  });

  it('compares a panel firm only when both waves were scored with the current model', () => {
    const from = rs.map((r) => ({ ...r, wave: '2026-H1', dimensionScores: { tax: 30 }, overallScore: 30 }));
    const all = [...from, ...rs];
    const ctx = (w: string) => {
      const summary = summariseWave(w, all);
      return { summary, plan: planWave(summary, 10) };
    };
    const panel = summarisePanel('2026-H1', '2026-H2', all);
    expect(panel.stats['*']?.n).toBe(12);
    expect(panel.stats['tax']?.n).toBe(11);
    const table = waveChangeTable(panel, ctx('2026-H1'), ctx('2026-H2'), dims);
    expect(
      table.rows
        .find((r) => r.key === 'tax')
        ?.cells.slice(0, 3)
        .map((c) => c.value),
    ).toEqual([30, 40, 10]);
  });
});
