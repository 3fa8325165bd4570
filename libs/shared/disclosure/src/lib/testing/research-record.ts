import type { ResearchRecord } from '../record';

/**
 * A research record for specs: firm `i` (pseudonym `p<i>`) of wave 2026-H2, a small WFOE in manufacturing in Shanghai,
 * tax score 20–29 by `i`, overall 30, level moderate; `overrides` replace any field.
 */
export function researchRecord(i: number, overrides: Partial<ResearchRecord> = {}): ResearchRecord {
  return {
    pseudonym: `p${i}`,
    wave: '2026-H2',
    catalogueVersion: '2026.1',
    naceSection: 'C',
    provinceGroup: 'east',
    province: 'SH',
    headcountBand: 'lt50',
    legalForm: 'wfoe',
    activities: [],
    dimensionScores: { tax: 20 + (i % 10) },
    overallScore: 30,
    level: 'moderate',
    answers: {},
    ...overrides,
  };
}
