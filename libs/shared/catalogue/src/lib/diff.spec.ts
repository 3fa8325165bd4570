import { catalogue, finding, option, question, text } from '../testing/catalogue.factory';
import { diffCatalogues } from './diff';

describe('diffCatalogues', () => {
  it('finds nothing between equal catalogues, whatever the key order', () => {
    const a = catalogue();
    const b = structuredClone(a);
    b.questions[0] = Object.fromEntries(Object.entries(b.questions[0]).reverse()) as typeof b.questions[0];
    const diff = diffCatalogues(a, { ...b, version: '2026.2' });
    expect(diff).toEqual({
      from: '2026.1',
      to: '2026.2',
      settings: [],
      dimensions: { added: [], removed: [], changed: [] },
      portals: { added: [], removed: [], changed: [] },
      references: { added: [], removed: [], changed: [] },
      questions: { added: [], removed: [], changed: [] },
    });
  });

  it('reports added, removed and changed questions with the changed fields and options', () => {
    const a = catalogue();
    const b = structuredClone(a);
    b.version = '2026.2';
    b.questions = b.questions.filter((q) => q.id !== 'T2');
    b.questions.push(question('T3'));
    const t1 = b.questions[0];
    t1.weight = 'medium';
    t1.text = text('Reworded');
    t1.applicability = { field: 'importsExports', equals: true };
    t1.options = [option('no', 0), option('minor', 0.4, { finding: finding({ severity: 'medium' }) }), option('severe', 1)];

    const diff = diffCatalogues(a, b);
    expect(diff.questions.added).toEqual(['T3']);
    expect(diff.questions.removed).toEqual(['T2']);
    expect(diff.questions.changed).toEqual([
      {
        id: 'T1',
        fields: ['applicability', 'options', 'text', 'weight'],
        options: { added: ['severe'], removed: ['yes'], changed: [{ id: 'minor', fields: ['exposure'] }] },
      },
    ]);
  });

  it('reports changed references, dimensions and scoring settings', () => {
    const a = catalogue();
    const b = structuredClone(a);
    b.references[1].status = 'confirmed';
    b.references.push({ id: 'ref-c', title: text('C'), authority: text('NDRC'), year: 2026, status: 'unconfirmed' });
    b.dimensions[0].weight = 1.2;
    b.weights.medium = 1.5;
    const diff = diffCatalogues(a, b);
    expect(diff.references).toEqual({ added: ['ref-c'], removed: [], changed: [{ id: 'ref-b', fields: ['status'] }] });
    expect(diff.dimensions.changed).toEqual([{ id: 'tax', fields: ['weight'] }]);
    expect(diff.settings).toEqual(['weights']);
  });
});
