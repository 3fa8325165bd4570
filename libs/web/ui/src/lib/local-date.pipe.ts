import { Pipe, PipeTransform } from '@angular/core';

const LOCALES: Record<string, string> = { de: 'de-DE', en: 'en-GB', zh: 'zh-CN', 'zh-CN': 'zh-CN' };

/**
 * Formats a date in the UI language with Intl (no Angular locale data needed): German as a German office writes it
 * (05.12.2026, 05.12.2026, 14:30), English as "5 Dec 2026", Chinese as written in mainland China (2026年12月5日).
 */
export function formatLocalDate(
  value: string | Date | null | undefined,
  lang: string,
  style: 'date' | 'datetime' | 'month' = 'date',
): string {
  if (!value) return '';
  // A bare YYYY-MM-DD is a calendar date: format it without shifting it through the local time zone.
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const day: Intl.DateTimeFormatOptions = lang.startsWith('de')
    ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : lang.startsWith('zh')
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
  const options: Intl.DateTimeFormatOptions =
    style === 'datetime'
      ? { ...day, hour: '2-digit', minute: '2-digit' }
      : style === 'month'
        ? { month: 'long', year: 'numeric' }
        : day;
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, options).format(date);
}

@Pipe({ name: 'scsDate' })
export class LocalDatePipe implements PipeTransform {
  transform(
    value: string | Date | null | undefined,
    lang: string,
    style: 'date' | 'datetime' | 'month' = 'date',
  ): string {
    return formatLocalDate(value, lang, style);
  }
}
