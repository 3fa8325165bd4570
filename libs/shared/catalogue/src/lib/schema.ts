import { z } from 'zod';
import { applicabilityRuleSchema } from './applicability';
import { stepsSchema, textSchema, textZhSchema } from './text';

// The authority for the catalogue format; docs/catalogue-format.md explains it. Checks that need the whole
// catalogue (ids that must exist elsewhere, duplicates across files) live in validate.ts.

export const WEIGHTS = ['high', 'medium', 'low'] as const;
export const LEVEL_IDS = ['low', 'moderate', 'high', 'critical'] as const;
/** Most severe first: the order findings are reported in. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const DONT_KNOW = 'dont_know';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9 and single hyphens)');
// YAML 1.2 keeps an unquoted 2026-04-01 a string; a YAML 1.1 parser would give a Date, so accept both.
const isoDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date());
const status = z.enum(['confirmed', 'unconfirmed']);
const exposure = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** Tier id of an untiered record type (its only tier). */
export const NO_TIER = 'none';
/** The states of one dated adverse record, as a firm reports it. */
export const RECORD_STATUSES = ['open', 'repair_applied', 'repaired', 'removed', 'ended'] as const;
/**
 * Period values that are not a number of months:
 * - `on-fulfilment`: as soon as the legal obligations are fulfilled (e.g. repair of minor information);
 * - `any-time`: at any time after the cause is cured (e.g. removal from the abnormal operations list);
 * - `not-needed`: no application needed (the record ends by itself);
 * - `never`: no automatic end (the record stays until removed, e.g. until performance);
 * - `next-rating`: with the next periodic rating (tax grade);
 * - `unknown`: not found in the sources (status must be unconfirmed).
 */
export const PERIOD_SPECIALS = ['on-fulfilment', 'any-time', 'not-needed', 'never', 'next-rating', 'unknown'] as const;

export const weightSchema = z.enum(WEIGHTS);
export const severitySchema = z.enum(SEVERITIES);

const weightsSchema = z
  .strictObject({ high: z.number().positive(), medium: z.number().positive(), low: z.number().positive() })
  .refine((w) => w.high >= w.medium && w.medium >= w.low, 'weights must satisfy high >= medium >= low');

const levelSchema = z.strictObject({ id: z.enum(LEVEL_IDS), max: z.int().min(0).max(100), label: textSchema });
const levelsSchema = z.array(levelSchema).superRefine((levels, ctx) => {
  const ids = levels.map((l) => l.id).join(',');
  if (ids !== LEVEL_IDS.join(','))
    ctx.addIssue({ code: 'custom', message: `levels must be ${LEVEL_IDS.join(', ')} in this order, got ${ids}` });
  levels.forEach((l, i) => {
    const previous = levels[i - 1];
    if (previous && l.max <= previous.max)
      ctx.addIssue({ code: 'custom', message: 'max must increase from level to level', path: [i, 'max'] });
  });
  if (levels.at(-1)?.max !== 100)
    ctx.addIssue({ code: 'custom', message: 'the last level must end at 100', path: [levels.length - 1, 'max'] });
});

const severitiesSchema = z.array(z.strictObject({ id: severitySchema, label: textSchema })).superRefine((list, ctx) => {
  for (const id of SEVERITIES) {
    if (!list.some((s) => s.id === id)) ctx.addIssue({ code: 'custom', message: `severity "${id}" is missing` });
  }
});

export const portalSchema = z.strictObject({
  id: slug,
  name: textZhSchema,
  url: z.url({ protocol: /^https?$/ }),
  checks: textSchema,
});

export const dimensionSchema = z.strictObject({
  id: slug,
  code: z.string().regex(/^D[0-9]{1,2}$/, 'must look like D1 .. D99'),
  weight: z.number().gt(0, 'must be > 0').max(2, 'must be <= 2'),
  name: textZhSchema,
  explanation: textSchema,
  authority: textZhSchema,
  scheme: textZhSchema,
  consequences: textSchema,
  incentives: textSchema,
  counterpart: z.strictObject({ name: textSchema, similar: textSchema, difference: textSchema, status }),
  references: z.array(z.string()),
});

export const referenceSchema = z.strictObject({
  id: slug,
  title: textZhSchema,
  authority: textZhSchema,
  number: z.string().optional(),
  year: z.int().min(1949).max(2100),
  effectiveDate: isoDate.optional(),
  supersededBy: z.string().nullable().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  status,
  note: textSchema.optional(),
});

const refIds = (what: string) => z.array(z.string()).min(1, `${what} needs at least one basis reference`);

/** A legal period with its basis (reference ids) and status; periods live only in the catalogue data, never in code. */
export const periodSchema = z
  .strictObject({
    months: z.union([z.int().min(0).max(120), z.enum(PERIOD_SPECIALS)], {
      error: `months must be a whole number of months (0..120) or one of ${PERIOD_SPECIALS.join(', ')}`,
    }),
    basis: refIds('a period'),
    status,
    note: textSchema.optional(),
  })
  .refine((p) => p.months !== 'unknown' || p.status === 'unconfirmed', {
    message: 'an unknown period must have status unconfirmed',
    path: ['status'],
  });

