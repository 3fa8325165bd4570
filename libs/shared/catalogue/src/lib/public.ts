import type { ApplicabilityRule } from './applicability';
import type { Catalogue } from './schema';
import type { ReadLocale } from './text';
import { translatedText, type Translations } from './translation';

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

export type PublicCatalogue = Localized<Catalogue> & { locale: ReadLocale };

const TEXT_KEYS = new Set(['en', 'de', 'zh']);
function isText(v: unknown): v is { en: string | string[]; de: string | string[]; zh?: string } {
  // (every catalogue text has en and de; the schema makes sure)
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    'en' in v &&
    Object.keys(v).every((k) => TEXT_KEYS.has(k))
  );
}

function localizeDeep(value: unknown, locale: ReadLocale, texts: Translations | undefined, path: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      const id = v !== null && typeof v === 'object' && 'id' in v && typeof v.id === 'string' ? v.id : String(i);
      const at = path ? `${path}.${id}` : id;
      // A text that is itself a list item (the documents of a record type) is a string too, not an { en, de } object.
      return isText(v) ? translatedText(v, at, locale, texts) : localizeDeep(v, locale, texts, at);
    });
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isText(v)) {
      out[key] = translatedText(v, at, locale, texts);
      // The Chinese original beside a German or English name; in Chinese it is the text itself.
      if (typeof v.zh === 'string' && locale !== 'zh') out[`${key}Zh`] = v.zh;
    } else {
      out[key] = localizeDeep(v, locale, texts, at);
    }
  }
  return out;
}

/**
 * The catalogue in one language, as served to clients that asked for that language. `texts` is the version's
 * translation file for that language (`zh`: the Chinese texts; `de`: German corrections); Chinese texts it lacks
 * are English with UNTRANSLATED_MARK in front.
 */
export function toPublicCatalogue(catalogue: Catalogue, locale: ReadLocale, texts?: Translations): PublicCatalogue {
  return { ...(localizeDeep(catalogue, locale, texts, '') as Localized<Catalogue>), locale };
}

/** One part of a catalogue (an option's finding, a question) in one language, as toPublicCatalogue localizes it (no file applied). */
export function localizePart<T>(part: T, locale: ReadLocale): Localized<T> {
  return localizeDeep(part, locale, undefined, '') as Localized<T>;
}
