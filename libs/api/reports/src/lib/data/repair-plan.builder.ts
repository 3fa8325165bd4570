import { localize, type Catalogue, type Duration, type PeriodSpecial, type ReadLocale } from '@scs/shared/catalogue';
import type { PeriodInfo, ProjectionPoint, RepairPlanItem } from '@scs/shared/scoring';
import type { ReportPlanDate, ReportPlanDuration, ReportRepairPlan } from '@scs/shared/contracts';

/** The plan as the assessments feature computes it (repairPlan / projectExposure of @scs/shared/scoring). */
export interface RepairPlanInput {
  asOf: string;
  repairPlan: readonly RepairPlanItem[];
  projection: readonly ProjectionPoint[];
}

const SPECIAL: Record<ReadLocale, Record<PeriodSpecial, string>> = {
  en: {
    'on-fulfilment': 'as soon as the obligations are fulfilled',
    'any-time': 'at any time',
    'not-needed': 'no application needed',
    never: 'does not end by itself',
    'next-rating': 'with the next annual rating',
    unknown: 'not known',
  },
  de: {
    'on-fulfilment': 'sobald die Pflichten erfüllt sind',
    'any-time': 'jederzeit',
    'not-needed': 'kein Antrag nötig',
    never: 'endet nicht automatisch',
    'next-rating': 'mit der nächsten Jahresbewertung',
    unknown: 'nicht bekannt',
  },
  zh: {
    'on-fulfilment': '履行相关义务后即可',
    'any-time': '随时',
    'not-needed': '无需申请',
    never: '不会自动到期',
    'next-rating': '随下一次年度评价',
    unknown: '未知',
  },
};

function amount(d: Duration, locale: ReadLocale): string {
  const n = d.workingDays ?? d.days ?? 0;
  if (locale === 'zh') return d.workingDays !== undefined ? `${n} 个工作日` : `${n} 天`;
  if (d.workingDays !== undefined)
    return locale === 'de'
      ? `${n} ${n === 1 ? 'Arbeitstag' : 'Arbeitstage'}`
      : `${n} working ${n === 1 ? 'day' : 'days'}`;
  return locale === 'de' ? `${n} ${n === 1 ? 'Tag' : 'Tage'}` : `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The repair plan and projection, localized for the report. */
export function repairPlanData(catalogue: Catalogue, locale: ReadLocale, input: RepairPlanInput): ReportRepairPlan {
  const dimensions = new Map(catalogue.dimensions.map((d) => [d.id, d]));
  const dimensionName = (id: string) => {
    const d = dimensions.get(id);
    return d ? localize(d.name, locale) : id;
  };
  const date = (month: string | null, info: PeriodInfo): ReportPlanDate => ({
    month,
    text: month ? null : SPECIAL[locale][typeof info.months === 'string' ? info.months : 'unknown'],
    status: info.status,
  });
  const duration = (d: Duration): ReportPlanDuration => ({
    label: localize(d.label, locale),
    amount: amount(d, locale),
    status: d.status,
  });
  const points = input.projection;
  const ids = Object.keys(points[0]?.dimensions ?? {});
  return {
    asOf: input.asOf,
    items: input.repairPlan.map((i) => ({
      questionId: i.questionId,
      dimensionName: dimensionName(i.dimensionId),
      recordType: localize(i.recordTypeLabel, locale),
      decided: i.decided,
      tier: i.tier === 'none' ? null : localize(i.tierLabel, locale),
      earliestRepair: date(i.earliestRepair, i.earliestRepairPeriod),
      automaticEnd: date(i.automaticEnd, i.automaticEndPeriod),
      channel: localize(i.channel.text, locale),
      documents: i.documents.map((d) => localize(d, locale)),
      processing: i.processing.map(duration),
      deadlines: i.deadlines.map(duration),
      repairPossibleNow: i.repairPossibleNow,
    })),
    projection: {
      months: points.map((p) => p.month),
      overall: points.map((p) => p.overall),
      dimensions: ids
        .map((id) => ({ id, values: points.map((p) => p.dimensions[id] ?? null) }))
        .filter((d) => new Set(d.values).size > 1)
        .map((d) => ({ code: dimensions.get(d.id)?.code ?? d.id, name: dimensionName(d.id), values: d.values })),
    },
  };
}
