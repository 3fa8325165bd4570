import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogue, finding, firmProfile, must, option, question } from '../testing/catalogue.factory';
import { parseCatalogueFiles } from './parse';
import type { Catalogue } from './schema';
import { CatalogueValidationError, applicableQuestions, validateCatalogue, type CatalogueIssue } from './validate';

const DATA_DIR = join(__dirname, '../../data/2026.1');

function readVersionFolder(dir: string) {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') }));
}

function issuesOf(raw: unknown): CatalogueIssue[] {
  try {
    validateCatalogue(raw);
  } catch (e) {
    if (e instanceof CatalogueValidationError) return e.issues;
    throw e;
  }
  throw new Error('expected the catalogue to be invalid');
}

/** A valid catalogue with one part broken by `breakIt`. */
function broken(breakIt: (c: Catalogue & Record<string, unknown>) => void): unknown {
  const c = structuredClone(catalogue()) as Catalogue & Record<string, unknown>;
  breakIt(c);
  return c;
}

const loose = (x: object) => x as Record<string, unknown>;

describe('the published catalogue 2026.1', () => {
  it('validates, with at least 70 questions over 16 dimensions', () => {
    const c = parseCatalogueFiles(readVersionFolder(DATA_DIR));
    expect(c.version).toBe('2026.1');
    expect(c.dimensions).toHaveLength(16);
    expect(c.questions.length).toBeGreaterThanOrEqual(70);
  });
});

