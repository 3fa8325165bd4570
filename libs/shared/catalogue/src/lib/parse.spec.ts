import { stringify } from 'yaml';
import { catalogue } from '../testing/catalogue.factory';
import { CatalogueFileError, mergeCatalogueFiles, parseCatalogueFiles, type CatalogueFile } from './parse';
import { CatalogueValidationError } from './validate';

/** The factory catalogue split into version-folder files, as the loader reads them. */
function filesOf(c = catalogue()): CatalogueFile[] {
  const { dimensions, references, questions, ...top } = structuredClone(c);
  return [
    { path: 'catalogue.yaml', content: stringify(top) },
    { path: 'dimensions.yaml', content: stringify(dimensions) },
    { path: 'references/a.yaml', content: stringify(references.slice(0, 1)) },
    { path: 'references/b.yaml', content: stringify(references.slice(1)) },
    { path: 'questions/d02-customs.yaml', content: stringify(questions.filter((q) => q.dimension === 'customs')) },
    { path: 'questions/d01-tax.yaml', content: stringify(questions.filter((q) => q.dimension === 'tax')) },
  ];
}

describe('parseCatalogueFiles', () => {
  it('merges the files of a version folder, lists in path order', () => {
    const c = parseCatalogueFiles(filesOf());
    expect(c.questions.map((q) => q.id)).toEqual(['T1', 'T2', 'C1']);
    expect(c.references.map((r) => r.id)).toEqual(['ref-a', 'ref-b']);
    expect(c.dimensions).toHaveLength(2);
  });

  it('gives the same catalogue whatever order the files come in and with ./ or Windows paths', () => {
    const files = filesOf();
    const shuffled = [...files]
      .reverse()
      .map((f, i) => ({ ...f, path: i % 2 ? `./${f.path}` : f.path.replace(/\//g, '\\') }));
    expect(parseCatalogueFiles(shuffled)).toEqual(parseCatalogueFiles(files));
  });

  it('keeps YAML 1.2 scalars: yes/no option ids stay strings and an unquoted date stays a date string', () => {
    const files = filesOf();
    files[0] = {
      path: 'catalogue.yaml',
      content: files[0].content.replace(/effectiveFrom: .*/, 'effectiveFrom: 2026-04-01'),
    };
    files[5] = { path: 'questions/d01-tax.yaml', content: files[5].content.replace(/- id: "?no"?\n/g, '- id: no\n') };
    const c = parseCatalogueFiles(files);
    expect(c.effectiveFrom).toBe('2026-04-01');
    expect(c.questions[0].options[0].id).toBe('no');
  });

  it('ignores files that are not YAML', () => {
    expect(parseCatalogueFiles([...filesOf(), { path: 'README.md', content: '# notes' }]).questions).toHaveLength(3);
  });

  it('names the file of a YAML syntax error', () => {
    const files = [...filesOf(), { path: 'questions/d09-data.yaml', content: '- id: D1\n  text: { en: x\n' }];
    expect(() => parseCatalogueFiles(files)).toThrow(CatalogueFileError);
    expect(() => parseCatalogueFiles(files)).toThrow(/^questions\/d09-data\.yaml: /);
  });

  it('rejects duplicate keys within a file', () => {
    const files = [...filesOf(), { path: 'questions/dup.yaml', content: '- id: X1\n  id: X2\n' }];
    expect(() => parseCatalogueFiles(files)).toThrow(/questions\/dup\.yaml: .*unique/i);
  });

  it('rejects unexpected files and a missing catalogue.yaml', () => {
    expect(() => mergeCatalogueFiles([...filesOf(), { path: 'extra.yaml', content: '[]' }])).toThrow(
      /extra\.yaml: unexpected file/,
    );
    expect(() => mergeCatalogueFiles(filesOf().slice(1))).toThrow('catalogue.yaml is missing');
  });

  it('rejects a list file that is not a list', () => {
    expect(() => mergeCatalogueFiles([...filesOf(), { path: 'references/c.yaml', content: 'id: x' }])).toThrow(
      'references/c.yaml: must be a list',
    );
  });

  it('reports duplicate question ids across files', () => {
    const files = filesOf();
    files.push({ path: 'questions/d03-copy.yaml', content: files[5].content });
    try {
      parseCatalogueFiles(files);
      throw new Error('expected a validation error');
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueValidationError);
      expect((e as CatalogueValidationError).issues).toContainEqual({
        path: 'questions[T1].id',
        message: 'duplicate question id "T1"',
      });
    }
  });
});
