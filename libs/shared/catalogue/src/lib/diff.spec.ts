import { catalogue, finding, option, question, text } from '../testing/catalogue.factory';
import { carryOverAnswer, diffCatalogues } from './diff';

describe('diffCatalogues', () => {
  it('finds nothing between equal catalogues, whatever the key order', () => {
    const a = catalogue();
    const b = structuredClone(a);
    b.questions[0] = Object.fromEntries(Object.entries(b.questions[0]).reverse()) as (typeof b.questions)[0];
    const diff = diffCatalogues(a, { ...b, version: '2026.2' });
    expect(diff).toEqual({
      from: '2026.1',
      to: '2026.2',
      settings: [],
      dimensions: { added: [], removed: [], changed: [] },
      portals: { added: [], removed: [], changed: [] },
      references: { added: [], removed: [], changed: [] },
      questions: { added: [], removed: [], changed: [], renamed: [] },
      recordTypes: { added: [], removed: [], changed: [] },
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
    t1.options = [
      option('no', 0),
      option('minor', 0.4, { finding: finding({ severity: 'medium' }) }),
      option('severe', 1),
    ];

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

  describe('with an idMap', () => {
    // 2026.2 renames T2 to T5 (unchanged otherwise), renames C1 option "yes" to "listed" and rewords C1, removes T1.
    function versions() {
      const a = catalogue();
      const b = structuredClone(a);
      b.version = '2026.2';
      b.previousVersion = '2026.1';
      b.idMap = { T2: 'T5', C1: { to: 'C1', options: { dishonest: 'listed' } }, T1: { to: null } };
      const t2 = b.questions.find((q) => q.id === 'T2');
      const c1 = b.questions.find((q) => q.id === 'C1');
      if (!t2 || !c1) throw new Error('fixture');
      t2.id = 'T5';
      c1.options = c1.options.map((o) => (o.id === 'dishonest' ? { ...o, id: 'listed' } : o));
      c1.text = text('Reworded');
      b.questions = b.questions.filter((q) => q.id !== 'T1');
      return { a, b };
    }

    it('reports a pure rename as renamed, not as removed and added, and compares renamed options with their old selves', () => {
      const { a, b } = versions();
      const diff = diffCatalogues(a, b);
      expect(diff.questions.added).toEqual([]);
      expect(diff.questions.removed).toEqual(['T1']);
      expect(diff.questions.renamed).toEqual([
        { from: 'T2', to: 'T5', options: {} },
        { from: 'C1', to: 'C1', options: { dishonest: 'listed' } },
      ]);
      expect(diff.questions.changed).toEqual([
        { id: 'C1', fields: ['text'], options: { added: [], removed: [], changed: [] } },
      ]);
    });

    it('ignores the idMap when it was written against another version', () => {
      const { a, b } = versions();
      const diff = diffCatalogues({ ...a, version: '2025.9' }, b);
      expect(diff.questions.added).toEqual(['T5']);
      expect(diff.questions.removed).toEqual(expect.arrayContaining(['T1', 'T2']));
    });

    it('carries answers over to the new ids', () => {
      const { b } = versions();
      expect(carryOverAnswer(b, '2026.1', 'T2', 'minor')).toEqual({ questionId: 'T5', optionId: 'minor' });
      expect(carryOverAnswer(b, '2026.1', 'C1', 'dishonest')).toEqual({ questionId: 'C1', optionId: 'listed' });
      expect(carryOverAnswer(b, '2026.1', 'C1', 'dont_know')).toEqual({ questionId: 'C1', optionId: 'dont_know' });
      expect(carryOverAnswer(b, '2026.1', 'T1', 'no')).toBeNull();
      expect(carryOverAnswer(b, '2026.1', 'C1', 'gone')).toBeNull();
    });
  });
});
