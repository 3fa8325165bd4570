import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogue, finding, firmProfile, option, question } from '../testing/catalogue.factory';
import { carryOverAnswer, diffCatalogues } from './diff';
import { parseCatalogueFiles } from './parse';
import { firmProfileSchema } from './profile';
import type { Catalogue, Period, RecordType } from './schema';
import {
  CatalogueValidationError,
  applicableQuestions,
  checkIdMap,
  validateCatalogue,
  type CatalogueIssue,
} from './validate';

const DATA = join(__dirname, '../../data');
function read(version: string) {
  const dir = join(DATA, version);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return parseCatalogueFiles(walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })));
}
function issuesOf(raw: unknown): CatalogueIssue[] {
  try {
    validateCatalogue(raw);
  } catch (e) {
    if (e instanceof CatalogueValidationError) return e.issues;
    throw e;
  }
  return [];
}
const period = (months: Period['months'], status: Period['status'] = 'confirmed'): Period => ({
  months,
  basis: ['ref-a'],
  status,
});
const recordType = (overrides: Partial<RecordType> = {}): RecordType => ({
  id: 'samr-penalty',
  label: { en: 'SAMR penalty', de: 'SAMR-Sanktion' },
  tiers: [{ id: 'moderate', label: { en: 'Moderate', de: 'Mittel' }, repairFrom: period(3), endsAfter: period(12) }],
  channel: { portal: 'etax', text: { en: 'NECIPS', de: 'NECIPS' } },
  documents: [{ en: 'Proof', de: 'Nachweis' }],
  processing: [
    { label: { en: 'Decision', de: 'Entscheidung' }, workingDays: 7, basis: ['ref-a'], status: 'confirmed' },
  ],
  endedEarlyBy: { en: 'Repair', de: 'Wiederherstellung' },
  references: ['ref-a'],
  ...overrides,
});
/** A 2026.2-style catalogue (strict rules apply): factual questions with whereToCheck, C1's knock-out on a confirmed reference. */
function strict(overrides: Partial<Catalogue> = {}): Catalogue {
  const c = structuredClone(catalogue({ version: '2026.2' }));
  for (const q of c.questions) if (q.dontKnow) q.whereToCheck = [{ portal: q.portals?.[0] ?? 'etax' }];
  const c1 = c.questions.find((q) => q.id === 'C1');
  if (c1) c1.references = ['ref-a', 'ref-b'];
  return { ...c, recordTypes: [recordType()], ...overrides };
}

