import {
  SMALL_FIRM_PROFILE,
  testDimension,
  testFinding,
  testLevels,
  testSeverities,
  testText,
} from '@scs/shared/testing';
import type { FirmProfile } from '../lib/profile';
import type { Catalogue, Finding, Option, Question } from '../lib/schema';
import type { Text } from '../lib/text';

// Small valid catalogues for specs; tests override a part and expect one specific issue. The parts every test
// catalogue shares (texts, levels, severities, dimension texts) come from @scs/shared/testing.

export const text: (en: string) => Text = testText;

export function finding(overrides: Partial<Finding> = {}): Finding {
  return { ...testFinding('high'), ...overrides };
}

export function option(id: string, exposure: number, overrides: Partial<Option> = {}): Option {
  return { id, label: text(id), exposure, ...(exposure > 0 ? { finding: finding() } : {}), ...overrides };
}

export function question(id: string, overrides: Partial<Question> = {}): Question {
  return {
    id,
    dimension: 'tax',
    weight: 'high',
    text: text(`Question ${id}`),
    help: text('Where to check'),
    portals: ['etax'],
    references: ['ref-a'],
    dontKnow: { exposure: 0.5, verify: text('Check it') },
    options: [option('no', 0), option('minor', 0.5, { finding: finding({ severity: 'medium' }) }), option('yes', 1)],
    ...overrides,
  };
}

export function catalogue(overrides: Partial<Catalogue> = {}): Catalogue {
  const dimension = (id: string, code: string) =>
    testDimension(id, code, { name: { ...text(id), zh: '中文' }, references: ['ref-a'] });
  return {
    version: '2026.1',
    effectiveFrom: '2026-04-01',
    title: text('Catalogue'),
    weights: { high: 3, medium: 2, low: 1 },
    levels: testLevels(),
    severities: testSeverities(),
    portals: [
      { id: 'etax', name: text('e-Tax'), url: 'https://etax.example.cn', checks: text('Tax grade') },
      { id: 'customs', name: text('Customs'), url: 'http://credit.customs.example.cn', checks: text('Customs level') },
    ],
    dimensions: [dimension('tax', 'D1'), dimension('customs', 'D2')],
    references: [
      { id: 'ref-a', title: text('Reference A'), authority: text('STA'), year: 2025, status: 'confirmed' },
      {
        id: 'ref-b',
        title: text('Reference B'),
        authority: text('GACC'),
        year: 2021,
        status: 'unconfirmed',
        supersededBy: 'ref-a',
      },
    ],
    questions: [
      question('T1'),
      question('T2', { weight: 'low', dontKnow: undefined }),
      question('C1', {
        dimension: 'customs',
        portals: ['customs'],
        references: ['ref-b'],
        applicability: { field: 'importsExports', equals: true },
        options: [
          option('aeo', 0),
          option('general', 0.3, { finding: finding({ severity: 'low' }) }),
          option('dishonest', 1, { knockOut: true, finding: finding({ severity: 'critical' }) }),
        ],
      }),
    ],
    ...overrides,
  };
}

export function firmProfile(overrides: Partial<FirmProfile> = {}): FirmProfile {
  return { ...SMALL_FIRM_PROFILE, ...overrides };
}

/** The value, or a test failure when it is missing (instead of a non-null assertion). */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}
