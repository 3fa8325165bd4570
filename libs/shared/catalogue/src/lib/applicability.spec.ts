import { firmProfile } from '../testing/catalogue.factory';
import { isApplicable, type ApplicabilityRule } from './applicability';
import { firmProfileSchema } from './profile';

describe('isApplicable', () => {
  const firm = firmProfile({
    legalForm: 'jv',
    activities: ['manufacturing', 'trading'],
    importsExports: true,
    taxRegistrationYear: 2024,
  });

  it.each<[string, ApplicabilityRule | undefined, boolean]>([
    ['no rule', undefined, true],
    ['equals (boolean)', { field: 'importsExports', equals: true }, true],
    ['equals (boolean, false)', { field: 'agencyLabour', equals: true }, false],
    ['in', { field: 'legalForm', in: ['wfoe', 'jv'] }, true],
    ['in (miss)', { field: 'legalForm', in: ['rep_office'] }, false],
    ['includes', { field: 'activities', includes: 'trading' }, true],
    ['includes (miss)', { field: 'activities', includes: 'construction' }, false],
    ['includesAny', { field: 'activities', includesAny: ['construction', 'manufacturing'] }, true],
    ['lte', { field: 'taxRegistrationYear', lte: 2024 }, true],
    ['gte', { field: 'taxRegistrationYear', gte: 2025 }, false],
    [
      'all',
      {
        all: [
          { field: 'importsExports', equals: true },
          { field: 'legalForm', in: ['jv'] },
        ],
      },
      true,
    ],
    [
      'all (one fails)',
      {
        all: [
          { field: 'importsExports', equals: true },
          { field: 'legalForm', in: ['wfoe'] },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { field: 'agencyLabour', equals: true },
          { field: 'activities', includes: 'trading' },
        ],
      },
      true,
    ],
    ['not', { not: { field: 'importsExports', equals: true } }, false],
  ])('%s', (_name, rule, expected) => {
    expect(isApplicable(rule, firm)).toBe(expected);
  });
});

describe('firmProfileSchema', () => {
  it('accepts a complete profile', () => {
    expect(firmProfileSchema.parse(firmProfile())).toEqual(firmProfile());
  });

  it('rejects unknown fields, values outside PROFILE_FIELDS and repeated values', () => {
    expect(firmProfileSchema.safeParse({ ...firmProfile(), turnover: 1 }).success).toBe(false);
    expect(firmProfileSchema.safeParse({ ...firmProfile(), legalForm: 'gmbh' }).success).toBe(false);
    expect(firmProfileSchema.safeParse({ ...firmProfile(), provinces: ['JS', 'JS'] }).success).toBe(false);
    expect(firmProfileSchema.safeParse({ ...firmProfile(), provinces: ['CN-JS'] }).success).toBe(false);
  });

  it('requires every field', () => {
    const { naceSection: _omitted, ...partial } = firmProfile();
    expect(firmProfileSchema.safeParse(partial).success).toBe(false);
  });
});
