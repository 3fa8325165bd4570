import {
  answerFromCode,
  recordsAnswer,
  type AdverseRecord,
  type AnswerMap as AnswerMapType,
} from '@scs/shared/answers';
import {
  applicableQuestions,
  parseCatalogueFiles,
  type Catalogue,
  type FirmProfile,
  type Question,
} from '@scs/shared/catalogue';
import fc from 'fast-check';
import { catalogueFiles } from '@scs/shared/testing';
import { cleanProfile } from '../testing/catalogue.builder';
import { projectExposure } from './projection';
import {
  addMonths,
  answersRepairedAtEarliest,
  evaluateRecord,
  evaluateRecords,
  optionForTier,
  recordTypeOf,
  repairPlan,
} from './records';
import { score, type Answers } from './score';

const catalogue: Catalogue = parseCatalogueFiles(catalogueFiles('2026.2'));
const question = (id: string) => catalogue.questions.find((q) => q.id === id)!;
const lowestOption = (q: Question) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0]?.id ?? '';
function cleanAnswers(profile: FirmProfile, overrides: Answers = {}): Answers {
  return {
    ...Object.fromEntries(applicableQuestions(catalogue, profile).map((q) => [q.id, answerFromCode(lowestOption(q))])),
    ...overrides,
  };
}
const rec = (r: Partial<AdverseRecord> & { decided: string }): AdverseRecord => ({ tier: null, status: 'open', ...r });
const finding = (result: ReturnType<typeof score>, questionId: string) =>
  result.findings.find((f) => f.questionId === questionId);

const AS_OF = '2026-06';
const manufacturer: FirmProfile = { ...cleanProfile, activities: ['manufacturing'], importsExports: true };

describe('tier → option mapping (derived from the catalogue)', () => {
  it('spreads SAMR tiers over M6 options and keeps untiered listings on the riskiest option', () => {
    const m6 = question('M6');
    const samr = recordTypeOf(catalogue, m6)!;
    expect(samr.tiers.map((t) => optionForTier(m6, samr, t.id)?.id)).toEqual([
      'warning_only',
      'fines',
      'fines',
      'heavy',
    ]);
    const g1 = question('G1');
    const pcd = recordTypeOf(catalogue, g1)!;
    // a penalty tier is not a listing: G1's knock-out "listed" is never chosen for a tier
    expect(pcd.tiers.map((t) => optionForTier(g1, pcd, t.id)?.id)).toEqual(['penalised', 'penalised', 'penalised']);
    expect(pcd.tiers.map((t) => optionForTier(question('E3'), pcd, t.id)?.id)).toEqual(['minor', 'minor', 'heavy']);
    expect(optionForTier(question('M2'), recordTypeOf(catalogue, question('M2'))!, 'none')?.id).toBe('current');
    expect(optionForTier(question('M3'), recordTypeOf(catalogue, question('M3'))!, 'none')?.id).toBe('current');
  });

  it('follows an explicit recordTiers mapping: a tax deduction is not a direct D', () => {
    const t2 = question('T2');
    const tax = recordTypeOf(catalogue, t2)!;
    expect(tax.tiers.map((t) => optionForTier(t2, tax, t.id)?.id)).toEqual([
      'below_threshold',
      'direct_d',
      'direct_d',
      'direct_d',
    ]);
    const deduction = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { T2: recordsAnswer([rec({ decided: '2026-03', tier: 'deduction' })]) }),
      AS_OF,
    );
    expect(finding(deduction, 'T2')?.optionId).toBe('below_threshold');
    expect(deduction.level).not.toBe('critical');
    const directD = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { T2: recordsAnswer([rec({ decided: '2026-03', tier: 'direct_d_middle' })]) }),
      AS_OF,
    );
    expect(finding(directD, 'T2')?.optionId).toBe('direct_d');
    expect(directD.level).toBe('critical');
  });
});

