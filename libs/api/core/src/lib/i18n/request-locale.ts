import { DEFAULT_LOCALE, isLocale, type Locale } from './translate';

/**
 * The language of a request: the web app sends its current UI language as `Accept-Language`; API clients may send
 * any list (`de-DE,de;q=0.9,en;q=0.8`). The first supported language by quality wins, else `fallback` (a signed-in
 * user's language when one is known), else English.
 */
export function localeFromAcceptLanguage(header: string | undefined, fallback?: Locale): Locale {
  if (header) {
    const ranked = header
      .split(',')
      .map((part, index) => {
        const [tag, ...attrs] = part.trim().split(';');
        const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
        return {
          lang: (tag ?? '').trim().toLowerCase().split('-')[0] ?? '',
          q: q === undefined ? 1 : Number(q),
          index,
        };
      })
      .filter((r) => r.q > 0 && Number.isFinite(r.q))
      .sort((a, b) => b.q - a.q || a.index - b.index);
    const found = ranked.find((r) => isLocale(r.lang));
    if (found) return found.lang as Locale;
  }
  return fallback ?? DEFAULT_LOCALE;
}

interface LocaleRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The locale of an incoming request (Express or Fastify: both expose lower-cased `headers`). Users have no stored
 * language yet; once they do, pass it as the fallback here.
 */
export function requestLocale(req: LocaleRequest): Locale {
  const header = req.headers['accept-language'];
  return localeFromAcceptLanguage(Array.isArray(header) ? header.join(',') : header);
}
