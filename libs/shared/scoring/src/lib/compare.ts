import type { ScoreResult, ScoredFinding } from './score';

/** A finding as two results are compared: which question, answer, dimension, how severe, exposure or "don't know". */
export interface ComparedFinding {
  questionId: string;
  optionId: string;
  dimensionId: string;
  severity: ScoredFinding['severity'];
  kind: ScoredFinding['kind'];
}

export interface ResultComparison {
  /** Every dimension of either result, in the order of the earlier result, then the new ones. */
  dimensions: { dimensionId: string; code: string; from: number | null; to: number | null; change: number | null }[];
  findings: { resolved: ComparedFinding[]; new: ComparedFinding[]; unchanged: ComparedFinding[] };
}

/** One finding per question and kind: a changed option on the same question is the same finding, still open. */
const key = (f: ComparedFinding) => `${f.questionId}:${f.kind}`;

const brief = (f: ScoredFinding): ComparedFinding => ({
  questionId: f.questionId,
  optionId: f.optionId,
  dimensionId: f.dimensionId,
  severity: f.severity,
  kind: f.kind,
});

/**
 * What changed from an earlier to a later result: score change per dimension and the findings resolved, new and
 * unchanged. The one comparison of the product: the result page (GET /assessments/:id/compare/:otherId) and the PDF
 * report both count with it, so they cannot disagree.
 */
export function compareResults(from: ScoreResult, to: ScoreResult): ResultComparison {
  const dims = new Map<string, { code: string; from: number | null; to: number | null }>();
  for (const d of from.dimensions) dims.set(d.dimensionId, { code: d.code, from: d.score, to: null });
  for (const d of to.dimensions)
    dims.set(d.dimensionId, { code: d.code, from: dims.get(d.dimensionId)?.from ?? null, to: d.score });
  const before = new Map(from.findings.map((f) => [key(brief(f)), brief(f)]));
  const after = new Map(to.findings.map((f) => [key(brief(f)), brief(f)]));
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