describe('the published catalogues', () => {
  const v1 = read('2026.1');
  const v2 = read('2026.2');

  it('both versions load and validate; 2026.1 is unchanged in shape (no record types, no idMap)', () => {
    expect(v1.version).toBe('2026.1');
    expect(v1.recordTypes).toBeUndefined();
    expect(v2.version).toBe('2026.2');
    expect(v2.effectiveFrom).toBe('2026-12-01');
    expect(v2.dimensions).toHaveLength(16);
  });

  it('2026.2 maps every 2026.1 question (idMap targets exist) and no question id is a dimension code', () => {
    expect(checkIdMap(v1, v2)).toEqual([]);
    const codes = new Set(v2.dimensions.map((d) => d.code));
    expect(v2.questions.filter((q) => codes.has(q.id) || /^D[0-9]/.test(q.id))).toEqual([]);
  });

  it('every period of every record type has a basis and a status', () => {
    const periods = (v2.recordTypes ?? []).flatMap((r) => r.tiers.flatMap((t) => [t.repairFrom, t.endsAfter]));
    expect(periods.length).toBeGreaterThanOrEqual(20);
    for (const p of periods) {
      expect(p.basis.length).toBeGreaterThan(0);
      expect(['confirmed', 'unconfirmed']).toContain(p.status);
    }
    expect(v2.recordTypes?.map((r) => r.id)).toEqual([
      'public-credit-dishonesty',
      'tax-credit',
      'customs-credit',
      'samr-penalty',
      'abnormal-operations',
      'samr-serious-list',
      'court-dishonest-debtor',
      'wage-arrears-list',
      'work-safety-list',
      'director-court-list',
    ]);
  });

  it('follows the knock-out principle: abnormal list and a listed director are not knock-outs, concealing an accident is', () => {
    const option = (q: string, o: string) => v2.questions.find((x) => x.id === q)?.options.find((x) => x.id === o);
    expect(option('M1', 'not_filed')?.knockOut).toBeUndefined();
    expect(option('M2', 'current')?.knockOut).toBeUndefined();
    expect(option('K1', 'on_list')?.knockOut).toBeUndefined();
    expect(option('K1', 'on_list')?.record).toBe('director-court-list');
    expect(option('S3', 'not_reported')?.knockOut).toBe(true);
    expect(option('C3', 'above_ratio_high_fines')).toMatchObject({
      threshold: { status: 'unconfirmed', basis: ['gacc-decree-251-2021'] },
    });
    expect(option('C3', 'above_ratio_high_fines')?.knockOut).toBeUndefined();
    expect(option('M3', 'current')?.knockOut).toBe(true);
  });

  it('offers the special credit report as the first check where it applies, and a check for every factual question', () => {
    for (const id of ['J1', 'M2', 'M3', 'M6', 'S1', 'L2', 'X1', 'G1']) {
      expect(v2.questions.find((q) => q.id === id)?.whereToCheck?.[0]?.portal).toBe('creditreport');
    }
    expect(v2.questions.filter((q) => q.dontKnow && !q.whereToCheck)).toEqual([]);
  });

  it('the SAMR repair rules of 2021 are superseded by Order 107 and NDRC Order 36 is confirmed', () => {
    const ref = (id: string) => v2.references.find((r) => r.id === id);
    expect(ref('samr-credit-repair-2021')?.supersededBy).toBe('samr-order-107-2025');
    expect(ref('ndrc-credit-repair-2026')).toMatchObject({ status: 'confirmed', number: 'NDRC Order No. 36' });
  });

  it('applicability uses legal form, volume bands, exporter and construction', () => {
    const ids = (overrides: Parameters<typeof firmProfile>[0]) =>
      applicableQuestions(v2, firmProfile(overrides)).map((q) => q.id);
    const repOffice = ids({ legalForm: 'rep_office', activities: ['services'], importsExports: false });
    expect(repOffice).not.toContain('K1');
    expect(repOffice.filter((id) => /^[CSEQG][0-9]/.test(id))).toEqual([]);
    expect(ids({ legalForm: 'branch' })).toContain('M8');
    expect(ids({ legalForm: 'wfoe' })).not.toContain('M8');
    expect(ids({ activities: ['construction'] }).filter((id) => id.startsWith('S'))).toEqual([]);
    expect(ids({ activities: ['construction', 'manufacturing'] })).toContain('S3');
    // data bands: a large processor gets the officer filing and the audit; a small one without transfers does not
    expect(ids({ piProcessedVolume: 'gt10m' })).toEqual(expect.arrayContaining(['X6', 'X7']));
    const small = ids({ piProcessedVolume: 'lt1m', crossBorderPiVolume: 'none', crossBorderSensitivePiVolume: 'none' });
    expect(small).not.toEqual(expect.arrayContaining(['X2']));
    expect(small).not.toContain('X6');
    // exporter separate from importer: export VAT rebates only for exporters
    expect(ids({ importsExports: true, exporter: 'no', importer: 'yes' })).not.toContain('T8');
    expect(ids({ importsExports: false, exporter: 'yes' })).toContain('T8');
    expect(ids({ importsExports: false, customsDirectUnregistered: 'yes' })).toContain('C3');
  });

  it('old profiles without the new fields stay valid', () => {
    expect(() => firmProfileSchema.parse(firmProfile())).not.toThrow();
    expect(() =>
      firmProfileSchema.parse({ ...firmProfile(), crossBorderPiVolume: 'gte1m', exporter: 'yes' }),
    ).not.toThrow();
  });

  it('diffs 2026.1 → 2026.2 through the idMap and carries answers over', () => {
    const diff = diffCatalogues(v1, v2);
    expect(diff.questions.renamed.map((r) => `${r.from}>${r.to}`)).toEqual([
      'D1>X1',
      'D2>X2',
      'D3>X3',
      'D4>X4',
      'D5>X5',
    ]);
    expect(diff.questions.removed).toEqual([]);
    expect(diff.questions.added).toEqual(expect.arrayContaining(['X6', 'X7', 'X8', 'X9', 'M8']));
    expect(diff.recordTypes.added).toHaveLength(10);
    expect(carryOverAnswer(v2, '2026.1', 'D1', 'penalty')).toEqual({ questionId: 'X1', optionId: 'penalty' });
  });
});

