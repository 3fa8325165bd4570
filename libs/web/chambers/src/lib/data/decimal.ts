/**
 * A figure the server formatted ("36.2", "57.5 %") with the decimal separator of the page's language: German pages
 * write "36,2". Marks of suppressed or empty cells (".", "<3", "–") stay as they are.
 */
export function localDecimal(display: string, lang: 'en' | 'de'): string {
  return lang === 'de' ? display.replace(/^(-?\d+)\.(\d+)(\s*%)?$/, '$1,$2$3') : display;
}
