import { isValidUscc, usccCheckCharacter, usccProblem } from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])(
    'accepts the published valid code %s',
    (code) => {
      expect(isValidUscc(code)).toBe(true);
    },
  );

  it('computes the check character of a known code', () => {
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects a code whose check character was mistyped', () => {
    expect(isValidUscc('91110000600037341M')).toBe(false);
    expect(usccProblem('91110000600037341M')).toMatch(/check character/);
  });

  it('rejects a transposition of two characters', () => {
    expect(isValidUscc('91110000600073341L')).toBe(false);
  });

  it.each([
    ['too short', '9111000060003734'],
    ['too long', '91110000600037341LL'],
    ['letter I', '91110000I00037341L'],
    ['letter O', '9111000O600037341L'],
    ['letter S', '911100006000S7341L'],
    ['lower case', '91350100m000100Y43'],
  ])('rejects a malformed code (%s)', (_label, code) => {
    expect(usccProblem(code)).not.toBeNull();
  });
});
