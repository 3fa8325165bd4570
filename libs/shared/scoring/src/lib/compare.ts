import type { ScoreResult } from './score';

/** A finding as the comparison lists it (resolved, new or unchanged). */
export interface FindingRef {
  questionId: string;
  optionId: string;
  dimensionId: string;
  severity: string;
  kind: 'exposure' | 'verify';
}

export interface DimensionChange {
  dimensionId: string;
  code: string;
  from: number | null;
  to: number | null;
  change: number | null;
}

export interface ResultComparison {
  dimensions: DimensionChange[];
  findings: { resolved: FindingRef[]; new: FindingRef[]; unchanged: FindingRef[] };
}

/** A finding is "the same" across two assessments when the question and its kind match (the option may differ). */
const findingKey = (f: FindingRef) => `${f.questionId}:${f.kind}`;

/** Score change per dimension and findings resolved / new / unchanged from an earlier result to a later one. */
export function compareResults(from: ScoreResult, to: ScoreResult): ResultComparison {
  const dims = new Map<string, { code: string; from: number | null; to: number | null }>();
  for (const d of from.dimensions) dims.set(d.dimensionId, { code: d.code, from: d.score, to: null });
  for (const d of to.dimensions)
    dims.set(d.dimensionId, { code: d.code, from: dims.get(d.dimensionId)?.from ?? null, to: d.score });
  const refs = (r: ScoreResult): FindingRef[] =>
    r.findings.map((f) => ({
      questionId: f.questionId,
      optionId: f.optionId,
      dimensionId: f.dimensionId,
      severity: f.severity,
      kind: f.kind,
    }));
  const before = new Map(refs(from).map((f) => [findingKey(f), f]));
  const after = new Map(refs(to).map((f) => [findingKey(f), f]));
  return {
    dimensions: [...dims].map(([dimensionId, d]) => ({
      dimensionId,
      code: d.code,
      from: d.from,
      to: d.to,
      change: d.from !== null && d.to !== null ? d.to - d.from : null,
    })),
    findings: {
      resolved: [...before].filter(([k]) => !after.has(k)).map(([, f]) => f),
      new: [...after].filter(([k]) => !before.has(k)).map(([, f]) => f),
      unchanged: [...after].filter(([k]) => before.has(k)).map(([, f]) => f),
    },
  };
}
