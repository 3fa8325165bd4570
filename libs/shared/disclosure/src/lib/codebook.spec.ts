import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';
import {
  buildCodebook,
  codebookDdi,
  codebookHtml,
  describeRule,
  escapeXml,
  microdataHeader,
  microdataRow,
  microdataVariables,
  type MicrodataSpec,
} from './codebook';
import { csvField, csvLine } from './csv';
import { TOP_CODED } from './microdata';
import type { ResearchModule } from './module';
import type { ResearchRecord } from './record';
import { researchRecord } from './testing/research-record';

/** Minimal XML well-formedness check: tags balance and text holds no raw "<" or stray "&". */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tokens = body.split(/(<[^>]+>)/);
  for (const token of tokens) {
    if (token.startsWith('<')) {
      if (/^<\//.test(token)) {
        if (stack.pop() !== token.slice(2, -1).trim()) return false;
      } else if (!token.endsWith('/>')) stack.push((token.slice(1).match(/^[\w:.-]+/) ?? [''])[0]);
      if (/="[^"]*[<&](?!amp;|lt;|gt;|quot;|apos;)[^"]*"/.test(token)) return false;
    } else if (/<|&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/.test(token)) return false;
  }
  return stack.length === 0;
}

const rmodule: ResearchModule = {
  version: '2026.1',
  title: { en: 'Research module', de: 'Forschungsmodul' },
  intro: { en: 'Optional', de: 'Freiwillig' },
  questions: [
    {
      id: 'awareness',
      text: { en: 'Aware of <SCS> & "ratings"?', de: 'Kennen Sie das SCS?' },
      multiple: false,
      options: [
        { id: 'yes', label: { en: 'Yes', de: 'Ja' } },
        { id: 'no', label: { en: 'No', de: 'Nein' } },
      ],
    },
    {
      id: 'learned',
      text: { en: 'Where learned?', de: 'Woher?' },
      multiple: true,
      showIf: { question: 'awareness', in: ['yes'] },
      options: [
        { id: 'chamber', label: { en: 'Chamber', de: 'Kammer' } },
        { id: 'media', label: { en: 'Media', de: 'Medien' } },
      ],
    },
  ],
};

const real = parseCatalogueFiles(catalogueFiles('2026.1'));
// One question text with markup characters, to prove escaping.
const withMarkup: Catalogue = {
  ...real,
  questions: real.questions.map((q) =>
    q.id === 'T1' ? { ...q, text: { en: 'Tax <grade> & "status"', de: 'Steuer' } } : q,
  ),
};

const spec: MicrodataSpec = {
  catalogues: [withMarkup],
  modules: [rmodule],
  levels: { sector: 1, province: 1, size: 0, legalForm: 1, activities: 2 },
  waves: ['2026-H2'],
  k: 10,
};

const record: ResearchRecord = researchRecord(0, {
  pseudonym: 'x',
  legalForm: 'rep_office',
  activities: ['manufacturing'],
  dimensionScores: { tax: 12.5, customs: null },
  overallScore: 12.5,
  level: 'low',
  answers: { T1: 'a', C1: '.a' },
  researchModule: { 'rm.awareness': 'yes', 'rm.learned.chamber': '1', 'rm.learned.media': '0' },
});

