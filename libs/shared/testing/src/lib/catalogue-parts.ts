// The parts every synthetic test catalogue needs whatever it is about (texts, level bands, severities, dimension and
// finding texts), for the catalogue factory (@scs/shared/catalogue specs) and the catalogue builder (scoring specs).
// The result is typed by the caller as `Catalogue`; this lib imports no other lib.

/** A text as the catalogue holds it: English, and the German marked "(de)". */
export const testText = (en: string): { en: string; de: string } => ({ en, de: `${en} (de)` });

/** The four levels with the upper bounds of low, moderate and high (critical goes up to 100). */
export function testLevels([low, moderate, high]: readonly [number, number, number] = [24, 49, 74]) {
  return [
    { id: 'low' as const, max: low, label: testText('Low') },
    { id: 'moderate' as const, max: moderate, label: testText('Moderate') },
    { id: 'high' as const, max: high, label: testText('High') },
    { id: 'critical' as const, max: 100, label: testText('Critical') },
  ];
}

/** The four severities, most severe first. */
export function testSeverities() {
  return (['critical', 'high', 'medium', 'low'] as const).map((id) => ({ id, label: testText(id) }));
}

/** A dimension with placeholder texts for everything the schema asks for. */
export function testDimension(
  id: string,
  code: string,
  options: { weight?: number; name?: { en: string; de: string; zh?: string }; references?: string[] } = {},
) {
  return {
    id,
    code,
    weight: options.weight ?? 1,
    name: options.name ?? testText(id),
    explanation: testText('Explanation'),
    authority: testText('Authority'),
    scheme: testText('Scheme'),
    consequences: testText('Consequences'),
    incentives: testText('Incentives'),
    counterpart: {
      name: testText('Counterpart'),
      similar: testText('Similar'),
      difference: testText('Difference'),
      status: 'unconfirmed' as const,
    },
    references: options.references ?? [],
  };
}

/** A finding of an option with placeholder texts. */
export function testFinding<S extends 'critical' | 'high' | 'medium' | 'low'>(severity: S, title = 'Finding') {
  return {
    severity,
    title: testText(title),
    meaning: testText('What it means'),
    consequences: testText('What follows'),
    remediation: { en: ['Fix it'], de: ['Beheben'] },
  };
}
