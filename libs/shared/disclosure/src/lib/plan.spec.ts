import { DisclosureError, derivedSetIsSafe, planUniverse, type JointCount } from './plan';

const one = (groups: string[]) => [{ id: 'p', groups }];
const joint = (counts: Record<string, number>): JointCount[] =>
  Object.entries(counts).map(([g, n]) => ({ groups: [g], n }));

describe('planUniverse', () => {
  it('refuses k below 5', () => {
    expect(() => planUniverse(one(['a']), joint({ a: 10 }), 4)).toThrow(DisclosureError);
    expect(() => planUniverse(one(['a']), joint({ a: 10 }), 5.5)).toThrow(/at least 5/);
  });

  it('suppresses groups below k and, with the margin shown, the smallest other group too', () => {
    const plan = planUniverse(one(['a', 'b', 'c', 'd']), joint({ a: 3, b: 40, c: 12, d: 25 }), 10);
    expect(plan.partitions['p']?.suppressed).toEqual({ a: 'primary', c: 'secondary' });
  });

  it('adds suppressed groups until they hold k firms together', () => {
    const plan = planUniverse(one(['a', 'b', 'c', 'd', 'e']), joint({ a: 2, b: 3, c: 4, d: 30, e: 50 }), 10);
    // a+b+c = 9 < 10: the smallest published group (d) joins them
    expect(Object.keys(plan.partitions['p']?.suppressed ?? {}).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('publishes empty groups as zero and leaves a safe table alone', () => {
    const plan = planUniverse(one(['a', 'b', 'c']), joint({ a: 0, b: 12, c: 15 }), 10);
    expect(plan.partitions['p']?.suppressed).toEqual({});
    expect(plan.totalPublished).toBe(true);
  });

  it('suppresses everything when the universe itself is smaller than k', () => {
    const plan = planUniverse(one(['a', 'b']), joint({ a: 4, b: 3 }), 10);
    expect(plan.totalPublished).toBe(false);
    expect(Object.keys(plan.partitions['p']?.suppressed ?? {})).toEqual(['a', 'b']);
  });

  it('stops a table by size from exposing the few firms a table by sector leaves over (nesting)', () => {
    // Sector X (12 firms) is all small firms except 2; the small band holds X's 10 small firms and nobody else.
    // Publishing "X" and "small" would reveal the 2 large X firms by subtraction.
    const defs = [
      { id: 'sector', groups: ['X', 'Y'] },
      { id: 'size', groups: ['small', 'large'] },
    ];
    const cells: JointCount[] = [
      { groups: ['X', 'small'], n: 10 },
      { groups: ['X', 'large'], n: 2 },
      { groups: ['Y', 'large'], n: 30 },
    ];
    const plan = planUniverse(defs, cells, 5);
    const published = (p: string, g: string) => !plan.partitions[p]?.suppressed[g];
    expect(published('sector', 'X') && published('size', 'small')).toBe(false);
  });
});

describe('derivedSetIsSafe', () => {
  const plan = planUniverse(one(['a', 'b']), joint({ a: 20, b: 30 }), 10);

  it('rejects a set that differs from a published group by fewer than k firms', () => {
    expect(derivedSetIsSafe(plan, 18, { p: { a: 18 } })).toBe(false);
  });

  it('rejects a set that leaves fewer than k firms of the universe outside', () => {
    expect(derivedSetIsSafe(plan, 45, { p: { a: 20, b: 25 } })).toBe(false);
  });

  it('accepts a set well apart from every derivable group', () => {
    expect(derivedSetIsSafe(plan, 25, { p: { a: 10, b: 15 } })).toBe(true);
  });
});
