import { DEFAULT_LOCALE, isLocale, type Locale } from './translate';

/**
 * The supported language a client asked for in `Accept-Language` (`de-DE,de;q=0.9,en;q=0.8`): the first supported one
 * by quality, or undefined when it names none (no header, `*`, only other languages).
 */
export function explicitLocale(header: string | string[] | undefined): Locale | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag, ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { lang: (tag ?? '').trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((r) => isLocale(r.lang));
  return found ? (found.lang as Locale) : undefined;
}

/**
 * The language of a request: the web app sends its current UI language as `Accept-Language`; API clients may send
 * any list. The first supported language by quality wins, else `fallback` (the signed-in user's language), else
 * English.
 */
export function localeFromAcceptLanguage(header: string | undefined, fallback?: Locale): Locale {
  return explicitLocale(header) ?? fallback ?? DEFAULT_LOCALE;
}

interface LocaleRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: { locale?: Locale };
}

/**
 * The locale of an incoming request (Express or Fastify: both expose lower-cased `headers`): Accept-Language, else
 * the language the signed-in user last used (set by the access guard as `req.user.locale`), else English.
 */
export function requestLocale(req: LocaleRequest): Locale {
  return explicitLocale(req.headers['accept-language']) ?? req.user?.locale ?? DEFAULT_LOCALE;
}
