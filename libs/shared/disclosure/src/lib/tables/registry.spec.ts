import type { ResearchRecord } from '../record';
import { summariseWave } from '../summary';
import { PREDEFINED_TABLES, TABLES, isPredefinedTableId, waveTableInstances } from './registry';
import type { TableDefinition, TableVocabulary } from './table';
import { planWave } from './wave-plan';
import { legalFormBySize } from './testing/legal-form-by-size.table';

// Invariants every registered table keeps, checked for each entry of the registry (a new table gets them for free).
const REGISTRY: readonly TableDefinition[] = [...PREDEFINED_TABLES, legalFormBySize];

const SIZES = ['lt50', '50_249', '250_999'] as const;
const FORMS = ['wfoe', 'jv', 'branch'] as const;
function record(i: number): ResearchRecord {
  return {
    pseudonym: `p${String(i).padStart(4, '0')}`,
    wave: '2026-H1',
    catalogueVersion: '2026.1',
    naceSection: i % 3 === 0 ? 'G' : 'C',
    provinceGroup: 'east',
    province: 'SH',
    headcountBand: SIZES[i % 3] as ResearchRecord['headcountBand'],
    legalForm: FORMS[i % 7 === 0 ? 2 : i % 2] as ResearchRecord['legalForm'],
    activities: ['manufacturing'],
    dimensionScores: { tax: (i * 7) % 100 },
    overallScore: (i * 13) % 100,
    level: (['low', 'moderate', 'high'] as const)[i % 3],
    answers: { T1: i % 4 === 0 ? 'b' : 'a' },
  };
}
const summary = summariseWave(
  '2026-H1',
  Array.from({ length: 60 }, (_, i) => record(i)),
);
const ctx = { summary, plan: planWave(summary, 10) };
const vocabulary: TableVocabulary = {
  levels: ['low', 'moderate', 'high', 'critical'].map((code) => ({ code, label: { en: code, de: code } })),
  dimensions: [{ id: 'tax', label: { en: 'Tax', de: 'Steuern' } }],
  variables: [
    {
      variable: 'T1',
      catalogueVersion: '2026.1',
      label: { en: 'T1', de: 'T1' },
      categories: [
        { code: 'a', label: { en: 'a', de: 'a' } },
        { code: 'b', label: { en: 'b', de: 'b' } },
      ],
    },
  ],
};

describe('table registry', () => {
  it('has one entry per id, and the typed constant names each of them', () => {
    const ids = REGISTRY.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.values(TABLES).map((d) => d.id)).toEqual(PREDEFINED_TABLES.map((d) => d.id));
    expect(isPredefinedTableId('level-by-sector')).toBe(true);
    expect(isPredefinedTableId('no-such-table')).toBe(false);
  });

  it('gives every table labels in both languages, a chart and its parameters', () => {
    for (const def of REGISTRY) {
      expect(def.title.en && def.title.de && def.description.en && def.description.de).toBeTruthy();
      expect(['heatmap', 'bars', 'lines']).toContain(def.chart);
      expect(def.params).toContain(def.scope === 'panel' ? 'from' : 'wave');
    }
  });

  const waveDefs = REGISTRY.filter((d) => d.scope === 'wave');
  it.each(waveDefs.map((d) => [d.id]))('renders %s under the wave plan: id, margin and suppression marks', (id) => {
    const instances = waveTableInstances(ctx, vocabulary, REGISTRY).filter((i) => i.tableId === id);
    expect(instances.length).toBeGreaterThan(0);
    for (const { table } of instances) {
      expect(table.id).toBe(id);
      expect(table.k).toBe(10);
      expect(table.rows.filter((r) => r.total)).toHaveLength(1);
      for (const row of table.rows) {
        expect(row.cells).toHaveLength(table.columns.length);
        // A suppressed row shows nothing, and no published count is 1 or 2.
        if (row.suppressed) expect(row.cells.every((c) => c.status === 'suppressed' && c.value === null)).toBe(true);
        if (table.valueKind === 'count')
          expect(row.cells.some((c) => c.value !== null && c.value > 0 && c.value < 3)).toBe(false);
      }
    }
  });
});
