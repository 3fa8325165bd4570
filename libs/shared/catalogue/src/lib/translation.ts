import { parse } from 'yaml';
import { z } from 'zod';
import type { Catalogue } from './schema';
import type { ReadLocale } from './text';

/**
 * Per-version translation files (`data/<version>/i18n/<locale>.yaml`). A published version is immutable (its
 * checksum covers every YAML file of the folder except `i18n/`), so a language is added, or a German wording
 * corrected, in a file beside it: a flat map from the id path of a text to its text in that language. Paths use
 * ids, never positions, wherever the catalogue has them:
 *
 *   title                                  dimensions.tax.name
 *   questions.T1.text                      questions.T1.help
 *   questions.T1.options.c.label           questions.T1.options.c.finding.remediation   (a list: one entry per step)
 *   references.sta-tax-credit-2025.title   levels.moderate.label
 *
 * A path that names no text of the version, or a list whose length differs from the English steps, fails validation
 * (`validateTranslation`), in the catalogue spec and at start-up.
 */
export const translationFileSchema = z.strictObject({
  version: z.string().min(1),
  locale: z.enum(['zh', 'de']),
  texts: z.record(z.string().min(1), z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])),
});
export type TranslationFile = z.infer<typeof translationFileSchema>;
export type Translations = Readonly<Record<string, string | readonly string[]>>;

/** What an untranslated text shows in front of its English fallback: visible, never a key, never empty. */
export const UNTRANSLATED_MARK = '[EN] ';

type TextNode = { en: string | string[]; de: string | string[]; zh?: string };

function isTextNode(v: unknown): v is TextNode {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    'en' in v &&
    'de' in v &&
    Object.keys(v).every((k) => k === 'en' || k === 'de' || k === 'zh')
  );
}

/** The segment of an array item in a path: its id (options, questions, dimensions …), else its index. */
function segment(item: unknown, index: number): string {
  if (item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string') return item.id;
  return String(index);
}

/** Every text of a catalogue by its id path (see the file comment). */
export function textPaths(catalogue: Catalogue): Map<string, TextNode> {
  const out = new Map<string, TextNode>();
  const walk = (value: unknown, path: string): void => {
    if (isTextNode(value)) {
      out.set(path, value);
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, path ? `${path}.${segment(v, i)}` : segment(v, i)));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(catalogue, '');
  return out;
}

/** Parses a translation file's YAML; throws with the file's path on a syntax or schema error. */
export function parseTranslationFile(path: string, content: string): TranslationFile {
  const parsed = translationFileSchema.safeParse(parse(content));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Problems of a translation file against its catalogue version: unknown paths, a text for a list or the reverse. */
export function validateTranslation(catalogue: Catalogue, file: TranslationFile): string[] {
  const problems: string[] = [];
  if (file.version !== catalogue.version)
    problems.push(`version ${file.version} does not match catalogue ${catalogue.version}`);
  const paths = textPaths(catalogue);
  for (const [path, value] of Object.entries(file.texts)) {
    const node = paths.get(path);
    if (!node) problems.push(`${path}: no such text in catalogue ${catalogue.version}`);
    else if (Array.isArray(node.en) !== Array.isArray(value))
      problems.push(`${path}: must be ${Array.isArray(node.en) ? 'a list of steps' : 'a single text'}`);
    else if (Array.isArray(node.en) && Array.isArray(value) && value.length !== node.en.length)
      problems.push(`${path}: ${value.length} steps, but the English text has ${node.en.length}`);
  }
  return problems;
}

/** How much of a version a translation covers (texts that differ between English and German need translating). */
export function translationCoverage(
  catalogue: Catalogue,
  texts: Translations,
): { total: number; translated: number; missing: string[] } {
  const missing: string[] = [];
  let total = 0;
  for (const [path, node] of textPaths(catalogue)) {
    if (sameInAllLanguages(node)) continue;
    total++;
    if (!(path in texts)) missing.push(path);
  }
  return { total, translated: total - missing.length, missing };
}

/** A label such as "A", "B" or "M" reads the same in every language and needs no translation or marker. */
function sameInAllLanguages(node: TextNode): boolean {
  return JSON.stringify(node.en) === JSON.stringify(node.de);
}

/**
 * The text of `node` (at `path`) in `locale`, with the version's translation file applied (`translations`; without
 * one, the file attached to the catalogue at load, see attachTranslations): German and English read the catalogue
 * (German corrected where the `de` file says so); Chinese reads the `zh` file, else the Chinese original of a name,
 * else English marked UNTRANSLATED_MARK (a language-neutral label unmarked).
 */
export function translatedText(
  node: TextNode,
  path: string,
  locale: ReadLocale,
  translations: Translations | undefined,
): string | string[] {
  const own = translations ? translations[path] : attachedTranslation(node, locale);
  if (own !== undefined && locale !== 'en') return typeof own === 'string' ? own : [...own];
  if (locale !== 'zh') return node[locale];
  if (typeof node.zh === 'string') return node.zh;
  if (sameInAllLanguages(node)) return node.en;
  return Array.isArray(node.en) ? node.en.map((s) => UNTRANSLATED_MARK + s) : UNTRANSLATED_MARK + node.en;
}

/** Whether a served text is an English fallback (the web shows the mark as a small badge). */
export function isUntranslated(text: string): boolean {
  return text.startsWith(UNTRANSLATED_MARK);
}

/**
 * Translations attached to the text objects of a loaded catalogue, so that `localize(text, 'zh')` anywhere on the
 * server (report data, exports, repair plan) reads the version's translation file without passing paths around.
 * Keyed weakly by the text object itself: a catalogue that is dropped takes its translations with it.
 */
const ATTACHED: Record<'de' | 'zh', WeakMap<object, string | readonly string[]>> = {
  de: new WeakMap(),
  zh: new WeakMap(),
};

/** Attaches a version's translation file (`zh` texts or `de` corrections) to that catalogue's text objects. */
export function attachTranslations(catalogue: Catalogue, locale: 'de' | 'zh', texts: Translations): void {
  for (const [path, node] of textPaths(catalogue)) {
    const text = texts[path];
    if (text !== undefined) ATTACHED[locale].set(node, text);
  }
}

/** The attached translation of a text object in `locale`, if any (see attachTranslations). */
export function attachedTranslation(node: object, locale: ReadLocale): string | readonly string[] | undefined {
  return locale === 'en' ? undefined : ATTACHED[locale].get(node);
}