describe('expert-judged profiles on catalogue 2026.2', () => {
  const samrPenalty = rec({ decided: addMonths(AS_OF, -8), tier: 'moderate' });

  it('a moderate SAMR penalty 8 months old counts, is repairable now and ends after 12 months', () => {
    const result = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { M6: recordsAnswer([samrPenalty]) }),
      AS_OF,
    );
    const f = finding(result, 'M6')!;
    expect(f.optionId).toBe('fines');
    expect(f.severity).toBe('medium');
    expect(f.records?.records[0]).toMatchObject({
      counts: true,
      reason: 'open',
      repairFrom: '2026-01',
      publicationEnds: '2026-10',
      decisiveStatus: 'confirmed',
    });
    expect(result.asOf).toBe(AS_OF);
    const [item, ...rest] = repairPlan(catalogue, { M6: recordsAnswer([samrPenalty]) }, AS_OF);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      questionId: 'M6',
      recordType: 'samr-penalty',
      tier: 'moderate',
      decided: '2025-10',
      earliestRepair: '2026-01',
      automaticEnd: '2026-10',
      repairPossibleNow: true,
      actionMonth: AS_OF,
    });
    expect(item?.channel.portal).toBe('necips');
    expect(item?.processing.map((p) => [p.workingDays, p.status])).toEqual([
      [7, 'confirmed'],
      [3, 'confirmed'],
    ]);
    expect(item?.earliestRepairPeriod).toMatchObject({
      months: 3,
      status: 'confirmed',
      basis: ['samr-order-107-2025'],
    });
  });

  it('the same penalty repaired no longer counts, stays as history and lowers the score', () => {
    const open = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { M6: recordsAnswer([samrPenalty]) }),
      AS_OF,
    );
    const repaired = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, {
        M6: recordsAnswer([{ ...samrPenalty, status: 'repaired', statusDate: '2026-03' }]),
      }),
      AS_OF,
    );
    expect(repaired.score!).toBeLessThan(open.score!);
    expect(finding(repaired, 'M6')).toBeUndefined();
    expect(repaired.records?.[0]?.records[0]).toMatchObject({ counts: false, reason: 'repaired' });
    expect(
      repairPlan(
        catalogue,
        { M6: recordsAnswer([{ ...samrPenalty, status: 'repaired', statusDate: '2026-03' }]) },
        AS_OF,
      ),
    ).toEqual([]);
  });

  it('a firm on the abnormal list that has since filed is serious, not critical', () => {
    const answers = cleanAnswers(manufacturer, {
      M1: answerFromCode('late'),
      M2: recordsAnswer([rec({ decided: '2025-08', status: 'repair_applied', statusDate: '2026-05' })]),
    });
    const result = score(catalogue, manufacturer, answers, AS_OF);
    expect(finding(result, 'M2')).toMatchObject({ optionId: 'current', severity: 'high', knockOut: false });
    expect(result.knockOuts).toEqual([]);
    expect(result.level).not.toBe('critical');
    // once removed it no longer counts
    const removed = score(
      catalogue,
      manufacturer,
      { ...answers, M2: recordsAnswer([rec({ decided: '2025-08', status: 'removed', statusDate: '2026-05' })]) },
      AS_OF,
    );
    expect(finding(removed, 'M2')).toBeUndefined();
    expect(removed.score!).toBeLessThan(result.score!);
  });

  it('a director personally on the court list is high, not critical, with the 30-day removal deadline', () => {
    const answers = { K1: recordsAnswer([rec({ decided: '2026-04' })]) };
    const result = score(catalogue, manufacturer, cleanAnswers(manufacturer, answers), AS_OF);
    expect(finding(result, 'K1')).toMatchObject({ optionId: 'on_list', severity: 'high', knockOut: false });
    expect(result.level).not.toBe('critical');
    const [item] = repairPlan(catalogue, answers, AS_OF);
    expect(item).toMatchObject({ earliestRepair: '2026-04', automaticEnd: null, repairPossibleNow: true });
    expect(item?.deadlines.map((d) => d.days)).toEqual([30, 30]);
  });

  it('a current serious-list entry stays a knock-out (joint punishment)', () => {
    const result = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { M3: recordsAnswer([rec({ decided: '2026-01' })]) }),
      AS_OF,
    );
    expect(result.level).toBe('critical');
    expect(result.knockOuts.map((k) => k.questionId)).toEqual(['M3']);
  });

  it('a representative office gets fewer questions (no customs, no records on C2/C3)', () => {
    const repOffice: FirmProfile = { ...manufacturer, legalForm: 'rep_office' };
    const rep = applicableQuestions(catalogue, repOffice).map((q) => q.id);
    const wfoe = applicableQuestions(catalogue, manufacturer).map((q) => q.id);
    expect(rep.length).toBeLessThan(wfoe.length);
    expect(rep).not.toContain('C2');
    expect(rep).not.toContain('K1');
    const result = score(catalogue, repOffice, cleanAnswers(repOffice), AS_OF);
    expect(result.applicable).toBe(rep.length);
    expect(result.level).toBe('low');
  });

  it('a data exporter above 1m individuals gets the cross-border questions', () => {
    const exporter: FirmProfile = { ...manufacturer, crossBorderPiVolume: 'gte1m' };
    const ids = applicableQuestions(catalogue, exporter).map((q) => q.id);
    expect(ids).toContain('X2');
    const noTransfers: FirmProfile = {
      ...manufacturer,
      crossBorderPiVolume: 'none',
      crossBorderSensitivePiVolume: 'none',
    };
    expect(applicableQuestions(catalogue, noTransfers).map((q) => q.id)).not.toContain('X2');
    expect(score(catalogue, exporter, cleanAnswers(exporter), AS_OF).applicable).toBe(ids.length);
  });

  it('an unconfirmed period is carried, and an unconfirmed end is a finding to verify, not a silent drop', () => {
    const customs = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { C3: recordsAnswer([rec({ decided: '2026-02', tier: 'general' })]) }),
      AS_OF,
    );
    expect(finding(customs, 'C3')?.records).toMatchObject({ decisiveStatus: 'unconfirmed', counted: 1 });
    expect(finding(customs, 'C3')?.records?.records[0]).toMatchObject({ repairFrom: null, publicationEnds: null });
    const court = score(
      catalogue,
      manufacturer,
      cleanAnswers(manufacturer, { J1: recordsAnswer([rec({ decided: '2023-06', tier: 'grounds_2_6' })]) }),
      AS_OF,
    );
    const f = finding(court, 'J1')!;
    expect(f).toMatchObject({ kind: 'verify', exposure: 0, knockOut: false });
    expect(f.records?.records[0]).toMatchObject({
      counts: false,
      reason: 'publication_ended',
      publicationEnds: '2025-06',
      decisiveStatus: 'unconfirmed',
    });
    expect(court.dontKnow).toBe(0);
  });

  it('an empty records list means "no such record"', () => {
    const result = score(catalogue, manufacturer, cleanAnswers(manufacturer, { M6: recordsAnswer([]) }), AS_OF);
    const { records, ...rest } = result;
    expect(rest).toEqual(score(catalogue, manufacturer, cleanAnswers(manufacturer), AS_OF));
    expect(records).toEqual([
      {
        questionId: 'M6',
        recordType: 'samr-penalty',
        records: [],
        counted: 0,
        optionId: null,
        decisiveStatus: 'confirmed',
      },
    ]);
  });

  it('rejects records on a question without a record type and unknown tiers', () => {
    expect(() => score(catalogue, manufacturer, { M1: recordsAnswer([rec({ decided: '2026-01' })]) }, AS_OF)).toThrow(
      /cannot be answered with records/,
    );
    expect(() =>
      score(catalogue, manufacturer, { M6: recordsAnswer([rec({ decided: '2026-01', tier: 'huge' })]) }, AS_OF),
    ).toThrow(/records\[0\]\.tier/);
  });
});

