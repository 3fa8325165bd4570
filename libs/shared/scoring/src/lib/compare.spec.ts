import type { Severity } from '@scs/shared/catalogue';
import { compareFindings, comparisonCounts, dimensionProgress } from './compare';
import type { ScoredFinding } from './score';

type F = Pick<ScoredFinding, 'kind' | 'questionId' | 'optionId' | 'dimensionId' | 'severity' | 'exposure'>;

const exposure = (questionId: string, optionId = 'o1', value = 0.5, severity: Severity = 'medium'): F => ({
  kind: 'exposure',
  questionId,
  optionId,
  dimensionId: questionId.startsWith('T') ? 'tax' : 'other',
  severity,
  exposure: value,
});
const dontKnow = (questionId: string): F => ({ ...exposure(questionId), kind: 'verify', optionId: 'dont_know' });

describe('compareFindings (the one comparison of web, PDF and action plan)', () => {
  it('issue #16: 2 resolved (one of them a checked "don\'t know"), 0 new, 20 unchanged – on the web and in the PDF', () => {
    // 19 exposure findings + 3 "don't know" before; T1 fixed and D3 checked (answered with no finding) after.
    // The web used to key by question + kind (2 resolved, 20 unchanged); the PDF counted exposure findings only
    // (1 resolved, 0 new, 18 unchanged). One function, one definition: every finding, keyed by question.
    const exposures = Array.from({ length: 19 }, (_, i) => exposure(i === 0 ? 'T1' : `X${i}`));
    const before = { findings: [...exposures, dontKnow('D1'), dontKnow('D2'), dontKnow('D3')] };
    const after = { findings: [...exposures.slice(1), dontKnow('D1'), dontKnow('D2')] };
    const c = compareFindings(before, after);
    expect(comparisonCounts(c)).toEqual({ resolved: 2, new: 0, changed: 0, unchanged: 20 });
    expect(c.resolved.map((f) => f.questionId)).toEqual(['T1', 'D3']);
  });

  it('a "don\'t know" answered with a finding is one changed finding, not one resolved and one new', () => {
    const c = compareFindings({ findings: [dontKnow('C1')] }, { findings: [exposure('C1', 'certified', 0.3)] });
    expect(comparisonCounts(c)).toEqual({ resolved: 0, new: 0, changed: 1, unchanged: 0 });
    expect(c.changed[0]?.direction).toBe('better');
  });

  it('a worse answer to the same question is changed (worse); a finding on a new question is new', () => {
    const c = compareFindings(
      { findings: [exposure('T1', 'c', 0.55)] },
      { findings: [exposure('T1', 'd', 1, 'critical'), exposure('T2')] },
    );
    expect(comparisonCounts(c)).toEqual({ resolved: 0, new: 1, changed: 1, unchanged: 0 });
    expect(c.changed[0]?.direction).toBe('worse');
  });

  it('per dimension: score change and resolved / new counts', () => {
    const before = {
      dimensions: [
        { dimensionId: 'tax', score: 74 },
        { dimensionId: 'other', score: 10 },
      ],
      findings: [exposure('T1'), exposure('T2'), exposure('T4', 'o2', 0.85, 'high')],
    };
    const after = {
      dimensions: [
        { dimensionId: 'tax', score: 51 },
        { dimensionId: 'other', score: 12.5 },
      ],
      findings: [exposure('T4', 'o2', 0.85, 'high'), exposure('X1')],
    };
    expect(dimensionProgress(before, after)).toEqual([
      { dimensionId: 'tax', before: 74, after: 51, change: -23, resolved: 2, new: 0 },
      { dimensionId: 'other', before: 10, after: 12.5, change: 2.5, resolved: 0, new: 1 },
    ]);
  });
});
