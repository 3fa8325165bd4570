import { DONT_KNOW, SEVERITIES, WEIGHTS, type Severity, type Weight } from '@scs/shared/catalogue';
import type { ScoredFinding } from './score';

// The one order of findings (docs/methodology.md, "Order of findings"): the result, the web result page and the PDF
// all sort with it, so "the most severe findings" are the same everywhere.

/** What the order needs of a catalogue: per question its weight and the severities its options can produce. */
export interface FindingOrderCatalogue {
  questions: readonly {
    id: string;
    weight: Weight;
    options: readonly { finding?: { severity: Severity } | undefined }[];
  }[];
}

type Rankable = Pick<ScoredFinding, 'kind' | 'questionId' | 'optionId' | 'severity' | 'weight' | 'exposure'>;

const severityIndex = (s: Severity) => SEVERITIES.indexOf(s);
const moreSevere = (a: Severity, b: Severity): Severity => (severityIndex(a) <= severityIndex(b) ? a : b);

/** The most severe finding any option of each question can produce (its potential severity). */
function potentialSeverities(catalogue: FindingOrderCatalogue): Map<string, Severity> {
  const potential = new Map<string, Severity>();
  for (const q of catalogue.questions) {
    let worst: Severity | undefined;
    for (const o of q.options)
      if (o.finding) worst = worst ? moreSevere(worst, o.finding.severity) : o.finding.severity;
    if (worst) potential.set(q.id, worst);
  }
  return potential;
}

const isDontKnow = (f: Rankable) => f.kind === 'verify' && f.optionId === DONT_KNOW;

/**
 * The severity a finding is ranked by: its own, except a "don't know" on a high-weight question, which ranks at least
 * as severe as the worst finding its question can produce (not knowing the customs credit level may mean a dishonesty
 * listing). The finding keeps its displayed severity; only its place in the order changes.
 */
export function rankSeverity(finding: Rankable, potential: ReadonlyMap<string, Severity>): Severity {
  if (!isDontKnow(finding) || finding.weight !== 'high') return finding.severity;
  const worst = potential.get(finding.questionId);
  return worst ? moreSevere(worst, finding.severity) : finding.severity;
}

/**
 * Comparator of findings: rank severity (critical first), then question weight (high first), then a known answer
 * before an unverified one of the same rank, then exposure (highest first), then catalogue order.
 */
export function findingOrder<F extends Rankable>(catalogue: FindingOrderCatalogue): (a: F, b: F) => number {
  const potential = potentialSeverities(catalogue);
  const position = new Map(catalogue.questions.map((q, i) => [q.id, i]));
  const weight = (w: Weight) => WEIGHTS.indexOf(w);
  return (a, b) =>
    severityIndex(rankSeverity(a, potential)) - severityIndex(rankSeverity(b, potential)) ||
    weight(a.weight) - weight(b.weight) ||
    Number(isDontKnow(a)) - Number(isDontKnow(b)) ||
    b.exposure - a.exposure ||
    (position.get(a.questionId) ?? 0) - (position.get(b.questionId) ?? 0);
}

/** The findings in the shared order (a new array). */
export function orderFindings<F extends Rankable>(findings: readonly F[], catalogue: FindingOrderCatalogue): F[] {
  return [...findings].sort(findingOrder<F>(catalogue));
}

/** The severity each finding is ranked by, per question id (for a "ranked as" hint next to a don't-know). */
export function rankSeverities(findings: readonly Rankable[], catalogue: FindingOrderCatalogue): Map<string, Severity> {
  const potential = potentialSeverities(catalogue);
  return new Map(findings.map((f) => [f.questionId, rankSeverity(f, potential)]));
}
