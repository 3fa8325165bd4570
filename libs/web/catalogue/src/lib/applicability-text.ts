import {
  PROFILE_FIELDS,
  localize,
  type ApplicabilityRule,
  type ReadLocale,
  type ProfileFieldDefinition,
} from '@scs/shared/catalogue';

const WORDS = {
  en: {
    and: ' and ',
    or: ' or ',
    not: 'not: ',
    yes: 'yes',
    no: 'no',
    includes: 'includes',
    oneOf: 'is',
    atMost: 'at most',
    atLeast: 'at least',
  },
  de: {
    and: ' und ',
    or: ' oder ',
    not: 'nicht: ',
    yes: 'ja',
    no: 'nein',
    includes: 'umfasst',
    oneOf: 'ist',
    atMost: 'höchstens',
    atLeast: 'mindestens',
  },
  zh: {
    and: '且',
    or: '或',
    not: '非：',
    yes: '是',
    no: '否',
    includes: '包括',
    oneOf: '为',
    atMost: '不超过',
    atLeast: '不少于',
  },
} as const;

function valueLabel(def: ProfileFieldDefinition, value: unknown, lang: ReadLocale): string {
  if (def.kind === 'enum') {
    const label = def.valueLabels[String(value)];
    return label ? localize(label, lang) : String(value);
  }
  if (def.kind === 'boolean') return value === true ? WORDS[lang].yes : WORDS[lang].no;
  return String(value);
}

/** A readable sentence for an applicability rule, from the profile field labels (e.g. "Activities includes Manufacturing"). */
export function describeRule(rule: ApplicabilityRule, lang: ReadLocale): string {
  const w = WORDS[lang];
  if ('all' in rule) return rule.all.map((r) => wrap(r, lang)).join(w.and);
  if ('any' in rule) return rule.any.map((r) => wrap(r, lang)).join(w.or);
  if ('not' in rule) return w.not + wrap(rule.not, lang);
  const def = PROFILE_FIELDS[rule.field] as ProfileFieldDefinition;
  const field = localize(def.label, lang);
  if ('equals' in rule)
    return def.kind === 'boolean'
      ? `${field}: ${valueLabel(def, rule.equals, lang)}`
      : `${field} ${w.oneOf} ${valueLabel(def, rule.equals, lang)}`;
  if ('in' in rule) return `${field} ${w.oneOf} ${rule.in.map((v) => valueLabel(def, v, lang)).join(w.or)}`;
  if ('includes' in rule) return `${field} ${w.includes} ${valueLabel(def, rule.includes, lang)}`;
  if ('includesAny' in rule)
    return `${field} ${w.includes} ${rule.includesAny.map((v) => valueLabel(def, v, lang)).join(w.or)}`;
  if ('lte' in rule) return `${field} ${w.atMost} ${rule.lte}`;
  return `${field} ${w.atLeast} ${rule.gte}`;
}

function wrap(rule: ApplicabilityRule, lang: ReadLocale): string {
  const text = describeRule(rule, lang);
  return 'all' in rule || 'any' in rule ? `(${text})` : text;
}
