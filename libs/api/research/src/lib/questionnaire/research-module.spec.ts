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

  it('asks the 2026.2 wave without the anchoring survey figure, and changes nothing else', () => {
    const [v1, v2] = [researchModuleFor('2026.1'), researchModuleFor('2026.2')];
    const awareness = v2?.questions.find((q) => q.id === 'awareness');
    expect(awareness?.help).toBeUndefined();
    expect(JSON.stringify(v2?.questions)).not.toMatch(/7 in 10|7 von 10/);
    expect(v2?.questions.map((q) => ({ ...q, help: undefined }))).toEqual(
      v1?.questions.map((q) => ({ ...q, help: undefined })),
    );
  });
});
