import type { ScoreResult } from '@scs/shared/scoring';
import { SubmittedResults } from './submitted-results';

const json = (score: number, pad = 0) => JSON.stringify({ score, pad: 'x'.repeat(pad) });
const scoreOf = (r: ScoreResult | undefined) => r?.score;

describe('SubmittedResults', () => {
  it('keys a result by assessment and row version', () => {
    expect(SubmittedResults.key('a', '1234')).toBe('a@1234');
  });

  it('returns the parsed JSON and serves it again from memory', () => {
    const results = new SubmittedResults();
    const parsed = results.remember('a@1', json(42));
    expect(parsed).toEqual({ score: 42, pad: '' });
    expect(results.get('a@1')).toBe(parsed);
    expect(results.get('b@1')).toBeUndefined();
  });

  it('stays within its character budget, oldest out first', () => {
    const results = new SubmittedResults(120);
    results.remember('a', json(1, 30)); // 50 characters each
    results.remember('b', json(2, 30));
    expect(results.size).toEqual({ entries: 2, chars: 100 });
    results.remember('c', json(3, 30));
    expect(scoreOf(results.get('a'))).toBeUndefined();
    expect([scoreOf(results.get('b')), scoreOf(results.get('c'))]).toEqual([2, 3]);
    expect(results.size).toEqual({ entries: 2, chars: 100 });
    // Remembering a key again replaces it (and counts it once).
    results.remember('c', json(4, 30));
    expect(scoreOf(results.get('c'))).toBe(4);
    expect(results.size).toEqual({ entries: 2, chars: 100 });
    // Larger than the whole budget: returned, not remembered, nothing else dropped.
    expect(scoreOf(results.remember('huge', json(5, 200)))).toBe(5);
    expect(results.get('huge')).toBeUndefined();
    expect(results.size.entries).toBe(2);
  });
});