/** A processing time or a deadline: working days or calendar days, with basis and status. */
export const durationSchema = z
  .strictObject({
    label: textSchema,
    workingDays: z.int().min(0).optional(),
    days: z.int().min(0).optional(),
    basis: refIds('a processing time or deadline'),
    status,
  })
  .refine((d) => (d.workingDays === undefined) !== (d.days === undefined), {
    message: 'give exactly one of workingDays or days',
    path: ['workingDays'],
  });

export const recordTierSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'must match ^[a-z0-9_]+$'),
  label: textSchema,
  /** What falls into this tier (examples from the basis). */
  examples: textSchema.optional(),
  /** false: records of this tier are not published at all (e.g. SAMR warnings). Default true. */
  published: z.boolean().optional(),
  /** Earliest moment a repair (or early removal) can be applied for, counted from the decision date. */
  repairFrom: periodSchema,
  /** Automatic end of publication / listing, counted from the decision date. */
  endsAfter: periodSchema,
});

/** An adverse record type (penalty publication, list entry, grade): tiers, periods, channel, documents. */
export const recordTypeSchema = z
  .strictObject({
    id: slug,
    label: textZhSchema,
    description: textSchema.optional(),
    /** Least severe first. An untiered type has exactly one tier with id "none". */
    tiers: z.array(recordTierSchema).min(1, 'at least one tier ("none" for an untiered record type)'),
    channel: z.strictObject({ portal: z.string().optional(), text: textSchema }),
    documents: z.array(textSchema),
    processing: z.array(durationSchema),
    /** Deadlines for the firm itself (e.g. remove a listed director within 30 days). */
    deadlines: z.array(durationSchema).optional(),
    endedEarlyBy: textSchema,
    references: z.array(z.string()).min(1, 'at least one reference'),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.tiers.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.addIssue({ code: 'custom', message: `duplicate tier id "${t.id}"`, path: ['tiers', i, 'id'] });
      seen.add(t.id);
      if (t.id === NO_TIER && r.tiers.length > 1)
        ctx.addIssue({ code: 'custom', message: `tier "${NO_TIER}" must be the only tier`, path: ['tiers', i, 'id'] });
    });
  });

/** One step of "where to check", in order: the first is the check to do first. */
export const checkStepSchema = z
  .strictObject({ portal: z.string().optional(), text: textSchema.optional() })
  .refine((s) => s.portal !== undefined || s.text !== undefined, { message: 'a check step needs a portal or a text' });

/** The legal basis of a number in an option (threshold, period), so an unconfirmed number is shown as such. */
export const thresholdSchema = z.strictObject({ basis: refIds('a threshold'), status, note: textSchema.optional() });

export const repairSchema = z
  .strictObject({
    path: textSchema,
    minMonths: z.int().min(0).optional(),
    maxMonths: z.int().min(0).optional(),
    status,
  })
  .refine((r) => r.minMonths === undefined || r.maxMonths === undefined || r.minMonths <= r.maxMonths, {
    message: 'minMonths must not exceed maxMonths',
    path: ['maxMonths'],
  });

export const findingSchema = z.strictObject({
  severity: severitySchema,
  title: textSchema,
  meaning: textSchema,
  consequences: textSchema,
  remediation: stepsSchema,
  repair: repairSchema.optional(),
});

export const optionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9_]+$/, 'must match ^[a-z0-9_]+$')
      .refine((id) => id !== DONT_KNOW, `"${DONT_KNOW}" is reserved for the don't-know answer`),
    label: textSchema,
    exposure,
    knockOut: z.boolean().optional(),
    /** This answer means an adverse record of this type exists; it may be detailed by dated records. */
    record: z.string().optional(),
    /**
     * The tiers of the record type this option stands for (explicit mapping of dated records to an answer); without
     * it the tiers are spread over the marked options (see scoring).
     */
    recordTiers: z.array(z.string()).min(1).optional(),
    /** Basis and status of the numbers in this option's label. */
    threshold: thresholdSchema.optional(),
    finding: findingSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.recordTiers && !o.record)
      ctx.addIssue({ code: 'custom', message: 'recordTiers needs record', path: ['recordTiers'] });
    if (o.exposure > 0 && !o.finding)
      ctx.addIssue({ code: 'custom', message: 'an option with exposure > 0 needs a finding', path: ['finding'] });
    if (o.exposure === 0 && o.finding)
      ctx.addIssue({
        code: 'custom',
        message: 'an option with exposure 0 must not have a finding (it would never be shown)',
        path: ['finding'],
      });
    if (o.record && o.exposure === 0)
      ctx.addIssue({ code: 'custom', message: 'an option with a record type needs exposure > 0', path: ['record'] });
    if (o.knockOut && o.exposure === 0)
      ctx.addIssue({ code: 'custom', message: 'a knock-out option needs exposure > 0', path: ['knockOut'] });
    if (o.knockOut && o.finding && o.finding.severity !== 'critical') {
      ctx.addIssue({
        code: 'custom',
        message: 'the finding of a knock-out option must have severity critical',
        path: ['finding', 'severity'],
      });
    }
  });

