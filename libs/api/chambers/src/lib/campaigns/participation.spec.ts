import { type FirmActivity, participationCounts } from './participation';

const firm = (sharing: boolean, started: boolean, submitted: boolean): FirmActivity => ({
  sharing,
  started,
  submitted,
});
const many = (n: number, f: FirmActivity) => Array.from({ length: n }, () => ({ ...f }));

describe('participationCounts (campaign funnel without revealing individual status)', () => {
  it('counts every firm when all of them share their status', () => {
    expect(participationCounts([firm(true, true, true), firm(true, true, false), firm(true, false, false)], 5)).toEqual(
      { started: 2, submitted: 1, sharingFirms: 3, complete: true },
    );
  });

  it('leaves a single non-sharing firm out, so "1 of 1 submitted" never appears', () => {
    expect(participationCounts([firm(false, true, true)], 5)).toEqual({
      started: 0,
      submitted: 0,
      sharingFirms: 0,
      complete: false,
    });
    expect(participationCounts([firm(true, true, true), firm(false, true, true)], 5)).toEqual({
      started: 1,
      submitted: 1,
      sharingFirms: 1,
      complete: false,
    });
  });

  it('leaves non-sharing firms out when all of them (or none) did a step, however many they are', () => {
    expect(participationCounts(many(30, firm(false, true, false)), 5).complete).toBe(false);
    expect(participationCounts(many(30, firm(false, false, false)), 5).complete).toBe(false);
  });

  it('counts non-sharing firms as a group when at least k did and k did not do each step', () => {
    const firms = [
      ...many(5, firm(false, true, true)),
      ...many(5, firm(false, true, false)),
      ...many(5, firm(false, false, false)),
      firm(true, true, true),
    ];
    expect(participationCounts(firms, 5)).toEqual({ started: 11, submitted: 6, sharingFirms: 1, complete: true });
    expect(participationCounts(firms, 6).complete).toBe(false);
  });
});
