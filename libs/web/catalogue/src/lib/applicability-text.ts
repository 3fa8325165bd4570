import {
  PROFILE_FIELDS,
  localize,
  type ApplicabilityRule,
  type ProfileField,
  type ProfileFieldDefinition,
  type ReadLocale,
} from '@scs/shared/catalogue';

/**
 * How a condition on one profile field is put into words, as the clause after "only if" / „nur gefragt, wenn“ /
 * “仅当…时”. Field and value labels are quoted as the profile form shows them: value labels may contain "or" themselves
 * ("Bau oder Montage"), so unquoted lists would be ambiguous.
 */
interface Phrases {
  quote(text: string): string;
  /** "a, b or c" */
  orList(items: string[]): string;
  and: string;
  or: string;
  /** A multiple- or single-choice field: one of the values is selected. */
  selected(field: string, values: string[]): string;
  /** None of the values is selected. */
  notSelected(field: string, values: string[]): string;
  /** A yes/no question of the profile answered with one of the values. */
  answered(field: string, values: string[]): string;
  notAnswered(field: string, values: string[]): string;
  atMost(field: string, n: number): string;
  atLeast(field: string, n: number): string;
  yes: string;
  no: string;
  unknown: string;
}

function westernList(or: string) {
  return (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${or}${items[items.length - 1]}`;
}

const PHRASES: Record<ReadLocale, Phrases> = {
  de: {
    quote: (s) => `„${s}“`,
    orList: westernList(' oder '),
    and: ' und ',
    or: ' oder ',
    selected: (f, v) => `unter ${f} ${PHRASES.de.orList(v)} angegeben ist`,
    notSelected: (f, v) =>
      v.length === 1
        ? `unter ${f} nicht ${v[0]} angegeben ist`
        : `unter ${f} weder ${v.slice(0, -1).join(', ')} noch ${v[v.length - 1]} angegeben ist`,
    answered: (f, v) => `${f} mit ${PHRASES.de.orList(v)} beantwortet ist`,
    notAnswered: (f, v) => `${f} nicht mit ${PHRASES.de.orList(v)} beantwortet ist`,
    atMost: (f, n) => `unter ${f} höchstens ${n} angegeben ist`,
    atLeast: (f, n) => `unter ${f} mindestens ${n} angegeben ist`,
    yes: 'Ja',
    no: 'Nein',
    unknown: 'Weiß nicht',
  },
  en: {
    quote: (s) => `“${s}”`,
    orList: westernList(' or '),
    and: ' and ',
    or: ' or ',
    selected: (f, v) => `${PHRASES.en.orList(v)} is selected under ${f}`,
    notSelected: (f, v) =>
      v.length === 1
        ? `${v[0]} is not selected under ${f}`
        : v.length === 2
          ? `neither ${v[0]} nor ${v[1]} is selected under ${f}`
          : `none of ${PHRASES.en.orList(v)} is selected under ${f}`,
    answered: (f, v) => `${f} is answered ${PHRASES.en.orList(v)}`,
    notAnswered: (f, v) => `${f} is not answered ${PHRASES.en.orList(v)}`,
    atMost: (f, n) => `${f} is at most ${n}`,
    atLeast: (f, n) => `${f} is at least ${n}`,
    yes: 'Yes',
    no: 'No',
    unknown: "Don't know",
  },
  zh: {
    quote: (s) => `“${s}”`,
    orList: (v) => (v.length <= 1 ? (v[0] ?? '') : `${v.slice(0, -1).join('、')}或${v[v.length - 1]}`),
    and: '，并且',
    or: '，或者',
    selected: (f, v) => `${f}中选择了${PHRASES.zh.orList(v)}`,
    notSelected: (f, v) => `${f}中未选择${PHRASES.zh.orList(v)}`,
    answered: (f, v) => `${f}的回答为${PHRASES.zh.orList(v)}`,
    notAnswered: (f, v) => `${f}的回答不是${PHRASES.zh.orList(v)}`,
    atMost: (f, n) => `${f}不超过${n}`,
    atLeast: (f, n) => `${f}不少于${n}`,
    yes: '是',
    no: '否',
    unknown: '不知道',
  },
};

const YES_NO_UNKNOWN = new Set(['yes', 'no', 'unknown']);

/** A yes/no question of the profile: a boolean field, or an enum of yes / no / don't know. */
function isYesNo(def: ProfileFieldDefinition): boolean {
  return def.kind === 'boolean' || (def.kind === 'enum' && def.values.every((v) => YES_NO_UNKNOWN.has(v)));
}

function valueLabel(def: ProfileFieldDefinition, value: unknown, lang: ReadLocale): string {
  const p = PHRASES[lang];
  if (value === true || value === 'yes') return p.yes;
  if (value === false || value === 'no') return p.no;
  if (value === 'unknown' && isYesNo(def)) return p.unknown;
  if (def.kind === 'enum') {
    const label = def.valueLabels[String(value)];
    return label ? localize(label, lang) : String(value);
  }
  return String(value);
}

type Leaf = Exclude<ApplicabilityRule, { all: unknown } | { any: unknown } | { not: unknown }>;

/** The values a leaf accepts, for the fields whose condition is "one of these values" (all but lte/gte). */
function acceptedValues(rule: Leaf): unknown[] | null {
  if ('equals' in rule) return [rule.equals];
  if ('in' in rule) return rule.in;
  if ('includes' in rule) return [rule.includes];
  if ('includesAny' in rule) return rule.includesAny;
  return null;
}

function describeLeaf(rule: Leaf, lang: ReadLocale, negated: boolean): string {
  const p = PHRASES[lang];
  const def = PROFILE_FIELDS[rule.field] as ProfileFieldDefinition;
  const field = p.quote(localize(def.label, lang));
  const values = acceptedValues(rule);
  if (values === null) {
    const bound = 'lte' in rule ? rule.lte : (rule as { gte: number }).gte;
    const atMost = 'lte' in rule !== negated;
    // Integer fields: not (x <= n) is x >= n + 1, not (x >= n) is x <= n - 1.
    const n = negated ? ('lte' in rule ? bound + 1 : bound - 1) : bound;
    return atMost ? p.atMost(field, n) : p.atLeast(field, n);
  }
  if (def.kind === 'boolean' && values.length === 1 && typeof values[0] === 'boolean') {
    // "not: yes" reads better as "answered No".
    const value = negated ? !values[0] : values[0];
    return p.answered(field, [p.quote(valueLabel(def, value, lang))]);
  }
  const labels = values.map((v) => p.quote(valueLabel(def, v, lang)));
  if (isYesNo(def)) return negated ? p.notAnswered(field, labels) : p.answered(field, labels);
  return negated ? p.notSelected(field, labels) : p.selected(field, labels);
}

/**
 * Conditions of an "any" group on the same field merge into one ("Manufacturing or Hazardous chemicals is selected
 * under Activities" rather than the field twice).
 */
function mergeAlternatives(rules: ApplicabilityRule[]): ApplicabilityRule[] {
  const out: ApplicabilityRule[] = [];
  const byField = new Map<ProfileField, { field: ProfileField; values: unknown[]; multi: boolean }>();
  for (const rule of rules) {
    const values = 'field' in rule ? acceptedValues(rule) : null;
    const def = 'field' in rule ? (PROFILE_FIELDS[rule.field] as ProfileFieldDefinition) : null;
    if (!values || !def || def.kind !== 'enum' || !('field' in rule)) {
      out.push(rule);
      continue;
    }
    const seen = byField.get(rule.field);
    if (seen) {
      for (const v of values) if (!seen.values.includes(v)) seen.values.push(v);
      continue;
    }
    const merged = { field: rule.field, values: [...values], multi: def.multi };
    byField.set(rule.field, merged);
    // A placeholder in the original position, filled in below.
    out.push(merged as unknown as ApplicabilityRule);
  }
  return out.map((r) => {
    const m = r as unknown as { field: ProfileField; values?: unknown[]; multi?: boolean };
    if (!m.values) return r;
    return m.multi
      ? { field: m.field, includesAny: m.values as string[] }
      : { field: m.field, in: m.values as (string | number)[] };
  });
}

function describe(rule: ApplicabilityRule, lang: ReadLocale, negated: boolean): string {
  const p = PHRASES[lang];
  if ('not' in rule) return describe(rule.not, lang, !negated);
  if ('all' in rule || 'any' in rule) {
    const isAll = 'all' in rule;
    const parts = isAll ? rule.all : mergeAlternatives(rule.any);
    // not (a and b) = not a or not b; not (a or b) = not a and not b.
    const joiner = isAll !== negated ? p.and : p.or;
    return parts.map((r) => wrap(r, lang, negated)).join(joiner);
  }
  return describeLeaf(rule, lang, negated);
}

function wrap(rule: ApplicabilityRule, lang: ReadLocale, negated: boolean): string {
  let inner = rule;
  let n = negated;
  while ('not' in inner) {
    inner = inner.not;
    n = !n;
  }
  const text = describe(inner, lang, n);
  const group = ('all' in inner && inner.all.length > 1) || ('any' in inner && mergeAlternatives(inner.any).length > 1);
  return group ? `(${text})` : text;
}

/**
 * The condition of an applicability rule as a clause that follows "only if" (en), „nur gefragt, wenn“ (de) or “仅当”
 * (zh), built from the profile form's field and value labels, e.g. „unter „Tätigkeiten“ „Produktion“ oder „Handel
 * (Import/Export)“ angegeben ist“ or "“Bids for government procurement or SOE tenders” is answered Yes".
 */
export function describeRule(rule: ApplicabilityRule, lang: ReadLocale): string {
  return describe(simplify(rule), lang, false);
}

const key = (r: ApplicabilityRule) => JSON.stringify(r);
const unique = (rules: ApplicabilityRule[]) => [...new Map(rules.map((r) => [key(r), r])).values()];

/**
 * The same condition, said once: nested groups of the same kind flattened, repeated conditions dropped, and a condition
 * every alternative shares pulled out ("(A and C) or (B and C)" becomes "(A or B) and C").
 */
function simplify(rule: ApplicabilityRule): ApplicabilityRule {
  if ('not' in rule) return { not: simplify(rule.not) };
  if ('all' in rule) {
    const parts = unique(rule.all.map(simplify).flatMap((r) => ('all' in r ? r.all : [r])));
    return parts.length === 1 ? (parts[0] as ApplicabilityRule) : { all: parts };
  }
  if ('any' in rule) {
    const parts = unique(rule.any.map(simplify).flatMap((r) => ('any' in r ? r.any : [r])));
    if (parts.length === 1) return parts[0] as ApplicabilityRule;
    const conjuncts = parts.map((r) => ('all' in r ? r.all : [r]));
    const shared = (conjuncts[0] ?? []).filter((c) => conjuncts.every((cs) => cs.some((x) => key(x) === key(c))));
    if (shared.length === 0 || conjuncts.some((cs) => cs.length === shared.length)) return { any: parts };
    const sharedKeys = new Set(shared.map(key));
    const rest = conjuncts.map((cs) => {
      const left = cs.filter((c) => !sharedKeys.has(key(c)));
      return left.length === 1 ? (left[0] as ApplicabilityRule) : { all: left };
    });
    return simplify({ all: [{ any: rest }, ...shared] });
  }
  return rule;
}

/** Several rules of which any one suffices (e.g. the questions of one dimension), as one clause. */
export function describeAnyRule(rules: readonly ApplicabilityRule[], lang: ReadLocale): string {
  if (rules.length === 0) return '';
  return describeRule({ any: [...rules] }, lang);
}
