import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogue, finding, option, question, text } from '../testing/catalogue.factory';
import { parseCatalogueFiles } from './parse';
import { toPublicCatalogue } from './public';
import { UNTRANSLATED_MARK, attachTranslations, parseTranslationFile, type Translations } from './translation';
import { findingWording, verifyWording } from './wording';

const DATA = join(__dirname, '../../data');
function version(v: string) {
  const dir = join(DATA, v);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return parseCatalogueFiles(
    walk(dir)
      .filter((p) => !relative(dir, p).startsWith('i18n'))
      .map((p) => ({ path: relative(dir, p).split('\\').join('/'), content: readFileSync(p, 'utf8') })),
  );
}
const texts = (v: string, locale: 'de' | 'zh'): Translations =>
  parseTranslationFile(`i18n/${locale}.yaml`, readFileSync(join(DATA, v, 'i18n', `${locale}.yaml`), 'utf8')).texts;

describe('findingWording: one wording per finding', () => {
  const c2026 = version('2026.2');
  // What a result submitted before the German correction stored for T1 = C: the catalogue's own German text.
  const t1c = c2026.questions.find((q) => q.id === 'T1')?.options.find((o) => o.id === 'c')?.finding;
  const stored = { questionId: 'T1', optionId: 'c', finding: structuredClone(t1c) };

  it('reads the corrected German wording of the result’s version, not the text stored at submission', () => {
    expect(stored.finding?.title.de).toBe('Steuerkredit-Note C');
    const de = toPublicCatalogue(c2026, 'de', texts('2026.2', 'de'));
    expect(findingWording(de, stored)?.title).toBe('Steuerkreditstufe C');
    // The meaning is corrected too (tax grade "Stufen A und B"); texts the correction file does not name (the
    // remediation steps) stay the catalogue's German.
    expect(findingWording(de, stored)?.meaning).toContain('Stufen A und B');
    expect(findingWording(de, stored)?.meaning).not.toBe(t1c?.meaning.de);
    expect(findingWording(de, stored)?.remediation).toEqual(t1c?.remediation.de);
  });

  it('reads the Chinese translation, every remediation step included', () => {
    const zh = toPublicCatalogue(c2026, 'zh', texts('2026.2', 'zh'));
    const w = findingWording(zh, stored);
    expect(w?.title).toBe('纳税信用级别为 C 级');
    expect(w?.remediation).toHaveLength(t1c?.remediation.en.length ?? -1);
    expect(w?.remediation.some((s) => s.startsWith(UNTRANSLATED_MARK))).toBe(false);
  });

  it('reads the same wording from a catalogue the server loaded with its files attached', () => {
    const loaded = version('2026.2');
    attachTranslations(loaded, 'de', texts('2026.2', 'de'));
    attachTranslations(loaded, 'zh', texts('2026.2', 'zh'));
    expect(findingWording(toPublicCatalogue(loaded, 'de'), stored)?.title).toBe('Steuerkreditstufe C');
    expect(findingWording(toPublicCatalogue(loaded, 'zh'), stored)?.title).toBe('纳税信用级别为 C 级');
    expect(findingWording(toPublicCatalogue(loaded, 'en'), stored)?.title).toBe(t1c?.title.en);
  });

  it('marks a text without Chinese as English, as the catalogue page does', () => {
    const c = catalogue({ questions: [question('T1')] });
    const w = findingWording(toPublicCatalogue(c, 'zh', {}), { questionId: 'T1', optionId: 'yes' });
    expect(w?.title).toBe(`${UNTRANSLATED_MARK}Finding`);
  });

  it('falls back to the stored texts, in the display language, when the version lacks the question or option', () => {
    const c = toPublicCatalogue(catalogue({ questions: [question('T1')] }), 'de');
    const gone = finding({ title: text('Gone'), remediation: { en: ['Step'], de: ['Schritt'] } });
    expect(findingWording(c, { questionId: 'T9', optionId: 'yes', finding: gone })).toMatchObject({
      title: 'Gone (de)',
      remediation: ['Schritt'],
    });
    expect(findingWording(c, { questionId: 'T1', optionId: 'other', finding: gone })?.title).toBe('Gone (de)');
    expect(findingWording(c, { questionId: 'T9', optionId: 'yes' })).toBeUndefined();
  });

  it('takes the option’s current finding even where the stored one differs (stored results are not rewritten)', () => {
    const c = catalogue({
      questions: [question('T1', { options: [option('no', 0), option('yes', 1, { finding: finding() })] })],
    });
    const old = finding({ title: text('Old title') });
    const f = { questionId: 'T1', optionId: 'yes', finding: old };
    expect(findingWording(toPublicCatalogue(c, 'en'), f)?.title).toBe('Finding');
    expect(f.finding.title.en).toBe('Old title');
  });
});

describe('verifyWording', () => {
  it('reads what to check from the question, else the stored text', () => {
    const c = toPublicCatalogue(catalogue({ questions: [question('T1')] }), 'de');
    expect(verifyWording(c, { questionId: 'T1', verify: text('Old') })).toBe('Check it (de)');
    expect(verifyWording(c, { questionId: 'T9', verify: text('Old') })).toBe('Old (de)');
    expect(verifyWording(c, { questionId: 'T9' })).toBeUndefined();
  });
});
