import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps paths of this site', () => {
    expect(safeReturnUrl('/assessments/42?tab=result')).toBe('/assessments/42?tab=result');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', undefined])(
    'falls back to / for %p',
    (value) => {
      expect(safeReturnUrl(value)).toBe('/');
    },
  );
});
