import { z } from 'zod';
import {
  PROFILE_FIELDS,
  profileValue,
  type FirmProfile,
  type ProfileField,
  type ProfileFieldDefinition,
} from './profile';

/** Applicability rule over firm-profile fields (see docs/catalogue-format.md). */
export type ApplicabilityRule =
  | { all: ApplicabilityRule[] }
  | { any: ApplicabilityRule[] }
  | { not: ApplicabilityRule }
  | { field: ProfileField; equals: boolean | string | number }
  | { field: ProfileField; in: (string | number)[] }
  | { field: ProfileField; includes: string }
  | { field: ProfileField; includesAny: string[] }
  | { field: ProfileField; lte: number }
  | { field: ProfileField; gte: number };

const COMBINATORS = ['all', 'any', 'not'] as const;
const OPERATORS = ['equals', 'in', 'includes', 'includesAny', 'lte', 'gte'] as const;
type Operator = (typeof OPERATORS)[number];

const scalar = z.union([z.boolean(), z.string(), z.number()]);

// Which operators each kind of field supports.
function operatorsFor(def: ProfileFieldDefinition): readonly Operator[] {
  if (def.kind === 'boolean') return ['equals'];
  if (def.kind === 'integer') return ['equals', 'in', 'lte', 'gte'];
  return def.multi ? ['includes', 'includesAny'] : ['equals', 'in'];
}

function valueProblem(def: ProfileFieldDefinition, value: unknown): string | undefined {
  switch (def.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, got ${JSON.stringify(value)}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
        ? undefined
        : `must be an integer, got ${JSON.stringify(value)}`;
    case 'enum':
      return typeof value === 'string' && def.values.includes(value)
        ? undefined
        : `${JSON.stringify(value)} is not an allowed value (allowed: ${def.values.join(', ')})`;
  }
}

type RawRule = Partial<Record<(typeof COMBINATORS)[number] | Operator | 'field', unknown>>;

function checkRule(rule: RawRule, ctx: z.RefinementCtx): void {
  const combinators = COMBINATORS.filter((k) => rule[k] !== undefined);
  const operators = OPERATORS.filter((k) => rule[k] !== undefined);
  const shape =
    'a rule is { all: [...] }, { any: [...] }, { not: rule } or { field, <one of equals|in|includes|includesAny|lte|gte> }';
  if (
    combinators.length + (rule.field !== undefined ? 1 : 0) !== 1 ||
    (combinators.length === 1 && operators.length > 0)
  ) {
    ctx.addIssue({ code: 'custom', message: shape });
    return;
  }
  if (combinators.length === 1) return;
  const field = rule.field as string;
  if (operators.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: `${shape}; found ${operators.length} operators`,
      path: operators.length ? [operators[1] as string] : [],
    });
    return;
  }
  const op = operators[0] as Operator;
  const def = (PROFILE_FIELDS as Record<string, ProfileFieldDefinition>)[field];
  if (!def) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown profile field "${field}" (known: ${Object.keys(PROFILE_FIELDS).join(', ')})`,
      path: ['field'],
    });
    return;
  }
  const allowed = operatorsFor(def);
  if (!allowed.includes(op)) {
    ctx.addIssue({
      code: 'custom',
      message: `operator "${op}" does not apply to field "${field}" (use ${allowed.join(' or ')})`,
      path: [op],
    });
    return;
  }
  const value = rule[op];
  const values = op === 'in' || op === 'includesAny' ? (value as unknown[]) : [value];
  values.forEach((v, i) => {
    const problem = valueProblem(def, v);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `${field}: ${problem}`,
        path: op === 'in' || op === 'includesAny' ? [op, i] : [op],
      });
  });
}

const ruleSchema: z.ZodType<unknown> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ruleSchema).min(1).optional(),
      any: z.array(ruleSchema).min(1).optional(),
      not: ruleSchema.optional(),
      field: z.string().optional(),
      equals: scalar.optional(),
      in: z.array(scalar).min(1).optional(),
      includes: z.string().optional(),
      includesAny: z.array(z.string()).min(1).optional(),
      lte: z.number().optional(),
      gte: z.number().optional(),
    })
    .superRefine(checkRule),
);

/** Validates the shape of a rule and that every field and value exists in PROFILE_FIELDS. */
export const applicabilityRuleSchema = ruleSchema as z.ZodType<ApplicabilityRule>;

/** True when the rule holds for the profile; no rule means the question applies to every firm. */
export function isApplicable(rule: ApplicabilityRule | undefined, profile: FirmProfile): boolean {
  if (!rule) return true;
  if ('all' in rule) return rule.all.every((r) => isApplicable(r, profile));
  if ('any' in rule) return rule.any.some((r) => isApplicable(r, profile));
  if ('not' in rule) return !isApplicable(rule.not, profile);
  const value = profileValue(profile, rule.field);
  if ('equals' in rule) return value === rule.equals;
  if ('in' in rule) return rule.in.includes(value as string | number);
  if ('includes' in rule) return Array.isArray(value) && value.includes(rule.includes);
  if ('includesAny' in rule) return Array.isArray(value) && rule.includesAny.some((v) => value.includes(v));
  if ('lte' in rule) return typeof value === 'number' && value <= rule.lte;
  return typeof value === 'number' && value >= rule.gte;
}
