import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseCatalogueFiles } from './parse';
import { toPublicCatalogue } from './public';
import { UNTRANSLATED_MARK, parseTranslationFile, translationCoverage } from './translation';

/**
 * Chinese coverage of the questions in questions/d06-labour.yaml … d16-repair.yaml of catalogue 2026.2: every text of
 * these questions (help, where to check, verification, finding title, meaning, consequences, remediation steps, repair
 * path) is served in Chinese, none as English behind the [EN] mark. (d01–d05, dimensions and references: other specs.)
 */
const DIR = join(__dirname, '../../data/2026.2');
const FILES = [
  'd06-labour.yaml',
  'd07-safety.yaml',
  'd08-product.yaml',
  'd09-data.yaml',
  'd10-finance.yaml',
  'd11-procurement.yaml',
  'd12-ip.yaml',
  'd13-other.yaml',
  'd14-personnel.yaml',
  'd15-supplychain.yaml',
  'd16-repair.yaml',
];
/** Words docs/glossary.md keeps out of Chinese texts (the official terms are named there). */
const NOT_USED_IN_CHINESE = ['暴露度', '风险暴露', '信用分', '淘汰项', '纳税信用等级', '信用维修', '黑名单'];

function files() {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(DIR).map((p) => ({ path: relative(DIR, p).split('\\').join('/'), content: readFileSync(p, 'utf8') }));
}

function questionIds(file: string): string[] {
  const list = parse(readFileSync(join(DIR, 'questions', file), 'utf8')) as { id: string }[];
  return list.map((q) => q.id);
}

/** Every string of a served value with its path (`options.0.finding.remediation.2`). */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('2026.2 i18n/zh.yaml covers the questions of d06–d16', () => {
  const catalogue = parseCatalogueFiles(files());
  const zh = parseTranslationFile('i18n/zh.yaml', readFileSync(join(DIR, 'i18n', 'zh.yaml'), 'utf8'));
  const served = toPublicCatalogue(catalogue, 'zh', zh.texts);
  const { missing } = translationCoverage(catalogue, zh.texts);

  it.each(FILES)('%s: no text of its questions is served as [EN] fallback', (file) => {
    const ids = questionIds(file);
    expect(ids.length).toBeGreaterThan(0);
    const questions = served.questions.filter((q) => ids.includes(q.id));
    expect(questions.map((q) => q.id).sort()).toEqual([...ids].sort());
    const fallbacks = questions.flatMap((q) =>
      strings(q)
        .filter(([, s]) => s.startsWith(UNTRANSLATED_MARK))
        .map(([p]) => `${q.id}.${p}`),
    );
    expect(fallbacks).toEqual([]);
    expect(missing.filter((p) => ids.some((id) => p.startsWith(`questions.${id}.`)))).toEqual([]);
  });

  it.each(FILES)('%s: its Chinese texts use the glossary terms, not the words it rules out', (file) => {
    const ids = questionIds(file);
    const offending = Object.entries(zh.texts)
      .filter(([path]) => ids.some((id) => path.startsWith(`questions.${id}.`)))
      .flatMap(([path, text]) =>
        NOT_USED_IN_CHINESE.filter((w) => (typeof text === 'string' ? [text] : text).some((t) => t.includes(w))).map(
          (w) => `${path}: ${w}`,
        ),
      );
    expect(offending).toEqual([]);
  });
});
