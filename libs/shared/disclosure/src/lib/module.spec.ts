import {
  flattenResearchModule,
  researchModuleProblems,
  ResearchModuleAnswerError,
  type ResearchModule,
} from './module';

const m: ResearchModule = {
  version: '2026.1',
  title: { en: 'Module', de: 'Modul' },
  intro: { en: 'Intro', de: 'Einleitung' },
  questions: [
    {
      id: 'aware',
      text: { en: 'Aware?', de: 'Bekannt?' },
      multiple: false,
      options: [
        { id: 'yes', label: { en: 'Yes', de: 'Ja' } },
        { id: 'no', label: { en: 'No', de: 'Nein' } },
      ],
    },
    {
      id: 'where',
      text: { en: 'Where?', de: 'Wo?' },
      multiple: true,
      showIf: { question: 'aware', in: ['yes'] },
      options: [
        { id: 'chamber', label: { en: 'Chamber', de: 'Kammer' } },
        { id: 'media', label: { en: 'Media', de: 'Medien' } },
      ],
    },
  ],
};

describe('research module answers', () => {
  it('turns answers into option-code variables, one yes/no variable per option of a multiple-choice question', () => {
    expect(flattenResearchModule(m, { aware: 'yes', where: ['media'] })).toEqual({
      'rm.aware': 'yes',
      'rm.where.chamber': '0',
      'rm.where.media': '1',
    });
  });

  it('codes skipped questions as not answered and filtered ones as not applicable', () => {
    expect(flattenResearchModule(m, {})).toEqual({
      'rm.aware': '.n',
      'rm.where.chamber': '.a',
      'rm.where.media': '.a',
    });
    expect(flattenResearchModule(m, { aware: 'yes' })).toMatchObject({ 'rm.where.chamber': '.n' });
  });

  it('rejects unknown questions, unknown options and free text', () => {
    expect(() => flattenResearchModule(m, { other: 'x' })).toThrow(ResearchModuleAnswerError);
    expect(() => flattenResearchModule(m, { aware: 'We learned it from our lawyer' })).toThrow(/no option/);
    expect(() => flattenResearchModule(m, { aware: 'no', where: ['media'] })).toThrow(/not asked/);
  });

  it('finds problems in a module definition', () => {
    expect(researchModuleProblems(m)).toEqual([]);
    expect(
      researchModuleProblems({
        ...m,
        questions: [
          { ...m.questions[1], showIf: { question: 'later', in: ['x'] } } as ResearchModule['questions'][number],
        ],
      }),
    ).toEqual(['where: showIf must name an earlier question']);
  });
});
