import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCatalogueFiles } from './parse';
import { toPublicCatalogue } from './public';
import { isUntranslated, parseTranslationFile, textPaths, translatedText } from './translation';

// Chinese beyond the wizard (docs/catalogue-format.md, "Translations"): the texts of the look-up portals, the
// dimensions, the record types and the references of 2026.2 are served in Chinese, never as English behind [EN].
// Question help texts and findings are checked where they are translated.

const DATA = join(__dirname, '../../data');
function files(version: string) {
  const dir = join(DATA, version);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => ({ path: relative(dir, p).split('\\').join('/'), content: readFileSync(p, 'utf8') }));
}

/** Sections of the catalogue whose every text is Chinese (a zh.yaml entry or the Chinese original of a name). */
const SECTIONS = ['portals', 'dimensions', 'recordTypes', 'references'] as const;
/** The words docs/glossary.md keeps out of Chinese texts. */
const NOT_USED = ['暴露度', '风险暴露', '信用分', '淘汰项', '纳税信用等级', '信用维修', '黑名单'];
const HAN = /[\u4e00-\u9fff]/;
const lines = (text: string | readonly string[]): string[] => (typeof text === 'string' ? [text] : [...text]);

describe('2026.2 in Chinese beyond the wizard', () => {
  const catalogue = parseCatalogueFiles(files('2026.2'));
  const zhFile = join(DATA, '2026.2', 'i18n', 'zh.yaml');
  const { texts } = parseTranslationFile('i18n/zh.yaml', readFileSync(zhFile, 'utf8'));
  const all = [...textPaths(catalogue)].map(([path, node]) => ({
    path,
    en: lines(node.en).join(' '),
    zh: lines(translatedText(node, path, 'zh', texts)),
  }));

  describe.each(SECTIONS)('%s', (section) => {
    const served = all.filter(({ path }) => path.startsWith(`${section}.`));

    it('serves every text in Chinese: a zh.yaml entry or a Chinese original, never English behind [EN]', () => {
      expect(served.length).toBeGreaterThan(0);
      const english = served.filter(({ zh }) => zh.some((s) => isUntranslated(s) || !HAN.test(s))).map((s) => s.path);
      expect(english).toEqual([]);
    });

    it('uses none of the words the glossary keeps out of Chinese texts', () => {
      const hits = served.flatMap(({ path, zh }) =>
        NOT_USED.filter((word) => zh.some((s) => s.includes(word))).map((word) => `${path}: ${word}`),
      );
      expect(hits).toEqual([]);
    });

    it('keeps the facts: "unconfirmed" stays 未确认 and every year of the English text is there', () => {
      const problems: string[] = [];
      for (const { path, en, zh } of served) {
        const text = zh.join(' ');
        if (/\bunconfirmed\b/i.test(en) && !text.includes('未确认')) problems.push(`${path}: unconfirmed`);
        for (const year of en.match(/\b(?:19|20)\d\d\b/g) ?? [])
          if (!text.includes(year)) problems.push(`${path}: ${year}`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('translates every text of every dimension (the Chinese originals of authority and scheme say less than the English)', () => {
    // e.g. the tax scheme's original 纳税信用等级（A/B/M/C/D） drops the point ranges and uses a term the glossary avoids
    const dimensions = all.filter(({ path }) => path.startsWith('dimensions.'));
    expect(dimensions.length).toBe(catalogue.dimensions.length * 9);
    expect(dimensions.filter(({ path }) => !(path in texts)).map((d) => d.path)).toEqual([]);
  });

  it('serves the documents of a record type as Chinese strings, like every other text (GET /api/catalogue?lang=zh)', () => {
    const served = toPublicCatalogue(catalogue, 'zh', texts).recordTypes ?? [];
    const documents = served.flatMap((r) => r.documents);
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.filter((d) => typeof d !== 'string' || !HAN.test(d) || isUntranslated(d))).toEqual([]);
    expect(served.find((r) => r.id === 'samr-penalty')?.documents[1]).toBe('信用承诺书');
    expect(toPublicCatalogue(catalogue, 'de').recordTypes?.find((r) => r.id === 'samr-penalty')?.documents[1]).toBe(
      'Vertrauenszusage (信用承诺书)',
    );
  });
});
