import type { ScoredFinding } from './score';

// The one comparison of two results (docs/methodology.md, "Comparing two assessments"). The web's compare page and
// result page ("resolved since last time"), the PDF's "since the last assessment" and the action plan's "resolved by
// assessment" offer all use it, so their counts cannot disagree.

type Comparable = Pick<ScoredFinding, 'kind' | 'questionId' | 'optionId' | 'dimensionId' | 'severity' | 'exposure'>;

export interface ChangedFinding<F> {
  before: F;
  after: F;
  /** better: lower exposure now (e.g. "don't know" checked and found a smaller problem); worse: higher. */
  direction: 'better' | 'worse';
}

export interface FindingsComparison<F> {
  /** Findings of the earlier result whose question has no finding in the later one. */
  resolved: F[];
  /** Findings of the later result whose question had none before. */
  new: F[];
  /** Same question, different answer that is still a finding (including "don't know" turned into a known answer). */
  changed: ChangedFinding<F>[];
  /** Same question, same answer. */
  unchanged: F[];
}

export interface ComparisonCounts {
  resolved: number;
  new: number;
  changed: number;
  unchanged: number;
}

/**
 * Compares the findings of two results of one firm. A finding is identified by its question (a result has at most one
 * finding per question); "don't know" findings count like any other, because checking a fact is progress too.
 */
export function compareFindings<F extends Comparable>(
  before: { findings: readonly F[] },
  after: { findings: readonly F[] },
): FindingsComparison<F> {
  const earlier = new Map(before.findings.map((f) => [f.questionId, f]));
  const later = new Map(after.findings.map((f) => [f.questionId, f]));
  const out: FindingsComparison<F> = { resolved: [], new: [], changed: [], unchanged: [] };
  for (const [q, f] of earlier) if (!later.has(q)) out.resolved.push(f);
  for (const [q, f] of later) {
    const was = earlier.get(q);
    if (!was) out.new.push(f);
    else if (was.optionId === f.optionId && was.kind === f.kind) out.unchanged.push(f);
    else out.changed.push({ before: was, after: f, direction: f.exposure > was.exposure ? 'worse' : 'better' });
  }
  return out;
}

export function comparisonCounts<F>(c: FindingsComparison<F>): ComparisonCounts {
  return { resolved: c.resolved.length, new: c.new.length, changed: c.changed.length, unchanged: c.unchanged.length };
}

/** Per dimension: score before and after, and how many of its findings were resolved / are new. */
export interface DimensionProgress {
  dimensionId: string;
  before: number | null;
  after: number | null;
  change: number | null;
  resolved: number;
  new: number;
}

export function dimensionProgress<F extends Comparable>(
  before: { dimensions: readonly { dimensionId: string; score: number | null }[]; findings: readonly F[] },
  after: { dimensions: readonly { dimensionId: string; score: number | null }[]; findings: readonly F[] },
  comparison: FindingsComparison<F> = compareFindings(before, after),
): DimensionProgress[] {
  const ids = [...new Set([...before.dimensions, ...after.dimensions].map((d) => d.dimensionId))];
  const scoreOf = (r: typeof before, id: string) => r.dimensions.find((d) => d.dimensionId === id)?.score ?? null;
  return ids.map((dimensionId) => {
    const b = scoreOf(before, dimensionId);
    const a = scoreOf(after, dimensionId);
    return {
      dimensionId,
      before: b,
      after: a,
      change: a !== null && b !== null ? Math.round((a - b) * 10) / 10 : null,
      resolved: comparison.resolved.filter((f) => f.dimensionId === dimensionId).length,
      new: comparison.new.filter((f) => f.dimensionId === dimensionId).length,
    };
  });
}
