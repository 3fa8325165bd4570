import fc from 'fast-check';
import { OVERALL, sectorGroupOf, nextWave, type LegalForm, type ResearchRecord, type SizeBand } from './record';
import { prng } from './synthetic';
import { ALL_FIRMS, summarisePanel, summariseWave } from './summary';
import {
  answersByLegalFormTable,
  levelBySectorTable,
  meansTable,
  planWave,
  waveChangeTable,
  type DisclosedTable,
  type WaveContext,
} from './tables';

// The attacker of these properties knows every published table of a wave (and the panel tables touching it) and the
// definition of every row. From the raw records the test computes, independently of the planner, the firm set behind
// each published row and behind each derivable union (published rows, and "total minus published rows"), then looks for
// a set of 1..k-1 firms that one table's derivable union and another's would expose by subtraction.

const LEVELS = [
  { code: 'low', label: { en: 'Low', de: 'Niedrig' } },
  { code: 'moderate', label: { en: 'Moderate', de: 'Mittel' } },
  { code: 'high', label: { en: 'High', de: 'Hoch' } },
  { code: 'critical', label: { en: 'Critical', de: 'Kritisch' } },
];
const DIMS = [
  { id: 'tax', label: { en: 'Tax', de: 'Steuern' } },
  { id: 'customs', label: { en: 'Customs', de: 'Zoll' } },
  { id: 'data', label: { en: 'Data', de: 'Daten' } },
];
const Q = (variable: string, codes: string[]) => ({
  variable,
  catalogueVersion: '2026.1',
  label: { en: variable, de: variable },
  categories: codes.map((code) => ({ code, label: { en: code, de: code } })),
});

interface Population {
  k: number;
  records: ResearchRecord[];
  waves: string[];
}

const SECTIONS = ['A', 'C', 'D', 'F', 'G', 'J', 'K', 'M', 'Q'];
const SIZES: SizeBand[] = ['lt50', '50_249', '250_999', 'gte1000'];
const FORMS: LegalForm[] = ['wfoe', 'jv', 'rep_office', 'branch', 'other'];