describe('validateCatalogue', () => {
  it('accepts a valid catalogue and returns it typed', () => {
    const c = catalogue();
    expect(validateCatalogue(structuredClone(c)).questions.map((q) => q.id)).toEqual(['T1', 'T2', 'C1']);
  });

  it('lists every issue with a path that names items by id', () => {
    const issues = issuesOf(
      broken((c) => {
        delete loose(c.questions[0].text)['de'];
        loose(c.dimensions[1])['weight'] = 5;
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'questions[T1].text.de', message: 'is required' },
        expect.objectContaining({ path: 'dimensions[customs].weight' }),
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it('puts every issue into the error message', () => {
    expect(() => validateCatalogue(broken((c) => (c.questions[0].id = 'bad')))).toThrow(
      /Catalogue 2026\.1 is invalid \(1 issue\):\n- questions\[bad\]\.id: must match/,
    );
  });

  describe('rejects', () => {
    it.each([
      [
        'question',
        (c: Catalogue) => c.questions.push(question('T1')),
        'questions[T1].id',
        'duplicate question id "T1"',
      ],
      [
        'reference',
        (c: Catalogue) => c.references.push(structuredClone(c.references[0])),
        'references[ref-a].id',
        'duplicate reference id "ref-a"',
      ],
      [
        'dimension',
        (c: Catalogue) => c.dimensions.push({ ...structuredClone(c.dimensions[0]), code: 'D3' }),
        'dimensions[tax].id',
        'duplicate dimension id "tax"',
      ],
      [
        'portal',
        (c: Catalogue) => c.portals.push(structuredClone(c.portals[0])),
        'portals[etax].id',
        'duplicate portal id "etax"',
      ],
    ])('duplicate %s ids', (_kind, breakIt, path, message) => {
      expect(issuesOf(broken(breakIt))).toContainEqual({ path, message });
    });

    it('duplicate dimension codes', () => {
      expect(issuesOf(broken((c) => (c.dimensions[1].code = 'D1')))).toContainEqual({
        path: 'dimensions[customs].code',
        message: 'duplicate dimension code "D1"',
      });
    });

    it('duplicate option ids within a question', () => {
      const issues = issuesOf(broken((c) => c.questions[0].options.push(option('no', 0))));
      expect(issues).toContainEqual({ path: 'questions[T1].options[no].id', message: 'duplicate option id "no"' });
    });

    it('an option id "dont_know", which is reserved', () => {
      const issues = issuesOf(broken((c) => (c.questions[0].options[0].id = 'dont_know')));
      expect(issues).toContainEqual({
        path: 'questions[T1].options[dont_know].id',
        message: '"dont_know" is reserved for the don\'t-know answer',
      });
    });

    it('a text with a missing language', () => {
      const issues = issuesOf(broken((c) => delete loose(must(c.questions[2].options[2].finding).title)['de']));
      expect(issues).toEqual([{ path: 'questions[C1].options[dishonest].finding.title.de', message: 'is required' }]);
    });

    it('an empty text', () => {
      expect(issuesOf(broken((c) => (c.dimensions[0].explanation.en = '  ')))).toEqual([
        { path: 'dimensions[tax].explanation.en', message: 'must not be empty' },
      ]);
    });

    it('a text broken up by an unquoted comma in YAML', () => {
      const issues = issuesOf(broken((c) => (loose(c.questions[0].text)['all paid in full'] = null)));
      expect(issues[0]?.message).toMatch(/unknown key "all paid in full": probably an unquoted comma/);
    });

    it('remediation steps that differ in number between languages', () => {
      const issues = issuesOf(
        broken((c) => must(c.questions[0].options[2].finding).remediation.de.push('Noch ein Schritt')),
      );
      expect(issues).toContainEqual({
        path: 'questions[T1].options[yes].finding.remediation.de',
        message: 'en and de must have the same number of steps',
      });
    });

    it('an option without exposure', () => {
      const issues = issuesOf(broken((c) => delete loose(c.questions[0].options[1])['exposure']));
      expect(issues).toContainEqual({ path: 'questions[T1].options[minor].exposure', message: 'is required' });
    });

    it('an exposure outside 0..1', () => {
      const issues = issuesOf(broken((c) => (c.questions[0].options[2].exposure = 1.5)));
      expect(issues).toContainEqual({
        path: 'questions[T1].options[yes].exposure',
        message: 'must be between 0 and 1',
      });
    });

    it('a finding without remediation', () => {
      const issues = issuesOf(broken((c) => delete loose(must(c.questions[0].options[2].finding))['remediation']));
      expect(issues).toContainEqual({ path: 'questions[T1].options[yes].finding.remediation', message: 'is required' });
    });

    it('an exposure above 0 without a finding', () => {
      const issues = issuesOf(broken((c) => delete c.questions[0].options[1].finding));
      expect(issues).toContainEqual({
        path: 'questions[T1].options[minor].finding',
        message: 'an option with exposure > 0 needs a finding',
      });
    });

    it('a finding on an option with exposure 0, which could never be shown', () => {
      const issues = issuesOf(broken((c) => (c.questions[0].options[0].finding = finding())));
      expect(issues).toContainEqual(expect.objectContaining({ path: 'questions[T1].options[no].finding' }));
    });

    it('an applicability rule naming an unknown profile field', () => {
      const issues = issuesOf(
        broken((c) => (c.questions[2].applicability = { field: 'exportsGoods', equals: true } as never)),
      );
      expect(issues).toEqual([
        {
          path: 'questions[C1].applicability.field',
          message: expect.stringMatching(/^unknown profile field "exportsGoods" \(known: legalForm, /),
        },
      ]);
    });

    it('an applicability rule with a value not allowed for the field', () => {
      const issues = issuesOf(
        broken(
          (c) =>
            (c.questions[2].applicability = {
              all: [
                { field: 'importsExports', equals: true },
                { field: 'activities', includesAny: ['trading', 'mining'] },
              ],
            }),
        ),
      );
      expect(issues).toEqual([
        {
          path: 'questions[C1].applicability.all[1].includesAny[1]',
          message: expect.stringContaining('activities: "mining" is not an allowed value'),
        },
      ]);
    });

    it('an applicability rule whose operator does not fit the field', () => {
      const issues = issuesOf(
        broken((c) => (c.questions[2].applicability = { field: 'activities', equals: 'trading' })),
      );
      expect(issues).toEqual([
        {
          path: 'questions[C1].applicability.equals',
          message: 'operator "equals" does not apply to field "activities" (use includes or includesAny)',
        },
      ]);
    });

    it('an applicability rule mixing a combinator and a field test', () => {
      const issues = issuesOf(
        broken(
          (c) =>
            (c.questions[2].applicability = {
              not: { field: 'importsExports', equals: true },
              field: 'legalForm',
              in: ['jv'],
            } as never),
        ),
      );
      expect(issues[0]).toEqual(
        expect.objectContaining({ path: 'questions[C1].applicability', message: expect.stringContaining('a rule is') }),
      );
    });

    it.each([
      [
        'reference',
        (c: Catalogue) => c.questions[0].references.push('ref-x'),
        'questions[T1].references[1]',
        'unknown reference "ref-x"',
      ],
      [
        'reference of a dimension',
        (c: Catalogue) => (c.dimensions[0].references = ['ref-x']),
        'dimensions[tax].references[0]',
        'unknown reference "ref-x"',
      ],
      [
        'superseding reference',
        (c: Catalogue) => (c.references[1].supersededBy = 'ref-x'),
        'references[ref-b].supersededBy',
        'unknown reference "ref-x"',
      ],
      [
        'portal',
        (c: Catalogue) => (c.questions[0].portals = ['etax', 'gsxt']),
        'questions[T1].portals[1]',
        'unknown portal "gsxt"',
      ],
      [
        'dimension',
        (c: Catalogue) => (c.questions[1].dimension = 'taxes'),
        'questions[T2].dimension',
        'unknown dimension "taxes"',
      ],
    ])('a %s id that does not exist', (_kind, breakIt, path, message) => {
      expect(issuesOf(broken(breakIt))).toContainEqual({ path, message });
    });

    it('a dimension without questions', () => {
      const issues = issuesOf(broken((c) => (c.questions = c.questions.filter((q) => q.dimension !== 'customs'))));
      expect(issues).toEqual([{ path: 'dimensions[customs]', message: 'dimension "customs" has no questions' }]);
    });

    it('a question weight outside high, medium, low', () => {
      const issues = issuesOf(broken((c) => (loose(c.questions[0])['weight'] = 'critical')));
      expect(issues).toEqual([{ path: 'questions[T1].weight', message: 'weight must be one of high, medium, low' }]);
    });

    it('a dimension weight outside (0, 2]', () => {
      expect(issuesOf(broken((c) => (c.dimensions[0].weight = 0)))).toEqual([
        { path: 'dimensions[tax].weight', message: 'must be > 0' },
      ]);
      expect(issuesOf(broken((c) => (c.dimensions[0].weight = 2.5)))).toEqual([
        { path: 'dimensions[tax].weight', message: 'must be <= 2' },
      ]);
    });

    it('weights that are not ordered high >= medium >= low', () => {
      expect(issuesOf(broken((c) => (c.weights.low = 5)))).toEqual([
        { path: 'weights', message: 'weights must satisfy high >= medium >= low' },
      ]);
    });

    it('levels out of order or not ending at 100', () => {
      const issues = issuesOf(broken((c) => (c.levels[3].max = 90)));
      expect(issues).toEqual([{ path: 'levels[critical].max', message: 'the last level must end at 100' }]);
      expect(issuesOf(broken((c) => (c.levels[1].max = 10)))).toContainEqual({
        path: 'levels[moderate].max',
        message: 'max must increase from level to level',
      });
    });

    it('a dontKnow exposure below the midpoint of the options', () => {
      const issues = issuesOf(broken((c) => (must(c.questions[0].dontKnow).exposure = 0.4)));
      expect(issues).toEqual([
        {
          path: 'questions[T1].dontKnow.exposure',
          message: "dontKnow exposure 0.4 is below the midpoint 0.5 of the options' exposures",
        },
      ]);
    });

    it('an answer riskier than a knock-out answer that is not a knock-out itself', () => {
      const issues = issuesOf(
        broken((c) => {
          c.questions[2].options[2].exposure = 0.8;
          c.questions[2].options.push(
            option('seriously_dishonest', 0.9, { finding: finding({ severity: 'critical' }) }),
          );
        }),
      );
      expect(issues).toEqual([
        {
          path: 'questions[C1].options[seriously_dishonest].knockOut',
          message: "option has exposure 0.9 >= a knock-out option's 0.8 but is not a knock-out",
        },
      ]);
    });

    it('a knock-out whose finding is not critical', () => {
      const issues = issuesOf(broken((c) => (must(c.questions[2].options[2].finding).severity = 'high')));
      expect(issues).toEqual([
        {
          path: 'questions[C1].options[dishonest].finding.severity',
          message: 'the finding of a knock-out option must have severity critical',
        },
      ]);
    });

    it('unknown keys (typos) anywhere', () => {
      const issues = issuesOf(broken((c) => (loose(c.questions[2].options[2])['knockout'] = true)));
      expect(issues).toEqual([{ path: 'questions[C1].options[dishonest]', message: 'unknown key "knockout"' }]);
    });

    it('a version that does not look like 2026.1', () => {
      expect(issuesOf(broken((c) => (c.version = 'v1')))).toEqual([
        { path: 'version', message: 'must look like 2026.1' },
      ]);
    });

    it('something that is not a catalogue at all', () => {
      expect(issuesOf(null)).toEqual([{ path: '', message: expect.stringContaining('expected object') }]);
    });
  });
});

describe('applicableQuestions', () => {
  it('keeps the questions whose rule holds for the firm, in catalogue order', () => {
    const c = catalogue({
      questions: [
        question('T1'),
        question('C1', { applicability: { field: 'importsExports', equals: true } }),
        question('T2'),
      ],
    });
    expect(applicableQuestions(c, firmProfile()).map((q) => q.id)).toEqual(['T1', 'T2']);
    expect(applicableQuestions(c, firmProfile({ importsExports: true })).map((q) => q.id)).toEqual(['T1', 'C1', 'T2']);
  });
});
