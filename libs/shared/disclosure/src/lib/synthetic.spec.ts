import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';
import { SYNTHETIC_CALIBRATION, catalogueScorer, syntheticRecords } from './synthetic';

const latestCatalogue = (): Catalogue => parseCatalogueFiles(catalogueFiles());

// The target shares of docs/research.md ("Synthetic data"): low 35 %, moderate 35 %, high 20 %, critical 10 %.
// The bounds leave room for sampling noise at 1,000 firms, but catch a generator that collapses into one level
// (it once produced 88 % critical and no low at all).
const BOUNDS = {
  low: [0.25, 0.5],
  moderate: [0.2, 0.45],
  high: [0.1, 0.3],
  critical: [0.04, 0.18],
} as const;

describe('synthetic records with the real catalogue', () => {
  it('spread over every risk level within the documented bounds (fixed seed)', () => {
    const catalogue = latestCatalogue();
    const records = [
      ...syntheticRecords({
        firms: 1000,
        waves: 1,
        seed: 7,
        firstWave: '2025-H1',
        catalogueVersion: catalogue.version,
        scorer: catalogueScorer(catalogue, SYNTHETIC_CALIBRATION),
      }),
    ];
    const scored = records.filter((r) => r.level !== null);
    expect(scored.length).toBeGreaterThan(700);
    const share = (level: string) => scored.filter((r) => r.level === level).length / scored.length;
    const outside = Object.entries(BOUNDS)
      .map(([level, [min, max]]) => ({ level, share: share(level), min, max }))
      .filter((x) => x.share < x.min || x.share > x.max);
    expect(outside).toEqual([]);
    // Scores vary within levels too: not every firm of a level sits on the same score.
    expect(new Set(scored.map((r) => r.overallScore)).size).toBeGreaterThan(50);
  });
});
