/**
 * @jest-environment jsdom
 */
import {
  buildCodebook,
  codebookDdi,
  codebookR,
  codebookStata,
  DDI_NAMESPACE,
  rString,
  stataCoding,
  stataNames,
  stataString,
  type MicrodataSpec,
} from './index';

// The writers render one codebook; these checks use a small spec with the cases that matter to each tool: codes that
// are not numbers, 0/1 flags, missing codes, a numeric score, and texts with quotes, macros and umlauts.
const spec: MicrodataSpec = {
  catalogues: [
    {
      version: '2026.1',
      levels: [
        { id: 'low', max: 24, label: { en: 'Low', de: 'Niedrig' } },
        { id: 'critical', max: 100, label: { en: 'Critical', de: 'Kritisch' } },
      ],
      dimensions: [{ id: 'tax', code: 'D1', name: { en: 'Tax "grade" $HOME `x`', de: 'Steuer-Bonität' } }],
      questions: [
        {
          id: 'T1',
          text: { en: 'Is the tax grade "A"?', de: 'Ist die Steuerbonität „A“?' },
          options: [
            { id: 'yes', label: { en: 'Yes', de: 'Ja' } },
            { id: 'no', label: { en: 'No', de: 'Nein' } },
          ],
          dontKnow: true,
        },
      ],
    },
  ] as unknown as MicrodataSpec['catalogues'],
  modules: [],
  levels: { sector: 1, province: 2, size: 1, legalForm: 2, activities: 2 },
  waves: ['2025-H2'],
  k: 10,
};
const cb = buildCodebook(spec);

describe('Stata do-file', () => {
  const doFile = codebookStata(cb, 'de');

  it('reads the CSV with the documented delimiter, decimal point, encoding and quoting, keeping name case', () => {
    expect(doFile).toContain(
      'import delimited using "microdata.csv", delimiters(",") decimalseparator(".") varnames(nonames) rowrange(2) encoding("utf-8") stringcols(_all) bindquote(strict) clear',
    );
    expect(doFile).toContain('rename v1 firm');
    expect(stataNames(['a', 'rm_preparation_supplier_screening'])).toEqual(['a', 'rm_preparation_supplier_scre_002']);
  });

  it('codes a categorical variable as numbers with value labels and extended missing values', () => {
    expect(doFile).toContain('quietly replace _scs_v = 1 if q_T1 == `"yes"\'');
    expect(doFile).toContain('quietly replace _scs_v = .a if q_T1 == `".a"\'');
    expect(doFile).toContain('label define q_T1 1 `"Ja"\'');
    expect(doFile).toContain('label define q_T1 .n `"Nicht beantwortet"\', add');
    expect(doFile).toContain('label values q_T1 q_T1');
    expect(doFile).toMatch(/label variable q_T1 `"Antwort auf T1"'/);
  });

  it('turns scores into numbers and labels every variable of the codebook', () => {
    expect(doFile).toContain('quietly destring score_tax, replace');
    for (const v of cb.variables) expect(doFile).toContain(`label variable ${v.name} `);
  });

  it('keeps 0/1 codes as their numbers and numbers other codes in codebook order', () => {
    expect(
      stataCoding([
        { code: '1', label: { en: '', de: '' } },
        { code: '0', label: { en: '', de: '' } },
      ]),
    ).toEqual([
      { code: '1', number: 1 },
      { code: '0', number: 0 },
    ]);
    expect(
      stataCoding([
        { code: 'b', label: { en: '', de: '' } },
        { code: 'a', label: { en: '', de: '' } },
      ]),
    ).toEqual([
      { code: 'b', number: 1 },
      { code: 'a', number: 2 },
    ]);
  });

  it('cannot be broken by texts: no macro expansion, no line break, no early end of the quotes', () => {
    expect(stataString('Tax "grade" $HOME `x`\nnext "\'')).toBe('`"Tax "grade" \\$HOME \'x\' next " \'"\'');
    expect(doFile.split('\n').every((line) => !line.includes('$HOME') || line.includes('\\$HOME'))).toBe(true);
  });
});

describe('R script', () => {
  const script = codebookR(cb, 'en');

  it('reads the CSV as documented, every column as text first', () => {
    expect(script).toContain('microdata <- utils::read.csv("microdata.csv", sep = ",", dec = ".", quote = "\\"",');
    expect(script).toContain('fileEncoding = "UTF-8", colClasses = "character", na.strings = character(0),');
  });

  it('makes factors with value labels, keeps missing reasons, and labels every column', () => {
    expect(script).toContain('microdata[["q_T1"]] <- scs_categorical("q_T1", microdata[["q_T1"]],');
    expect(script).toContain('  codes = c("yes", "no", "dont_know"),');
    expect(script).toContain('  missing_codes = c(".a", ".n", ".v"),');
    expect(script).toContain('microdata[["score_tax"]] <- scs_numeric(microdata[["score_tax"]])');
    for (const v of cb.variables) expect(script).toContain(`attr(microdata[[${rString(v.name)}]], "label") <- `);
  });

  it('writes code in ASCII only, with escapes for quotes, backslashes and umlauts', () => {
    expect(rString('Bonität „A“ "x" \\')).toBe('"Bonit\\u00e4t \\u201eA\\u201c \\"x\\" \\\\"');
    const code = codebookR(cb, 'de')
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    expect(code.filter((line) => [...line].some((ch) => ch > '~'))).toEqual([]);
  });
});

describe('DDI-Codebook 2.6', () => {
  const xml = codebookDdi(cb);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const all = (tag: string, root: Element | Document = doc) => [...root.getElementsByTagNameNS(DDI_NAMESPACE, tag)];

  it('parses as XML in the 2.6 namespace with codeBook/stdyDscr/fileDscr/dataDscr', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('codeBook');
    expect(doc.documentElement.namespaceURI).toBe('ddi:codebook:2_6');
    expect(doc.documentElement.getAttribute('version')).toBe('2.6');
    expect([...doc.documentElement.children].map((c) => c.localName)).toEqual([
      'docDscr',
      'stdyDscr',
      'fileDscr',
      'dataDscr',
    ]);
    expect(all('varQnty')[0]?.textContent).toBe(String(cb.variables.length));
  });

  it('has one var per variable, with labels, categories (missing ones marked) and the score range', () => {
    const vars = all('var');
    expect(vars.map((v) => v.getAttribute('name'))).toEqual(cb.variables.map((v) => v.name));
    for (const v of vars) expect(all('labl', v).filter((l) => l.parentElement === v).length).toBe(2);
    const t1 = vars.find((v) => v.getAttribute('name') === 'q_T1') as Element;
    const cats = all('catgry', t1);
    expect(cats.map((c) => all('catValu', c)[0]?.textContent)).toEqual(['yes', 'no', 'dont_know', '.a', '.n', '.v']);
    expect(cats.filter((c) => c.getAttribute('missing') === 'Y')).toHaveLength(3);
    const score = vars.find((v) => v.getAttribute('name') === 'score_tax') as Element;
    const range = all('range', all('valrng', score)[0] as Element)[0];
    expect([range?.getAttribute('min'), range?.getAttribute('max')]).toEqual(['0', '100']);
  });

  it('orders the children of var as the 2.6 schema does', () => {
    const order = ['labl', 'qstn', 'valrng', 'universe', 'catgry', 'derivation', 'varFormat', 'notes'];
    for (const v of all('var')) {
      const seen = [...v.children].map((c) => order.indexOf(c.localName));
      expect(seen.every((i) => i >= 0)).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });
});
