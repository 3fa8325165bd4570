import type { ApplicabilityRule } from './applicability';
import type { Catalogue } from './schema';
import type { Locale } from './text';

type ZhSiblings<T> = {
  [K in keyof T as NonNullable<T[K]> extends { en: string; de: string }
    ? 'zh' extends keyof NonNullable<T[K]>
      ? `${K & string}Zh`
      : never
    : never]?: string;
};

/** T with every bilingual text replaced by the string of one language; a Chinese original `x.zh` becomes `xZh`. */
export type Localized<T> = T extends { en: string[]; de: string[] }
  ? string[]
  : T extends { en: string; de: string }
    ? string
    : T extends ApplicabilityRule
      ? T
      : T extends readonly (infer U)[]
        ? Localized<U>[]
        : T extends object
          ? { [K in keyof T]: Localized<T[K]> } & ZhSiblings<T>
          : T;

export type PublicCatalogue = Localized<Catalogue> & { locale: Locale };

const TEXT_KEYS = new Set(['en', 'de', 'zh']);
function isText(v: unknown): v is { en: string | string[]; de: string | string[]; zh?: string } {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    'en' in v &&
    Object.keys(v).every((k) => TEXT_KEYS.has(k))
  );
}

function localizeDeep(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localizeDeep(v, locale));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (isText(v)) {
      out[key] = v[locale] ?? v.en;
      if (typeof v.zh === 'string') out[`${key}Zh`] = v.zh;
    } else {
      out[key] = localizeDeep(v, locale);
    }
  }
  return out;
}

/** The catalogue in one language, as served to clients that asked for that language. */
export function toPublicCatalogue(catalogue: Catalogue, locale: Locale): PublicCatalogue {
  return { ...(localizeDeep(catalogue, locale) as Localized<Catalogue>), locale };
}
