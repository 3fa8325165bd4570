import {
  NO_TIER,
  type Catalogue,
  type Option,
  type Period,
  type Question,
  type RecordTier,
  type RecordType,
} from '@scs/shared/catalogue';
import type { AdverseRecord, AnswerMap, RecordsAnswer } from '@scs/shared/answers';
import type { PeriodInfo, PeriodStatus, RecordEvaluation, RecordsFinding, RepairPlanItem } from './records.types';

// Dated adverse records evaluated as of a date. Every period comes from the record type in the catalogue data
// (record-types.yaml), never from code; see docs/methodology.md "Dated adverse records".

/** A month as 'YYYY-MM' from a month, a date 'YYYY-MM-DD…' or a Date (UTC). */
export function toMonth(value: string | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) throw new Error(`not a month or date: ${value}`);
  return `${m[1]}-${m[2]}`;
}

/** 'YYYY-MM' plus whole months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);

const periodInfo = (p: Period): PeriodInfo => ({
  months: p.months,
  status: p.status,
  basis: [...p.basis],
  ...(p.note ? { note: p.note } : {}),
});

/** The tier a record falls in (the single tier of an untiered type); undefined when the id is not one of the type's tiers. */
export function recordTier(type: RecordType, record: AdverseRecord): RecordTier | undefined {
  const id = record.tier ?? NO_TIER;
  return (
    type.tiers.find((t) => t.id === id) ??
    (type.tiers.length === 1 && type.tiers[0]?.id === NO_TIER && record.tier === null ? type.tiers[0] : undefined)
  );
}

/** Month the publication ends by itself (the record no longer counts from then on); null when it does not end by time. */
function endMonth(decided: string, p: Period): string | null {
  return typeof p.months === 'number' ? addMonths(decided, p.months) : null;
}

/** Month from which repair can be applied for; null when no application is needed, none is possible or the period is unknown. */
function repairMonth(decided: string, p: Period): string | null {
  if (typeof p.months === 'number') return addMonths(decided, p.months);
  return p.months === 'on-fulfilment' || p.months === 'any-time' ? decided : null;
}

/**
 * One record as of a month. A record counts only while the firm reports it open or under repair (as of that month:
 * a repair, removal or end dated later has not happened yet), its tier is published and its publication period has
 * not ended. Repaired, removed and ended records do not count but stay in the evaluation as history.
 */
export function evaluateRecord(type: RecordType, record: AdverseRecord, index: number, asOf: string): RecordEvaluation {
  const tier = recordTier(type, record) ?? type.tiers[type.tiers.length - 1]!; // unknown tiers are rejected before; fall back to the most severe
  const publicationEnds = endMonth(record.decided, tier.endsAfter);
  const repairFrom = repairMonth(record.decided, tier.repairFrom);
  const base = {
    index,
    record,
    tier: tier.id,
    publicationEnds,
    publicationEndsPeriod: periodInfo(tier.endsAfter),
    repairFrom,
    repairFromPeriod: periodInfo(tier.repairFrom),
  };
  const endStatus: PeriodStatus = tier.endsAfter.status;
  if (record.decided > asOf) return { ...base, counts: false, reason: 'after_as_of', decisiveStatus: 'confirmed' };
  const closed = record.status === 'repaired' || record.status === 'removed' || record.status === 'ended';
  if (closed && (!record.statusDate || record.statusDate <= asOf))
    return { ...base, counts: false, reason: record.status, decisiveStatus: 'confirmed' };
  if (tier.published === false) return { ...base, counts: false, reason: 'not_published', decisiveStatus: endStatus };
  if (publicationEnds !== null && publicationEnds <= asOf)
    return { ...base, counts: false, reason: 'publication_ended', decisiveStatus: endStatus };
  // Counts; whether it still does depends on the end period (unknown / never / next rating included).
  return {
    ...base,
    counts: true,
    reason:
      record.status === 'repair_applied' && (!record.statusDate || record.statusDate <= asOf)
        ? 'repair_applied'
        : 'open',
    decisiveStatus: endStatus,
  };
}

/**
 * The options a record of the question's record type can stand for, least exposure first: the options the catalogue
 * marks with `record: <type>`. For a tiered type, knock-out options are left out when another candidate exists
 * (a tier of a penalty is not a listing, e.g. G1 "penalised" vs "listed").
 */
export function recordOptions(question: Question, type: RecordType): Option[] {
  const marked = question.options
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.record === type.id && o.exposure > 0)
    .sort((a, b) => a.o.exposure - b.o.exposure || a.i - b.i)
    .map(({ o }) => o);
  if (type.tiers.length > 1 && marked.some((o) => !o.knockOut)) return marked.filter((o) => !o.knockOut);
  return marked;
}

/**
 * The option a record of `tierId` maps to. Untiered: the riskiest candidate (the record is the entry itself). Tiered:
 * the tiers (least severe first) are spread evenly over the candidates (least exposure first), rounding half down,
 * so the least severe tier takes the mildest candidate and the most severe tier the riskiest one.
 */