describe('codebook', () => {
  it('describes every variable with labels, question, type, values, missing codes, universe, source and formula', () => {
    const cb = buildCodebook(spec);
    const names = cb.variables.map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'firm',
        'wave',
        'catalogue_version',
        'sector',
        'province',
        'size',
        'legal_form',
        'overall_score',
        'level',
        'score_tax',
        'q_T1',
        'q_C1',
        'rm_awareness',
        'rm_learned_chamber',
      ]),
    );
    expect(names).not.toContain('act_manufacturing');
    // Scores of both scoring models reach microdata; the model tells them apart (docs/methodology.md).
    expect(names.indexOf('scoring_model')).toBe(names.indexOf('level') + 1);
    expect(cb.variables.find((v) => v.name === 'scoring_model')?.values?.map((v) => v.code)).toEqual(['1', '2']);
    expect(cb.variables.find((v) => v.name === 'overall_score')?.formula?.en).toContain('Model 2 (scoring_model = 2)');
    const c1 = cb.variables.find((v) => v.name === 'q_C1');
    expect(c1?.universe.en).toMatch(/Imports or exports.*= yes/);
    expect(c1?.source).toEqual({ questionId: 'C1', catalogueVersions: ['2026.1'] });
    expect(c1?.missing.map((m) => m.code)).toEqual(['.a', '.n', '.v']);
    expect(cb.variables.find((v) => v.name === 'score_tax')?.formula?.en).toMatch(/0\.6/);
    expect(cb.variables.find((v) => v.name === 'rm_learned_chamber')?.universe.en).toMatch(/awareness with yes/);
  });

  it('writes DDI-Codebook 2.6 XML that is well-formed even with markup characters in texts', () => {
    const xml = codebookDdi(buildCodebook(spec));
    expect(xml).toContain('xmlns="ddi:codebook:2_6"');
    expect(xml).toContain('Tax &lt;grade&gt; &amp; &quot;status&quot;');
    expect(xml).toMatch(/<var ID="V\d+" name="q_T1"/);
    expect(xml).toMatch(/<catgry missing="Y"><catValu>\.a<\/catValu>/);
    expect(wellFormed(xml)).toBe(true);
    expect(wellFormed('<a><b></a>')).toBe(false);
  });

  it('escapes XML special and control characters', () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('renders readable HTML in both languages without injecting markup', () => {
    const html = codebookHtml(buildCodebook(spec));
    expect(html).toContain('Aware of &lt;SCS&gt; &amp; &quot;ratings&quot;?');
    expect(html).toContain('lang="de"');
    expect(html).not.toContain('<SCS>');
  });

  it('describes applicability rules in words', () => {
    expect(
      describeRule(
        { all: [{ field: 'legalForm', in: ['wfoe', 'jv'] }, { not: { field: 'activities', includes: 'trading' } }] },
        'en',
      ),
    ).toBe(
      '(Legal form of the China entity ∈ {Wholly foreign-owned enterprise (WFOE), Joint venture}) and (not (Activities ∋ Trading (import/export)))',
    );
  });
});

describe('microdata rows', () => {
  it('writes generalised quasi-identifiers and codes, never the pseudonym', () => {
    const vars = microdataVariables(spec);
    const header = microdataHeader(vars);
    const row = microdataRow(vars, record, 'id-1');
    const cols = header.trim().split(',');
    const values = Object.fromEntries(
      row
        .trim()
        .split(',')
        .map((v, i) => [cols[i], v]),
    );
    expect(values).toMatchObject({
      firm: 'id-1',
      sector: 'manufacturing',
      province: 'east',
      size: 'lt50',
      legal_form: 'other',
      q_T1: 'a',
      q_C1: '.a',
      score_customs: '',
      rm_learned_chamber: '1',
    });
    expect(row).not.toContain('x,');
  });

  it("top-codes the release's rare answers to .t (labelled in the codebook) and leaves out the groups the researcher omits", () => {
    const topped = { ...spec, topCoded: { T1: ['a'] }, omit: ['module' as const] };
    const vars = microdataVariables(topped);
    const cols = microdataHeader(vars).trim().split(',');
    const values = microdataRow(vars, record, 'id-1').trim().split(',');
    expect(values[cols.indexOf('q_T1')]).toBe(TOP_CODED);
    expect(cols.some((c) => c.startsWith('rm_'))).toBe(false);
    expect(cols).toContain('overall_score');
    const cb = buildCodebook(topped, vars);
    const t1 = cb.variables.find((v) => v.name === 'q_T1');
    expect(t1?.missing.map((m) => m.code)).toContain(TOP_CODED);
    expect(t1?.values?.find((v) => v.code === 'a')?.label.en).toContain('top-coded');
    expect(cb.notes.some((n) => n.en.includes('Top-coding'))).toBe(true);
  });
});

describe('csv', () => {
  it('quotes delimiters, quotes and line breaks and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=cmd()')).toBe("'=cmd()");
    expect(csvField('-3.5')).toBe('-3.5');
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });
});
