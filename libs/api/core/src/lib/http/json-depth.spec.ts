import { MAX_JSON_DEPTH, rejectDeepJson } from './json-depth';

const check = (s: string) => () => rejectDeepJson(null, null, Buffer.from(s));

describe('rejectDeepJson', () => {
  it('accepts ordinary bodies and brackets inside strings', () => {
    expect(check('{"answers":[{"questionId":"q1","note":"[[[[{{{{ \\" ]]"}]}')).not.toThrow();
    expect(check('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).not.toThrow();
  });

  it('refuses nesting beyond the limit with a 400', () => {
    expect(check('['.repeat(MAX_JSON_DEPTH + 1))).toThrow(
      expect.objectContaining({ status: 400, type: 'entity.too.deep' }),
    );
    expect(check('{"a":'.repeat(100_000))).toThrow(/nested deeper/);
  });
});
