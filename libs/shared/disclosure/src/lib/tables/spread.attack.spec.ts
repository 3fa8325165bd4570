import { tableCodebook } from '../codebook/table';
import { tableCsv } from '../csv';
import { OVERALL, sectorGroupOf, type ResearchRecord } from '../record';
import { summariseWave, type WaveSummary } from '../summary';
import { simpleScorer, syntheticRecords } from '../synthetic';
import { meansTable } from './means-table';
import { waveTableInstances } from './registry';
import type { TableVocabulary } from './table';
import { planWave } from './wave-plan';

// Attack (issue 16): can the spread columns (per-cell n, SD, 95 % CI) of the means tables recover a suppressed cell?
// 1. Indistinguishability: two waves that differ only inside the suppressed sector groups (two firms of the same size
//    band, in two suppressed groups, swap their results, so those groups' n, mean and SD per dimension change) must
//    publish byte-identical tables, CSVs and table codebooks. Then nothing published, however combined, tells the
//    two apart: no suppressed cell's n, mean or SD can be recovered.
// 2. Differencing: total minus the published rows gives the attacker the suppressed groups together, never fewer
//    than k firms, never a single group.
// Fixed seed, bounded size: 60 waves of 60–160 synthetic firms.

const K = 10;
const DIMS = ['tax', 'customs', 'market', 'environment', 'labour', 'data'];
const vocabulary: TableVocabulary = {
  levels: ['low', 'moderate', 'high', 'critical'].map((code) => ({ code, label: { en: code, de: code } })),
  dimensions: DIMS.map((id) => ({ id, label: { en: id, de: id } })),
  variables: [],
};

function published(s: WaveSummary): string {
  const ctx = { summary: s, plan: planWave(s, K) };
  return waveTableInstances(ctx, vocabulary)
    .map(({ tableId, table }) =>
      [
        tableId,
        JSON.stringify(table),
        tableCsv(table, 'en'),
        tableCsv(table, 'de'),
        JSON.stringify(tableCodebook(table, 'x.csv')),
      ].join('\n'),
    )
    .join('\n');
}

/** The true [n, Σ, Σ²] of one sector group in one dimension. */
function truth(records: readonly ResearchRecord[], group: string, dim: string): [number, number, number] {
  const xs = records
    .filter((r) => sectorGroupOf(r.naceSection) === group)
    .map((r) => (dim === OVERALL ? r.overallScore : r.dimensionScores[dim]))
    .filter((x): x is number => typeof x === 'number');
  return [xs.length, xs.reduce((a, x) => a + x, 0), xs.reduce((a, x) => a + x * x, 0)];
}

const swapResults = (records: readonly ResearchRecord[], a: number, b: number): ResearchRecord[] =>
  records.map((r, i) => {
    const other = i === a ? records[b] : i === b ? records[a] : undefined;
    return other
      ? { ...r, dimensionScores: other.dimensionScores, overallScore: other.overallScore, level: other.level }
      : r;
  });

describe('attack: spreads of means against suppressed cells', () => {
  const trials = Array.from({ length: 60 }, (_, t) => {
    const firms = 60 + ((t * 37) % 101);
    return [...syntheticRecords({ firms, waves: 1, seed: 1600 + t, scorer: simpleScorer(DIMS) })];
  });

  it('publishes the same tables when firms swap results inside the suppressed groups (n, mean and SD hidden)', () => {
    let attacked = 0;
    let nDiffers = 0;
    for (const records of trials) {
      const s = summariseWave(records[0]?.wave ?? '', records);
      const plan = planWave(s, K);
      const hidden = new Set(Object.keys(plan.base.partitions['sector']?.suppressed ?? {}));
      if (!plan.base.totalPublished || hidden.size < 2) continue;
      // Two firms of the same size band in two different suppressed sector groups, with different results.
      let pair: [number, number] | null = null;
      for (let i = 0; i < records.length && !pair; i++)
        for (let j = i + 1; j < records.length && !pair; j++) {
          const [a, b] = [records[i] as ResearchRecord, records[j] as ResearchRecord];
          const [ga, gb] = [sectorGroupOf(a.naceSection), sectorGroupOf(b.naceSection)];
          if (ga === gb || !hidden.has(ga) || !hidden.has(gb) || a.headcountBand !== b.headcountBand) continue;
          if (a.overallScore === b.overallScore) continue;
          const swapped = swapResults(records, i, j);
          // Keep every suppressed group populated in every dimension (whether a hidden group has no firm at all in
          // a dimension is a different question; this attack is about the spread of its firms).
          const populated = DIMS.every(
            (d) =>
              truth(swapped, ga, d)[0] > 0 === truth(records, ga, d)[0] > 0 &&
              truth(swapped, gb, d)[0] > 0 === truth(records, gb, d)[0] > 0,
          );
          if (populated) pair = [i, j];
        }
      if (!pair) continue;
      const group = sectorGroupOf((records[pair[0]] as ResearchRecord).naceSection);
      const swapped = swapResults(records, ...pair);
      // The suppressed cells really differ between the two waves ...
      expect(truth(swapped, group, OVERALL)).not.toEqual(truth(records, group, OVERALL));
      if (DIMS.some((d) => truth(swapped, group, d)[0] !== truth(records, group, d)[0])) nDiffers++;
      // ... and every published output is the same.
      expect(published(summariseWave(s.wave, swapped))).toBe(published(s));
      attacked++;
    }
    expect(attacked).toBeGreaterThanOrEqual(15);
    expect(nDiffers).toBeGreaterThan(0);
  });

  it('gives a differencing attacker only the suppressed groups together: at least k firms, never one group', () => {
    let differenced = 0;
    for (const records of trials) {
      const s = summariseWave(records[0]?.wave ?? '', records);
      const plan = planWave(s, K);
      const table = meansTable(s, plan, vocabulary.dimensions, 'sector');
      const total = table.rows.find((r) => r.total);
      if (!total) continue;
      table.columns.forEach((col, c) => {
        const all = total.cells[c]?.spread;
        if (!all) return;
        const open = table.rows.filter((r) => !r.total && r.cells[c]?.spread);
        const closed = table.rows.filter((r) => !r.total && !r.cells[c]?.spread);
        const derivedN = all.n - open.reduce((a, r) => a + (r.cells[c]?.spread?.n ?? 0), 0);
        const trueClosed = closed.map((r) => truth(records, r.key, col.key)[0]);
        expect(derivedN).toBe(trueClosed.reduce((a, n) => a + n, 0));
        if (derivedN === 0) return;
        differenced++;
        expect(derivedN).toBeGreaterThanOrEqual(K);
        expect(trueClosed.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
        // No published spread belongs to a suppressed cell.
        for (const r of closed) expect(r.cells[c]?.status).not.toBe('value');
      });
    }
    expect(differenced).toBeGreaterThan(20);
  });
});
