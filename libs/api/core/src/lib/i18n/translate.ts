import MessageFormat from '@messageformat/core';
import de from './messages/de';
import en from './messages/en';
import zh from './messages/zh';

/**
 * Server-side text: one catalogue of keyed ICU MessageFormat messages per language (messages/<locale>.ts), the
 * same ICU syntax the web app formats with intl-messageformat (its i18n spec checks every web text against this
 * engine). English is the reference and the fallback: a key a language lacks is shown in English. A third
 * language = messages/<locale>.ts, in LOCALES and SOURCES (zh: Simplified Chinese, every key, like German).
 */
export const LOCALES = ['en', 'de', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type MessageKey = keyof typeof en;

/** Text that comes in several languages already (catalogue texts, profile labels): the parameter picks its locale. */
export type LocalisedText = { readonly en: string } & { readonly [locale: string]: string | undefined };
export type MessageParam = string | number | Date | LocalisedText | readonly (string | LocalisedText)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

type Compiled = (params: Record<string, unknown>) => string;
export type Catalogue = Readonly<Record<string, string>>;

const SOURCES: Record<Locale, Catalogue> = { en, de, zh };

/** Compiles every message of every language (a syntax error fails at start-up, not when the message is first shown). */
export function compileCatalogues(sources: Readonly<Record<string, Catalogue>>): Map<string, Map<string, Compiled>> {
  const out = new Map<string, Map<string, Compiled>>();
  for (const [locale, messages] of Object.entries(sources)) {
    const mf = new MessageFormat(locale);
    const compiled = new Map<string, Compiled>();
    for (const [key, text] of Object.entries(messages)) {
      try {
        compiled.set(key, mf.compile(text) as Compiled);
      } catch (e) {
        throw new Error(`messages/${locale}.ts: "${key}" is not a valid ICU message: ${(e as Error).message}`);
      }
    }
    out.set(locale, compiled);
  }
  return out;
}

/** A translator over compiled catalogues, falling back to `fallback` for missing keys. */
export function translator(compiled: Map<string, Map<string, Compiled>>, fallback: string = DEFAULT_LOCALE) {
  return (key: string, params: MessageParams = {}, locale: string = fallback): string => {
    const fn = compiled.get(locale)?.get(key) ?? compiled.get(fallback)?.get(key);
    if (!fn) throw new Error(`No message "${key}"`);
    return fn(resolveParams(params, locale));
  };
}

function pick(text: LocalisedText, locale: string): string {
  return text[locale] ?? text.en;
}

/** Localised texts pick their language; lists are joined with commas ("WFOE, Joint Venture, Repräsentanz"). */
function resolveParams(params: MessageParams, locale: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) out[name] = value.map((v) => (typeof v === 'string' ? v : pick(v, locale))).join(', ');
    else if (typeof value === 'object' && !(value instanceof Date)) out[name] = pick(value as LocalisedText, locale);
    else out[name] = value;
  }
  return out;
}

const translateAny = translator(compileCatalogues(SOURCES));

/** The message `key` in `locale` (English when the locale or the key in that locale is missing). */
export function translate(key: MessageKey, params: MessageParams = {}, locale: Locale = DEFAULT_LOCALE): string {
  return translateAny(key, params, locale);
}

/** The message in every language, for texts stored or sent bilingually (mails, `{ en, de }` labels). */
export function texts(key: MessageKey, params: MessageParams = {}): Record<Locale, string> {
  return { en: translate(key, params, 'en'), de: translate(key, params, 'de'), zh: translate(key, params, 'zh') };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The catalogues as loaded, for the completeness spec. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = SOURCES;
