import type { Severity, Weight } from '@scs/shared/catalogue';
import { findingOrder, orderFindings, rankSeverity } from './order';
import type { ScoredFinding } from './score';

const catalogue = {
  questions: [
    { id: 'L1', weight: 'low' as Weight, options: [{}, { finding: { severity: 'low' as Severity } }] },
    { id: 'M1', weight: 'medium' as Weight, options: [{}, { finding: { severity: 'medium' as Severity } }] },
    {
      id: 'C1',
      weight: 'high' as Weight,
      options: [{}, { finding: { severity: 'critical' as Severity } }, { finding: { severity: 'high' as Severity } }],
    },
    { id: 'H1', weight: 'high' as Weight, options: [{}, { finding: { severity: 'high' as Severity } }] },
    { id: 'K1', weight: 'high' as Weight, options: [{}, { finding: { severity: 'critical' as Severity } }] },
    { id: 'V2', weight: 'medium' as Weight, options: [{}, { finding: { severity: 'critical' as Severity } }] },
  ],
};

const finding = (
  questionId: string,
  severity: Severity,
  weight: Weight,
  exposure: number,
  dontKnow = false,
): Pick<ScoredFinding, 'kind' | 'questionId' | 'optionId' | 'severity' | 'weight' | 'exposure'> => ({
  kind: dontKnow ? 'verify' : 'exposure',
  questionId,
  optionId: dontKnow ? 'dont_know' : 'o1',
  severity,
  weight,
  exposure,
});

describe('the shared order of findings', () => {
  const potential = new Map<string, Severity>([
    ['C1', 'critical'],
    ['V2', 'critical'],
  ]);

  it("ranks a high-weight don't know at its question's potential severity", () => {
    expect(rankSeverity(finding('C1', 'medium', 'high', 0.5, true), potential)).toBe('critical');
  });

  it("keeps the severity of a don't know on a medium- or low-weight question", () => {
    expect(rankSeverity(finding('V2', 'low', 'medium', 0.5, true), potential)).toBe('low');
  });

  it('keeps the severity of known answers', () => {
    expect(rankSeverity(finding('C1', 'high', 'high', 0.7), potential)).toBe('high');
  });

  it("orders: known knock-out, then the high-weight don't know, then high, then many low findings", () => {
    const lows = Array.from({ length: 16 }, () => finding('L1', 'low', 'low', 1));
    const ordered = orderFindings(
      [
        ...lows,
        finding('M1', 'medium', 'medium', 1),
        finding('C1', 'medium', 'high', 0.5, true),
        finding('H1', 'high', 'high', 0.9),
        finding('K1', 'critical', 'high', 1),
      ],
      catalogue,
    );
    expect(ordered.slice(0, 4).map((f) => f.questionId)).toEqual(['K1', 'C1', 'H1', 'M1']);
    expect(ordered.slice(4).every((f) => f.questionId === 'L1')).toBe(true);
  });

  it('breaks ties by weight, then known before unknown, then exposure, then catalogue order', () => {
    const compare = findingOrder(catalogue);
    const a = finding('H1', 'high', 'high', 0.9);
    const b = finding('M1', 'high', 'medium', 1);
    expect(compare(a, b)).toBeLessThan(0);
    expect(compare(finding('H1', 'high', 'high', 0.5), finding('H1', 'high', 'high', 0.9))).toBeGreaterThan(0);
    expect(compare(finding('L1', 'low', 'low', 1), finding('M1', 'low', 'low', 1))).toBeLessThan(0);
  });
});
