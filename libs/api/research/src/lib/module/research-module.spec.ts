import { researchModuleProblems, researchModuleVariables } from '@scs/shared/disclosure';
import { RESEARCH_MODULES, researchModuleFor } from './research-module.2026.1';

describe('research module data', () => {
  it.each(RESEARCH_MODULES.map((m) => [m.version, m] as const))(
    'version %s is well-formed, bilingual and free of free-text questions',
    (_v, m) => {
      expect(researchModuleProblems(m)).toEqual([]);
      expect(researchModuleVariables(m).length).toBeGreaterThan(m.questions.length);
    },
  );

  it('asks about awareness, impact, preparation, pilots in China and SCS-like requirements elsewhere', () => {
    expect(researchModuleFor('2026.1')?.questions.map((q) => q.id)).toEqual([
      'awareness',
      'learned_from',
      'impact',
      'preparation',
      'pilots',
      'pilot_areas',
      'outside_china',
    ]);
  });

  it('has no module for a catalogue version without its own file', () => {
    expect(researchModuleFor('2099.1')).toBeUndefined();
  });
});