describe('2026.2 rules in validateCatalogue', () => {
  it('accepts the strict fixture', () => {
    expect(issuesOf(strict())).toEqual([]);
  });

  it('does not apply them to 2026.1', () => {
    expect(
      issuesOf(
        catalogue({
          questions: [
            ...catalogue().questions,
            question('D2', {
              references: ['ref-b'],
              options: [
                option('no', 0),
                option('yes', 1, { knockOut: true, finding: finding({ severity: 'critical' }) }),
              ],
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a question id equal to a dimension code or shaped like one', () => {
    const c = strict();
    c.questions.push(
      { ...question('D1', { whereToCheck: [{ portal: 'etax' }] }) },
      { ...question('D9', { whereToCheck: [{ portal: 'etax' }] }) },
    );
    expect(issuesOf(c)).toEqual([
      { path: 'questions[D1].id', message: 'question id "D1" equals a dimension code' },
      {
        path: 'questions[D9].id',
        message: 'question id "D9" looks like a dimension code (D<number>); use another letter',
      },
    ]);
  });

  it('rejects a knock-out whose question cites no confirmed reference, or that rests on an unconfirmed threshold', () => {
    const c = strict();
    const c1 = c.questions.find((q) => q.id === 'C1');
    if (!c1) throw new Error('fixture');
    c1.references = ['ref-b'];
    expect(issuesOf(c)).toEqual([
      {
        path: 'questions[C1].options[dishonest].knockOut',
        message: 'a knock-out option must cite at least one confirmed reference (the question cites none)',
      },
    ]);
    c1.references = ['ref-a'];
    const ko = c1.options.find((o) => o.id === 'dishonest');
    if (ko) ko.threshold = { basis: ['ref-b'], status: 'unconfirmed' };
    expect(issuesOf(c)).toEqual([
      {
        path: 'questions[C1].options[dishonest].knockOut',
        message: 'a knock-out option must not rest on an unconfirmed threshold',
      },
    ]);
  });

  it('requires whereToCheck on factual questions', () => {
    const c = strict();
    delete c.questions[0].whereToCheck;
    expect(issuesOf(c)).toEqual([
      { path: 'questions[T1].whereToCheck', message: 'a factual question (one with dontKnow) needs whereToCheck' },
    ]);
  });

  it('requires a basis and a status on every period, and known references and record types', () => {
    const c = strict() as Catalogue & { recordTypes: unknown[] };
    const tier = (c.recordTypes[0] as RecordType).tiers[0] as unknown as Record<string, Record<string, unknown>>;
    delete tier['repairFrom']['status'];
    tier['endsAfter']['basis'] = [];
    c.questions[0].record = 'nope';
    (c.recordTypes[0] as RecordType).processing[0].basis = ['ref-z'];
    expect(issuesOf(c)).toEqual(
      expect.arrayContaining([
        { path: 'recordTypes[samr-penalty].tiers[moderate].repairFrom.status', message: expect.any(String) },
        {
          path: 'recordTypes[samr-penalty].tiers[moderate].endsAfter.basis',
          message: 'a period needs at least one basis reference',
        },
        { path: 'questions[T1].record', message: 'unknown record type "nope"' },
        { path: 'recordTypes[samr-penalty].processing[0].basis[0]', message: 'unknown reference "ref-z"' },
      ]),
    );
  });

  it('an unknown period must be unconfirmed; "none" must be the only tier', () => {
    const c = strict();
    const r = c.recordTypes?.[0];
    if (!r) throw new Error('fixture');
    r.tiers[0].endsAfter = period('unknown', 'confirmed');
    r.tiers.push({ ...r.tiers[0], id: 'none', endsAfter: period(12) });
    expect(issuesOf(c).map((i) => i.path)).toEqual([
      'recordTypes[samr-penalty].tiers[moderate].endsAfter.status',
      'recordTypes[samr-penalty].tiers[none].id',
    ]);
  });

  it('checks idMap targets and previousVersion', () => {
    const c = strict({ previousVersion: '2026.1', idMap: { D1: 'X1', T9: { to: 'T1', options: { a: 'gone' } } } });
    expect(issuesOf(c)).toEqual([
      { path: 'idMap.D1', message: 'maps to unknown question "X1"' },
      { path: 'idMap.T9.options.a', message: 'question "T1" has no option "gone"' },
    ]);
    expect(issuesOf(strict({ previousVersion: '2026.3' })).map((i) => i.path)).toEqual(['previousVersion']);
    expect(issuesOf(strict({ idMap: { T1: 'T2' } })).map((i) => i.message)).toEqual(['an idMap needs previousVersion']);
  });
});
