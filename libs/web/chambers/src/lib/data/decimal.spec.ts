import { localDecimal } from './decimal';

describe('localDecimal', () => {
  it('writes a decimal comma on German pages and leaves English and marks alone', () => {
    expect(localDecimal('40.5', 'de')).toBe('40,5');
    expect(localDecimal('-3.25', 'de')).toBe('-3,25');
    expect(localDecimal('57.5 %', 'de')).toBe('57,5 %');
    expect(localDecimal('40.5', 'en')).toBe('40.5');
    expect(localDecimal('12', 'de')).toBe('12');
    expect(localDecimal('.', 'de')).toBe('.');
    expect(localDecimal('<3', 'de')).toBe('<3');
  });
});
