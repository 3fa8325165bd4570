import {
  chooseGeneralisation,
  chosenLevels,
  isKAnonymous,
  parseQiChoice,
  QUASI_IDENTIFIERS,
  rareAnswers,
  type QiCombination,
  type QiLevels,
} from './microdata';
import { syntheticRecords } from './synthetic';

function combos(records: ReturnType<typeof list>): QiCombination[] {
  return records.map((r) => ({ ...r, firms: 1 }));
}
const list = (firms: number, seed: number) => [...syntheticRecords({ firms, waves: 2, seed })];

describe('microdata generalisation (k-anonymity)', () => {
  it.each([
    [60, 5],
    [400, 10],
    [3000, 10],
  ])('makes every combination of quasi-identifiers hold at least k firms per wave (%i firms, k=%i)', (firms, k) => {
    const records = list(firms, firms);
    const g = chooseGeneralisation(combos(records), k);
    const kept = records.filter((r) => !g.droppedWaves.includes(r.wave));
    expect(isKAnonymous(kept, g.levels, k, (r, i) => `${(kept[i] as { pseudonym: string }).pseudonym}`)).toBe(true);
    expect(g.smallestClass).toBeGreaterThanOrEqual(k);
  });

  it('generalises no more than needed: every less generalised node fails', () => {
    const records = list(400, 3);
    const g = chooseGeneralisation(combos(records), 10);
    for (const q of QUASI_IDENTIFIERS) {
      if (g.levels[q] === 0) continue;
      const lower: QiLevels = { ...g.levels, [q]: g.levels[q] - 1 };
      expect(isKAnonymous(records, lower, 10)).toBe(false);
    }
  });

  it('keeps more detail for a larger population', () => {
    const height = (l: QiLevels) => QUASI_IDENTIFIERS.reduce((s, q) => s + l[q], 0);
    const small = chooseGeneralisation(combos(list(100, 5)), 10);
    const large = chooseGeneralisation(combos(list(5000, 5)), 10);
    expect(height(large.levels)).toBeLessThanOrEqual(height(small.levels));
  });

  it('leaves out a wave with fewer than k firms', () => {
    const g = chooseGeneralisation(
      [
        {
          wave: '2026-H1',
          naceSection: 'C',
          province: 'SH',
          provinceGroup: 'east',
          headcountBand: 'lt50',
          legalForm: 'wfoe',
          activities: [],
          firms: 3,
        },
      ],
      5,
    );
    expect(g.droppedWaves).toEqual(['2026-H1']);
  });
});

describe("the researcher's choice and top-coding", () => {
  const released: QiLevels = { sector: 1, province: 2, size: 0, legalForm: 1, activities: 2 };

  it('parses per quasi-identifier choices and refuses unknown names, levels and repeats', () => {
    expect(parseQiChoice('sector:dropped,size:grouped')).toEqual({ sector: 2, size: 1 });
    expect(parseQiChoice('')).toEqual({});
    expect(() => parseQiChoice('nace:exact')).toThrow(/unknown quasi-identifier/);
    expect(() => parseQiChoice('size:tiny')).toThrow(/unknown level/);
    expect(() => parseQiChoice('size:exact,size:dropped')).toThrow(/twice/);
  });

  it('lets a file be coarser than the release, never finer', () => {
    expect(chosenLevels(released, { size: 2, sector: 1 })).toEqual({ levels: { ...released, size: 2 }, refused: [] });
    expect(chosenLevels(released, { sector: 0 }).refused).toEqual([
      { qi: 'sector', wanted: 'exact', released: 'grouped' },
    ]);
  });

  it('every allowed choice is k-anonymous when the release is: coarsening merges classes only', () => {
    const records = list(400, 15);
    const g = chooseGeneralisation(combos(records), 10);
    const kept = records.filter((r) => !g.droppedWaves.includes(r.wave));
    let choices: Partial<QiLevels>[] = [{}];
    for (const q of QUASI_IDENTIFIERS)
      choices = choices.flatMap((c) =>
        Array.from({ length: 3 - g.levels[q] }, (_, i) => ({ ...c, [q]: (g.levels[q] + i) as 0 | 1 | 2 })),
      );
    expect(choices.length).toBeGreaterThan(1);
    for (const c of choices) expect(isKAnonymous(kept, chosenLevels(g.levels, c).levels, 10)).toBe(true);
  });

  it('top-codes answers fewer than k firms gave in a wave, never missing codes, and keeps earlier top-coding', () => {
    const counts = [
      { wave: '2026-H1', questionId: 'T1', code: 'a', firms: 12 },
      { wave: '2026-H1', questionId: 'T1', code: 'b', firms: 3 },
      { wave: '2026-H2', questionId: 'T1', code: 'a', firms: 4 },
      { wave: '2026-H1', questionId: 'C1', code: '.a', firms: 1 },
    ];
    expect(rareAnswers(counts, 10)).toEqual({ T1: ['a', 'b'] });
    expect(rareAnswers([], 10, { X9: ['z'] })).toEqual({ X9: ['z'] });
    expect(() => rareAnswers(counts, 2)).toThrow();
  });
});