describe('projectExposure', () => {
  it('falls once the SAMR penalty is repaired at its earliest date and stays flat after', () => {
    const answers = cleanAnswers(manufacturer, { M6: recordsAnswer([rec({ decided: '2026-05', tier: 'moderate' })]) });
    const points = projectExposure(catalogue, manufacturer, answers, AS_OF);
    expect(points).toHaveLength(37);
    expect(points[0]?.month).toBe(AS_OF);
    expect(points[36]?.month).toBe('2029-06');
    const overall = points.map((p) => p.overall!);
    overall.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(overall[i]!));
    // repair from 2026-08 (decision + 3 months)
    expect(points.find((p) => p.month === '2026-07')?.overall).toBe(overall[0]);
    expect(points.find((p) => p.month === '2026-08')!.overall!).toBeLessThan(overall[0]!);
    expect(points[0]?.dimensions['market']).toBeGreaterThan(points[36]!.dimensions['market']!);
  });
});

describe('record properties (fixed seed, bounded sizes)', () => {
  const settings = { seed: 20260602, numRuns: 300 };
  const recordQuestions = catalogue.questions.filter((q) => recordTypeOf(catalogue, q));
  const monthArb = fc.integer({ min: 0, max: 12 * 12 }).map((n) => addMonths('2018-01', n));
  const recordArb = (q: Question) => {
    const type = recordTypeOf(catalogue, q)!;
    const untiered = type.tiers.length === 1 && type.tiers[0]?.id === 'none';
    return fc.record({
      decided: monthArb,
      tier: untiered ? fc.constant(null) : fc.constantFrom(...type.tiers.map((t) => t.id)),
      status: fc.constantFrom('open' as const, 'repair_applied' as const),
    });
  };
  const caseArb = fc
    .constantFrom(...recordQuestions)
    .chain((q) =>
      fc.tuple(fc.constant(q), recordArb(q), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
    );
  const exposureOf = (q: Question, records: AdverseRecord[], asOf: string) =>
    evaluateRecords(q, recordTypeOf(catalogue, q)!, recordsAnswer(records), asOf).option?.exposure ?? 0;

  it('a record never counts more after repair (or removal, or its end)', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom('repaired' as const, 'removed' as const, 'ended' as const),
        ([q, r, a, b], closed) => {
          const asOf = addMonths(r.decided, a + b);
          const type = recordTypeOf(catalogue, q)!;
          const closedRecord = { ...r, status: closed, statusDate: addMonths(r.decided, a) };
          const before = evaluateRecord(type, r, 0, asOf);
          const after = evaluateRecord(type, closedRecord, 0, asOf);
          expect(after.counts && !before.counts).toBe(false);
          expect(after.counts).toBe(false);
          expect(exposureOf(q, [closedRecord], asOf)).toBeLessThanOrEqual(exposureOf(q, [r], asOf));
        },
      ),
      settings,
    );
  });

  it('moving "as of" forward never increases a record\'s exposure, and a record never counts after its end', () => {
    fc.assert(
      fc.property(caseArb, ([q, r, a, b]) => {
        const t1 = addMonths(r.decided, a);
        const t2 = addMonths(t1, b);
        const type = recordTypeOf(catalogue, q)!;
        const e1 = evaluateRecord(type, r, 0, t1);
        const e2 = evaluateRecord(type, r, 0, t2);
        expect(e2.counts && !e1.counts).toBe(false);
        if (e2.publicationEnds !== null && t2 >= e2.publicationEnds) expect(e2.counts).toBe(false);
        expect(exposureOf(q, [r], t2)).toBeLessThanOrEqual(exposureOf(q, [r], t1));
      }),
      settings,
    );
  });

  /** A manufacturer's clean answers with `min`–`max` record questions answered by 0–3 records each. */
  const recordsAnswersArb = (min: number, max: number) =>
    fc
      .uniqueArray(fc.constantFrom(...recordQuestions), { minLength: min, maxLength: max, selector: (q) => q.id })
      .chain((qs) =>
        fc.tuple(...qs.map((q) => fc.tuple(fc.constant(q.id), fc.array(recordArb(q), { minLength: 0, maxLength: 3 })))),
      )
      .map(
        (entries): AnswerMapType =>
          cleanAnswers(manufacturer, Object.fromEntries(entries.map(([id, rs]) => [id, recordsAnswer(rs)]))),
      );

  it('the projection equals scoring every month one by one (months with the same counted records are copied)', () => {
    fc.assert(
      fc.property(recordsAnswersArb(0, 4), monthArb, (answers, asOf) => {
        const repaired = answersRepairedAtEarliest(catalogue, answers, asOf);
        const oneByOne = Array.from({ length: 37 }, (_, i) => {
          const result = score(catalogue, manufacturer, repaired, addMonths(asOf, i));
          return {
            month: addMonths(asOf, i),
            overall: result.score,
            dimensions: Object.fromEntries(result.dimensions.map((d) => [d.dimensionId, d.score])),
          };
        });
        expect(projectExposure(catalogue, manufacturer, answers, asOf)).toEqual(oneByOne);
      }),
      { seed: 20261206, numRuns: 80 },
    );
  });

  it('moving "as of" forward never raises the overall score of a firm with records', () => {
    fc.assert(
      fc.property(recordsAnswersArb(1, 5), fc.integer({ min: 0, max: 48 }), (answers, step) => {
        const t1 = '2030-01'; // after every decision month
        const s1 = score(catalogue, manufacturer, answers, t1).score!;
        const s2 = score(catalogue, manufacturer, answers, addMonths(t1, step)).score!;
        expect(s2).toBeLessThanOrEqual(s1);
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
