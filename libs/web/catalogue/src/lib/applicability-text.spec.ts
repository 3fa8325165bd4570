import type { ApplicabilityRule } from '@scs/shared/catalogue';
import { describeAnyRule, describeRule } from './applicability-text';

const notRepOffice: ApplicabilityRule = { not: { field: 'legalForm', in: ['rep_office'] } };
/** D11 (public procurement) in catalogue 2026.2. */
const procurement: ApplicabilityRule = { all: [{ field: 'publicProcurement', equals: true }, notRepOffice] };

describe('describeRule (the condition under which a question is asked)', () => {
  it('puts a yes/no profile question as "answered Yes" and a negated choice as "not selected"', () => {
    expect(describeRule(procurement, 'de')).toBe(
      '„Bietet bei öffentlichen Aufträgen oder Ausschreibungen von Staatsunternehmen“ mit „Ja“ beantwortet ist und ' +
        'unter „Rechtsform der Gesellschaft in China“ nicht „Repräsentanz“ angegeben ist',
    );
    expect(describeRule(procurement, 'en')).toBe(
      '“Bids for government procurement or SOE tenders” is answered “Yes” and ' +
        '“Representative office” is not selected under “Legal form of the China entity”',
    );
    expect(describeRule(procurement, 'zh')).toContain('的回答为“是”，并且“在华主体的法律形式”中未选择“代表处”');
  });

  it('lists the values of a multiple-choice field once, quoted (labels may contain "or" themselves)', () => {
    const rule: ApplicabilityRule = {
      any: [
        { field: 'activities', includes: 'manufacturing' },
        { field: 'activities', includes: 'construction' },
        { field: 'pollutantPermit', in: ['yes', 'unknown'] },
      ],
    };
    expect(describeRule(rule, 'de')).toBe(
      'unter „Tätigkeiten“ „Produktion“ oder „Bau oder Montage“ angegeben ist oder ' +
        '„Schwerpunkt-Emittent oder Inhaber einer Emissionsgenehmigung“ mit „Ja“ oder „Weiß nicht“ beantwortet ist',
    );
    expect(describeRule(rule, 'en')).toBe(
      '“Manufacturing” or “Construction or installation” is selected under “Activities” or ' +
        "“Key pollutant-discharging unit or holder of a pollutant discharge permit” is answered “Yes” or “Don't know”",
    );
    expect(describeRule({ field: 'activities', includesAny: ['manufacturing', 'trading', 'ecommerce'] }, 'zh')).toMatch(
      /中选择了“[^”]+”、“[^”]+”或“[^”]+”$/,
    );
  });

  it('has no "umfasst", "nicht:" or ": ja" left (the old wording)', () => {
    const rules: ApplicabilityRule[] = [
      procurement,
      { field: 'activities', includes: 'manufacturing' },
      { field: 'germanParent', equals: true },
      { not: { field: 'legalForm', in: ['rep_office', 'branch'] } },
    ];
    for (const r of rules) expect(describeRule(r, 'de')).not.toMatch(/umfasst|nicht:|: ja\b/);
    expect(describeRule({ not: { field: 'legalForm', in: ['rep_office', 'branch'] } }, 'de')).toBe(
      'unter „Rechtsform der Gesellschaft in China“ weder „Repräsentanz“ noch „Zweigniederlassung“ angegeben ist',
    );
    expect(describeRule({ not: { field: 'legalForm', in: ['rep_office', 'branch'] } }, 'en')).toBe(
      'neither “Representative office” nor “Branch” is selected under “Legal form of the China entity”',
    );
  });

  it('negates booleans and bounds into the opposite answer', () => {
    expect(describeRule({ not: { field: 'germanParent', equals: true } }, 'de')).toBe(
      '„Hat eine deutsche Muttergesellschaft“ mit „Nein“ beantwortet ist',
    );
    expect(describeRule({ not: { field: 'taxRegistrationYear', lte: 2025 } }, 'en')).toBe(
      '“Year of tax registration” is at least 2026',
    );
  });

  it('groups mixed "and"/"or" in parentheses', () => {
    const rule: ApplicabilityRule = {
      all: [
        {
          any: [
            { field: 'exporter', equals: 'yes' },
            { field: 'importsExports', equals: true },
          ],
        },
        notRepOffice,
      ],
    };
    expect(describeRule(rule, 'en')).toBe(
      '(“Exports goods in its own name” is answered “Yes” or ' +
        '“Imports or exports goods in its own name (registered with customs)” is answered “Yes”) and ' +
        '“Representative office” is not selected under “Legal form of the China entity”',
    );
  });
});

describe('describeAnyRule (a dimension asked when any of its questions applies)', () => {
  it('says a condition every question shares once, and merges the alternatives', () => {
    const food: ApplicabilityRule = { all: [{ field: 'activities', includes: 'food_drugs_medical' }, notRepOffice] };
    const ecommerce: ApplicabilityRule = { all: [{ field: 'activities', includes: 'ecommerce' }, notRepOffice] };
    expect(describeAnyRule([food, ecommerce, food], 'de')).toBe(
      'unter „Tätigkeiten“ „Lebensmittel, Arzneimittel oder Medizinprodukte“ oder „E-Commerce“ angegeben ist und ' +
        'unter „Rechtsform der Gesellschaft in China“ nicht „Repräsentanz“ angegeben ist',
    );
    expect(describeAnyRule([], 'de')).toBe('');
  });
});
