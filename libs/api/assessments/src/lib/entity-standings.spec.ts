import { addMonths } from './entity-standings';

describe('addMonths (when the next self-check is due)', () => {
  it('adds a year to a date', () => {
    expect(addMonths('2026-12-05', 12)).toBe('2027-12-05');
  });

  it('clamps the day to the end of a shorter month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});
