import { chooseGeneralisation, isKAnonymous, QUASI_IDENTIFIERS, type QiCombination, type QiLevels } from './microdata';
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