export const dontKnowSchema = z.strictObject({ exposure, verify: textSchema });

export const questionSchema = z
  .strictObject({
    // From 2026.2 on, validate.ts also rejects ids of the form D<digits> (they could equal a dimension code).
    id: z.string().regex(/^[A-Z][0-9]{1,2}$/, 'must match ^[A-Z][0-9]{1,2}$ (e.g. T1)'),
    dimension: z.string(),
    weight: z.enum(WEIGHTS, { error: `weight must be one of ${WEIGHTS.join(', ')}` }),
    applicability: applicabilityRuleSchema.optional(),
    text: textSchema,
    help: textSchema,
    portals: z.array(z.string()).optional(),
    /** Where to check the fact, first check first (required for factual questions from 2026.2). */
    whereToCheck: z.array(checkStepSchema).min(1).optional(),
    references: z.array(z.string()).min(1, 'at least one reference'),
    /** The question may be answered with dated records of this record type. */
    record: z.string().optional(),
    dontKnow: dontKnowSchema.optional(),
    options: z.array(optionSchema).min(2, 'at least two options'),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.options.forEach((o, i) => {
      if (seen.has(o.id))
        ctx.addIssue({ code: 'custom', message: `duplicate option id "${o.id}"`, path: ['options', i, 'id'] });
      seen.add(o.id);
    });
    const exposures = q.options.map((o) => o.exposure);
    const min = Math.min(...exposures);
    const max = Math.max(...exposures);
    if (q.dontKnow && q.dontKnow.exposure < (min + max) / 2) {
      ctx.addIssue({
        code: 'custom',
        message: `dontKnow exposure ${q.dontKnow.exposure} is below the midpoint ${(min + max) / 2} of the options' exposures`,
        path: ['dontKnow', 'exposure'],
      });
    }
    // Scoring is monotone only if no answer riskier than a knock-out answer escapes the knock-out.
    const knockOuts = q.options.filter((o) => o.knockOut).map((o) => o.exposure);
    if (knockOuts.length) {
      const threshold = Math.min(...knockOuts);
      q.options.forEach((o, i) => {
        if (!o.knockOut && o.exposure >= threshold) {
          ctx.addIssue({
            code: 'custom',
            message: `option has exposure ${o.exposure} >= a knock-out option's ${threshold} but is not a knock-out`,
            path: ['options', i, 'knockOut'],
          });
        }
      });
      if (q.dontKnow && q.dontKnow.exposure >= threshold) {
        ctx.addIssue({
          code: 'custom',
          message: `dontKnow exposure must be below the knock-out options' ${threshold}`,
          path: ['dontKnow', 'exposure'],
        });
      }
    }
  });

/**
 * Old (previousVersion) question ids mapped to new ones. A plain string renames the question only;
 * `{ to, options }` also renames options (old option id → new option id); `to: null` means removed without successor.
 */
export const idMapSchema = z.record(
  z.string(),
  z.union([
    z.string(),
    z.strictObject({
      to: z.string().nullable(),
      options: z.record(z.string(), z.string()).optional(),
      note: textSchema.optional(),
    }),
  ]),
);

export const catalogueSchema = z.strictObject({
  version: z.string().regex(/^[0-9]{4}\.[0-9]+$/, 'must look like 2026.1'),
  effectiveFrom: isoDate,
  title: textSchema,
  /** The version this one replaces; with idMap, answers carry over on re-assessment and in diffs. */
  previousVersion: z
    .string()
    .regex(/^[0-9]{4}\.[0-9]+$/, 'must look like 2026.1')
    .optional(),
  idMap: idMapSchema.optional(),
  weights: weightsSchema,
  levels: levelsSchema,
  severities: severitiesSchema,
  portals: z.array(portalSchema),
  dimensions: z.array(dimensionSchema).min(1),
  references: z.array(referenceSchema),
  questions: z.array(questionSchema).min(1),
  recordTypes: z.array(recordTypeSchema).optional(),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type RecordType = z.infer<typeof recordTypeSchema>;
export type RecordTier = z.infer<typeof recordTierSchema>;
export type Period = z.infer<typeof periodSchema>;
export type PeriodSpecial = (typeof PERIOD_SPECIALS)[number];
export type Duration = z.infer<typeof durationSchema>;
export type CheckStep = z.infer<typeof checkStepSchema>;
export type Threshold = z.infer<typeof thresholdSchema>;
export type IdMap = z.infer<typeof idMapSchema>;
export type IdMapEntry = IdMap[string];
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type Dimension = z.infer<typeof dimensionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Option = z.infer<typeof optionSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Repair = z.infer<typeof repairSchema>;
export type DontKnow = z.infer<typeof dontKnowSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Portal = z.infer<typeof portalSchema>;
export type Level = z.infer<typeof levelSchema>;
export type LevelId = (typeof LEVEL_IDS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Weight = (typeof WEIGHTS)[number];
