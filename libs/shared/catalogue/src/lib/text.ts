import { z } from 'zod';
import { UNTRANSLATED_MARK, attachedTranslation } from './translation';

/** The languages every catalogue text must have. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
/**
 * The languages a catalogue can be read in: the two every text has, plus Simplified Chinese, which a published
 * version gains through its translation file (`data/<version>/i18n/zh.yaml`) without changing its content or checksum.
 */
export const READ_LOCALES = ['en', 'de', 'zh'] as const;
export type ReadLocale = (typeof READ_LOCALES)[number];

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const textSchema = z.strictObject({ en: nonEmpty, de: nonEmpty });
/** Bilingual text that may also carry the Chinese original (names of authorities, portals, schemes, laws). */
export const textZhSchema = z.strictObject({ en: nonEmpty, de: nonEmpty, zh: nonEmpty.optional() });
/** A list of steps in both languages; both lists have the same length so steps correspond. */
export const stepsSchema = z
  .strictObject({ en: z.array(nonEmpty).min(1), de: z.array(nonEmpty).min(1) })
  .refine((s) => s.en.length === s.de.length, {
    message: 'en and de must have the same number of steps',
    path: ['de'],
  });

export type Text = z.infer<typeof textSchema>;

/**
 * A text in both languages, for definitions shared by API and web (profile fields, research tables and codebook).
 * Server-only texts (errors, mails, labels the API builds) live in the API's message catalogue instead.
 */
export const bilingual = (en: string, de: string): Text => ({ en, de });
export type TextZh = z.infer<typeof textZhSchema>;
/** English, German and Simplified Chinese. */
export const trilingual = (en: string, de: string, zh: string): TextZh => ({ en, de, zh });
export type Steps = z.infer<typeof stepsSchema>;

/**
 * The text in `locale`, with the version's translation file applied where one is attached (attachTranslations):
 * German and English as written (German corrected by `i18n/de.yaml`); Chinese from `i18n/zh.yaml`, else the Chinese
 * original of a name, else English behind UNTRANSLATED_MARK (a label that reads the same in every language unmarked).
 */
export function localize(text: Text | TextZh, locale: ReadLocale): string;
export function localize(text: Steps, locale: ReadLocale): string[];
export function localize(text: Text | TextZh | Steps, locale: ReadLocale): string | string[] {
  const attached = attachedTranslation(text, locale);
  if (attached !== undefined) return typeof attached === 'string' ? attached : [...attached];
  if (locale !== 'zh') return text[locale];
  if ('zh' in text && typeof text.zh === 'string') return text.zh;
  if (JSON.stringify(text.en) === JSON.stringify(text.de)) return text.en;
  return Array.isArray(text.en) ? text.en.map((s) => UNTRANSLATED_MARK + s) : UNTRANSLATED_MARK + text.en;
}

/**
 * Picks a readable locale from an explicit choice or an Accept-Language header (zh, zh-CN, zh-Hans … choose Chinese);
 * English when nothing matches.
 */
export function negotiateLocale(explicit: string | undefined, acceptLanguage: string | undefined): ReadLocale {
  if (explicit && (READ_LOCALES as readonly string[]).includes(explicit)) return explicit as ReadLocale;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const hit = ranked.find((r) => (READ_LOCALES as readonly string[]).includes(r.lang));
  return (hit?.lang as ReadLocale | undefined) ?? 'en';
}
