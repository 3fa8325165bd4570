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

export const weightSchema = z.enum(WEIGHTS);
export const severitySchema = z.enum(SEVERITIES);

const weightsSchema = z
  .strictObject({ high: z.number().positive(), medium: z.number().positive(), low: z.number().positive() })
  .refine((w) => w.high >= w.medium && w.medium >= w.low, 'weights must satisfy high >= medium >= low');

const levelSchema = z.strictObject({ id: z.enum(LEVEL_IDS), max: z.int().min(0).max(100), label: textSchema });
const levelsSchema = z.array(levelSchema).superRefine((levels, ctx) => {
  const ids = levels.map((l) => l.id).join(',');
  if (ids !== LEVEL_IDS.join(',')) ctx.addIssue({ code: 'custom', message: `levels must be ${LEVEL_IDS.join(', ')} in this order, got ${ids}` });
  levels.forEach((l, i) => {
    const previous = levels[i - 1];
    if (previous && l.max <= previous.max) ctx.addIssue({ code: 'custom', message: 'max must increase from level to level', path: [i, 'max'] });
  });
  if (levels.at(-1)?.max !== 100) ctx.addIssue({ code: 'custom', message: 'the last level must end at 100', path: [levels.length - 1, 'max'] });
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

export const repairSchema = z
  .strictObject({ path: textSchema, minMonths: z.int().min(0).optional(), maxMonths: z.int().min(0).optional(), status })
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
    finding: findingSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.exposure > 0 && !o.finding) ctx.addIssue({ code: 'custom', message: 'an option with exposure > 0 needs a finding', path: ['finding'] });
    if (o.exposure === 0 && o.finding) ctx.addIssue({ code: 'custom', message: 'an option with exposure 0 must not have a finding (it would never be shown)', path: ['finding'] });
    if (o.knockOut && o.exposure === 0) ctx.addIssue({ code: 'custom', message: 'a knock-out option needs exposure > 0', path: ['knockOut'] });
    if (o.knockOut && o.finding && o.finding.severity !== 'critical') {
      ctx.addIssue({ code: 'custom', message: 'the finding of a knock-out option must have severity critical', path: ['finding', 'severity'] });
    }
  });

export const dontKnowSchema = z.strictObject({ exposure, verify: textSchema });

export const questionSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z][0-9]{1,2}$/, 'must match ^[A-Z][0-9]{1,2}$ (e.g. T1)'),
    dimension: z.string(),
    weight: z.enum(WEIGHTS, { error: `weight must be one of ${WEIGHTS.join(', ')}` }),
    applicability: applicabilityRuleSchema.optional(),
    text: textSchema,
    help: textSchema,
    portals: z.array(z.string()).optional(),
    references: z.array(z.string()).min(1, 'at least one reference'),
    dontKnow: dontKnowSchema.optional(),
    options: z.array(optionSchema).min(2, 'at least two options'),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.options.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', message: `duplicate option id "${o.id}"`, path: ['options', i, 'id'] });
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
        ctx.addIssue({ code: 'custom', message: `dontKnow exposure must be below the knock-out options' ${threshold}`, path: ['dontKnow', 'exposure'] });
      }
    }
  });

export const catalogueSchema = z.strictObject({
  version: z.string().regex(/^[0-9]{4}\.[0-9]+$/, 'must look like 2026.1'),
  effectiveFrom: isoDate,
  title: textSchema,
  weights: weightsSchema,
  levels: levelsSchema,
  severities: severitiesSchema,
  portals: z.array(portalSchema),
  dimensions: z.array(dimensionSchema).min(1),
  references: z.array(referenceSchema),
  questions: z.array(questionSchema).min(1),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
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