/** Small, skewed populations over a random subset of categories: the kind where small cells and nesting appear. */
const population: fc.Arbitrary<Population> = fc
  .record({
    k: fc.integer({ min: 5, max: 10 }),
    firms: fc.integer({ min: 8, max: 140 }),
    sections: fc.subarray(SECTIONS, { minLength: 1 }),
    sizes: fc.subarray(SIZES, { minLength: 1 }),
    forms: fc.subarray(FORMS, { minLength: 1 }),
    retention: fc.double({ min: 0.3, max: 1, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ k, firms, sections, sizes, forms, retention, seed }) => {
    const rng = prng(seed);
    const skewed = <T>(list: readonly T[]): T =>
      list[Math.min(list.length - 1, Math.floor(rng() ** 2 * list.length))] as T;
    const waves = ['2025-H2', nextWave('2025-H2'), nextWave(nextWave('2025-H2'))];
    const records: ResearchRecord[] = [];
    for (let f = 0; f < firms; f++) {
      const naceSection = skewed(sections);
      let headcountBand = skewed(sizes);
      const legalForm = skewed(forms);
      const imports = rng() < 0.5;
      let active = rng() < 0.85;
      waves.forEach((wave, w) => {
        if (w > 0) active = active ? rng() < retention : rng() < 0.3;
        if (!active) return;
        if (rng() < 0.1) headcountBand = skewed(sizes);
        const tax = Math.round(rng() * 1000) / 10;
        const customs = imports ? Math.round(rng() * 1000) / 10 : null;
        const data = rng() < 0.7 ? Math.round(rng() * 1000) / 10 : null;
        const overall = rng() < 0.95 ? Math.round(((tax + (customs ?? tax)) / 2) * 10) / 10 : null;
        records.push({
          pseudonym: `f${f}`,
          wave,
          catalogueVersion: '2026.1',
          naceSection,
          provinceGroup: 'east',
          province: 'SH',
          headcountBand,
          legalForm,
          activities: [],
          dimensionScores: { tax, customs, data },
          overallScore: overall,
          level:
            overall === null
              ? null
              : ((['low', 'moderate', 'high', 'critical'] as const)[Math.min(3, Math.floor(overall / 25))] ?? 'low'),
          answers: { Q1: skewed(['a', 'b', 'c', 'dont_know']), Q2: imports ? skewed(['x', 'y']) : '.a' },
        });
      });
    }
    return { k, records, waves };
  });

// ----- the attacker's view -------------------------------------------------------------------------------------

type Universe = string; // "base" or a dimension id / "overall"

/** A derivable family: a table's rows for one statistic, as firm sets. */
interface Family {
  name: string;
  universe: Universe;
  /** Published rows with firms. */
  published: Set<string>[];
  /** Suppressed rows with firms (their union is derivable when the margin is published). */
  suppressed: Set<string>[];
  totalPublished: boolean;
}

const inUniverse = (r: ResearchRecord, u: Universe) =>
  u === 'base'
    ? true
    : u === OVERALL
      ? r.overallScore !== null
      : r.dimensionScores[u] !== null && r.dimensionScores[u] !== undefined;

function groupOf(r: ResearchRecord, partition: string): string {
  return partition === 'sector' ? sectorGroupOf(r.naceSection) : partition === 'size' ? r.headcountBand : r.legalForm;
}

/** Families of a one-wave table: the count statistic (base universe) and, for means, each dimension column. */
function families(table: DisclosedTable, records: ResearchRecord[]): Family[] {
  const partition = table.rowVariable;
  const rows = table.rows.filter((r) => !r.total);
  const total = table.rows.find((r) => r.total);
  const make = (
    name: string,
    universe: Universe,
    status: (i: number) => 'published' | 'suppressed',
    totalPublished: boolean,
  ): Family => {
    const fam: Family = { name, universe, published: [], suppressed: [], totalPublished };
    rows.forEach((row, i) => {
      const set = new Set(
        records.filter((r) => groupOf(r, partition) === row.key && inUniverse(r, universe)).map((r) => r.pseudonym),
      );
      if (set.size === 0) return;
      (status(i) === 'published' ? fam.published : fam.suppressed).push(set);
    });
    return fam;
  };
  const out = [
    make(
      `${table.id}:n`,
      'base',
      (i) => (rows[i]?.n.status === 'suppressed' ? 'suppressed' : 'published'),
      total?.n.status !== 'suppressed',
    ),
  ];
  if (table.valueKind === 'mean') {
    table.columns.forEach((col, c) => {
      out.push(
        make(
          `${table.id}:${col.key}`,
          col.key,
          (i) => (rows[i]?.cells[c]?.status === 'suppressed' ? 'suppressed' : 'published'),
          total?.cells[c]?.status !== 'suppressed',
        ),
      );
    });
  }
  return out;
}

function atoms(f: Family): Set<string>[] {
  if (!f.totalPublished) return [];
  const hidden = new Set(f.suppressed.flatMap((s) => [...s]));
  return hidden.size ? [...f.published, hidden] : [...f.published];
}

function universeSize(records: ResearchRecord[], u: Universe): number {
  return records.filter((r) => inUniverse(r, u)).length;
}

/** Every union V of a's atoms against its smallest superset among unions of b's atoms: the difference must not be 1..k-1. */
function differencingLeaks(a: Family, b: Family, k: number): string | null {
  const A = atoms(a);
  const B = atoms(b);
  for (let mask = 1; mask < 1 << A.length; mask++) {
    const v = new Set<string>();
    A.forEach((s, i) => mask & (1 << i) && s.forEach((x) => v.add(x)));
    let closure = 0;
    for (const s of B) if ([...s].some((x) => v.has(x))) closure += s.size;
    const diff = closure - v.size;
    if (diff > 0 && diff < k)
      return `${a.name} vs ${b.name}: a derivable union of ${v.size} firms lies inside one of ${closure}`;
  }
  return null;
}

function checkFamily(f: Family, k: number, total: number): string | null {
  for (const s of f.published) if (s.size < k) return `${f.name}: a published row has ${s.size} firms`;
  if (!f.totalPublished) return f.published.length ? `${f.name}: rows published under an unpublished total` : null;
  if (total > 0 && total < k) return `${f.name}: total of ${total} firms published`;
  const hidden = f.suppressed.reduce((s, x) => s + x.size, 0);
  if (f.suppressed.length === 1) return `${f.name}: a single suppressed row (${hidden} firms) = total minus the others`;
  if (hidden > 0 && hidden < k) return `${f.name}: suppressed rows hold ${hidden} firms together`;
  return null;
}

function waveTables(s: ReturnType<typeof summariseWave>, plan: ReturnType<typeof planWave>): DisclosedTable[] {
  return [
    levelBySectorTable(s, plan, LEVELS),
    meansTable(s, plan, DIMS, 'size'),
    meansTable(s, plan, DIMS, 'sector'),
    answersByLegalFormTable(s, plan, Q('Q1', ['a', 'b', 'c', 'dont_know'])),
    answersByLegalFormTable(s, plan, Q('Q2', ['x', 'y'])),
  ];
}

interface PanelFamily {
  name: string;
  universe: Universe;
  set: Set<string>;
}

function panelFamilies(table: DisclosedTable, wave: string, records: ResearchRecord[], other: string): PanelFamily[] {
  const out: PanelFamily[] = [];
  const mine = new Map(records.filter((r) => r.wave === wave).map((r) => [r.pseudonym, r]));
  const theirs = new Map(records.filter((r) => r.wave === other).map((r) => [r.pseudonym, r]));
  for (const row of table.rows) {
    const published = row.total ? row.n.status !== 'suppressed' : row.cells[0]?.status === 'value';
    if (!published) continue;
    const universe = row.key === ALL_FIRMS ? 'base' : row.key;
    const set = new Set(
      [...mine.values()]
        .filter(
          (r) =>
            inUniverse(r, universe) &&
            theirs.has(r.pseudonym) &&
            inUniverse(theirs.get(r.pseudonym) as ResearchRecord, universe),
        )
        .map((r) => r.pseudonym),
    );
    out.push({ name: `${table.waves.join('→')}:${row.key}`, universe, set });
  }
  return out;
}

function panelLeaks(p: PanelFamily, f: Family, k: number): string | null {
  if (p.set.size > 0 && p.set.size < k) return `${p.name}: published panel row of ${p.set.size} firms`;
  const A = atoms(f);
  let closure = 0;
  let interior = 0;
  for (const s of A) {
    const inside = [...s].filter((x) => p.set.has(x)).length;
    if (inside > 0) closure += s.size;
    if (inside === s.size) interior += s.size;
  }
  const above = closure - p.set.size;
  const below = p.set.size - interior;
  if (above > 0 && above < k)
    return `${p.name} vs ${f.name}: panel lies inside a derivable union with ${above} firms to spare`;
  if (interior > 0 && below > 0 && below < k)
    return `${p.name} vs ${f.name}: a derivable union lies inside the panel, ${below} firms short`;
  return null;
}

describe('disclosure control (property-based, fixed seed)', () => {
  const params = { seed: 20260701, numRuns: 150 };

  it('never publishes a row, a margin difference or a cross-table difference of fewer than k firms', () => {
    fc.assert(
      fc.property(population, ({ k, records, waves }) => {
        for (const wave of waves) {
          const rs = records.filter((r) => r.wave === wave);
          const s = summariseWave(wave, rs);
          const plan = planWave(s, k);
          const fams = waveTables(s, plan).flatMap((t) => families(t, rs));
          for (const f of fams) {
            const problem = checkFamily(f, k, universeSize(rs, f.universe));
            if (problem) throw new Error(`${wave}: ${problem}`);
          }
          for (const a of fams) {
            for (const b of fams) {
              if (a === b || a.universe !== b.universe) continue;
              const leak = differencingLeaks(a, b, k);
              if (leak) throw new Error(`${wave}: ${leak}`);
            }
          }
        }
      }),
      params,
    );
  });

  it('keeps panel (wave-on-wave) rows apart from every derivable group of both waves and from neighbouring panels', () => {
    fc.assert(
      fc.property(population, ({ k, records, waves }) => {
        const [w0, w1, w2] = waves as [string, string, string];
        const ctx = (w: string): WaveContext => {
          const summary = summariseWave(w, records);
          return { summary, plan: planWave(summary, k) };
        };
        const c0 = ctx(w0);
        const c1 = ctx(w1);
        const c2 = ctx(w2);
        const p01 = summarisePanel(w0, w1, records, undefined, w2);
        const p12 = summarisePanel(w1, w2, records, w0, undefined);
        const t01 = waveChangeTable(p01, c0, c1, DIMS, { next: p12 });
        const t12 = waveChangeTable(p12, c1, c2, DIMS, { prev: p01 });
        const checks: [DisclosedTable, string, string, WaveContext][] = [
          [t01, w0, w1, c0],
          [t01, w1, w0, c1],
          [t12, w1, w2, c1],
          [t12, w2, w1, c2],
        ];
        for (const [table, wave, other, c] of checks) {
          const rs = records.filter((r) => r.wave === wave);
          const fams = waveTables(c.summary, c.plan).flatMap((t) => families(t, rs));
          for (const p of panelFamilies(table, wave, records, other)) {
            for (const f of fams) {
              if (f.universe !== p.universe) continue;
              const leak = panelLeaks(p, f, k);
              if (leak) throw new Error(`${wave}: ${leak}`);
            }
          }
        }
        // Two panels sharing wave w1: neither may sit inside the other with 1..k-1 firms to spare.
        const a = panelFamilies(t01, w1, records, w0);
        const b = panelFamilies(t12, w1, records, w2);
        for (const x of a) {
          for (const y of b) {
            if (x.universe !== y.universe) continue;
            const xy = [...x.set].filter((v) => y.set.has(v)).length;
            const gap = (d: number) => d > 0 && d < k;
            if ((xy === x.set.size && gap(y.set.size - xy)) || (xy === y.set.size && gap(x.set.size - xy))) {
              throw new Error(
                `neighbouring panels ${x.name} and ${y.name} differ by ${Math.abs(x.set.size - y.set.size)} firms`,
              );
            }
          }
        }
      }),
      params,
    );
  });

  it('publishes something for a population large enough (suppression is not everything)', () => {
    const records: ResearchRecord[] = [];
    const rng = prng(7);
    for (let f = 0; f < 600; f++) {
      records.push({
        pseudonym: `f${f}`,
        wave: '2026-H1',
        catalogueVersion: '2026.1',
        naceSection: f % 3 === 0 ? 'G' : 'C',
        provinceGroup: 'east',
        province: 'SH',
        headcountBand: SIZES[f % 4] as SizeBand,
        legalForm: f % 5 === 0 ? 'jv' : 'wfoe',
        activities: [],
        dimensionScores: { tax: Math.round(rng() * 100), customs: null, data: 10 },
        overallScore: 30,
        level: 'moderate',
        answers: { Q1: 'a', Q2: '.a' },
      });
    }
    const s = summariseWave('2026-H1', records);
    const table = meansTable(s, planWave(s, 10), DIMS, 'size');
    expect(table.rows.filter((r) => r.n.status === 'value')).toHaveLength(5);
  });
});