export function optionForTier(question: Question, type: RecordType, tierId: string): Option | undefined {
  // An explicit mapping in the catalogue (option.recordTiers) wins.
  const explicit = question.options.filter((o) => o.record === type.id && o.recordTiers);
  if (explicit.length) return explicit.find((o) => o.recordTiers?.includes(tierId));
  const candidates = recordOptions(question, type);
  if (!candidates.length) return undefined;
  const n = type.tiers.length;
  const i = Math.max(
    0,
    type.tiers.findIndex((t) => t.id === tierId),
  );
  if (n <= 1) return candidates[candidates.length - 1];
  const k = Math.ceil((i * (candidates.length - 1)) / (n - 1) - 0.5);
  return candidates[Math.min(candidates.length - 1, Math.max(0, k))];
}

export function recordTypeOf(catalogue: Catalogue, question: Question): RecordType | undefined {
  return question.record ? catalogue.recordTypes?.find((t) => t.id === question.record) : undefined;
}

export interface RecordsOutcome {
  finding: RecordsFinding;
  /** The option the counted records map to (the riskiest); undefined when none counts. */
  option?: Option;
  /** The zero-exposure option used when no record counts. */
  none?: Option;
}

/** A records answer as of a month: each record evaluated, the counted ones mapped to the riskiest option. */
export function evaluateRecords(
  question: Question,
  type: RecordType,
  answer: RecordsAnswer,
  asOf: string,
): RecordsOutcome {
  const records = answer.records.map((r, i) => evaluateRecord(type, r, i, asOf));
  let option: Option | undefined;
  for (const e of records) {
    if (!e.counts) continue;
    const o = optionForTier(question, type, e.tier);
    if (
      o &&
      (!option || o.exposure > option.exposure || (o.exposure === option.exposure && o.knockOut && !option.knockOut))
    )
      option = o;
  }
  const none = [...question.options].sort((a, b) => a.exposure - b.exposure)[0];
  const decisiveStatus: PeriodStatus = records.some((e) => e.decisiveStatus === 'unconfirmed')
    ? 'unconfirmed'
    : 'confirmed';
  return {
    finding: {
      questionId: question.id,
      recordType: type.id,
      records,
      counted: records.filter((e) => e.counts).length,
      optionId: option?.id ?? null,
      decisiveStatus,
    },
    option,
    none,
  };
}

/**
 * The credit-repair plan as of a month: one item per record that counts, in catalogue order, with the earliest repair
 * date, the automatic end, the channel, documents and processing times of its record type (each with its status).
 */
export function repairPlan(catalogue: Catalogue, answers: AnswerMap, asOf: string | Date): RepairPlanItem[] {
  const month = toMonth(asOf);
  const items: RepairPlanItem[] = [];
  for (const question of catalogue.questions) {
    const answer = answers[question.id];
    const type = recordTypeOf(catalogue, question);
    if (!answer || answer.kind !== 'records' || !type) continue;
    for (const e of evaluateRecords(question, type, answer, month).finding.records) {
      if (!e.counts) continue;
      const tier = type.tiers.find((t) => t.id === e.tier)!;
      const repairPossibleNow = e.reason === 'open' && e.repairFrom !== null && e.repairFrom <= month;
      items.push({
        questionId: question.id,
        dimensionId: question.dimension,
        recordType: type.id,
        recordTypeLabel: type.label,
        recordIndex: e.index,
        record: e.record,
        decided: e.record.decided,
        tier: e.tier,
        tierLabel: tier.label,
        earliestRepair: e.repairFrom,
        earliestRepairPeriod: e.repairFromPeriod,
        automaticEnd: e.publicationEnds,
        automaticEndPeriod: e.publicationEndsPeriod,
        channel: { ...(type.channel.portal ? { portal: type.channel.portal } : {}), text: type.channel.text },
        documents: [...type.documents],
        processing: [...type.processing],
        deadlines: [...(type.deadlines ?? [])],
        endedEarlyBy: type.endedEarlyBy,
        counts: true,
        repairPossibleNow,
        actionMonth: e.reason === 'open' && e.repairFrom !== null ? maxMonth(e.repairFrom, month) : null,
      });
    }
  }
  return items;
}

/**
 * The answers as they would be if every counting record were repaired at its earliest repair date (not before
 * `asOf`) and nothing new happened: open or under-repair records with a repair date become `repaired` from then.
 */
export function answersRepairedAtEarliest(catalogue: Catalogue, answers: AnswerMap, asOf: string): AnswerMap {
  const out: Record<string, AnswerMap[string]> = { ...answers };
  for (const question of catalogue.questions) {
    const answer = answers[question.id];
    const type = recordTypeOf(catalogue, question);
    if (!answer || answer.kind !== 'records' || !type) continue;
    const evaluated = evaluateRecords(question, type, answer, asOf).finding.records;
    const records = answer.records.map((r, i) => {
      const e = evaluated[i]!;
      if (!e.counts || e.repairFrom === null) return r;
      // Applied for at the earliest, but not before now; processing (10 + 3 or 7 working days) makes it count from
      // the next month at the earliest, so month 0 of a projection is always today's exposure.
      return { ...r, status: 'repaired' as const, statusDate: maxMonth(e.repairFrom, addMonths(asOf, 1)) };
    });
    out[question.id] = { ...answer, records };
  }
  return out;
}
