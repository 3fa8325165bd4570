import fc from 'fast-check';
import { parseCatalogueFiles } from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';
import { MICRODATA_GROUPS, microdataHeader, microdataRow, microdataVariables, type MicrodataSpec } from './codebook';
import { linkageSuppression } from './linkage';
import {
  QI_SUPPRESSED,
  QUASI_IDENTIFIERS,
  chooseGeneralisation,
  isQiColumn,
  rareAnswers,
  type AnswerCount,
  type QiCombination,
  type QiLevels,
} from './microdata';
import type { ResearchRecord } from './record';
import { SYNTHETIC_CALIBRATION, catalogueScorer, syntheticRecords } from './synthetic';

const K = 10;
const WAVES = ['2025-H1', '2025-H2', '2026-H1'];
const catalogue = parseCatalogueFiles(catalogueFiles());

/** Calibrated synthetic records of three waves of very different size (the shape of attack test 3). */
function calibrated(seed: number, sizes: readonly number[]): ResearchRecord[] {
  return sizes.flatMap((firms, i) => [
    ...syntheticRecords({
      firms,
      waves: 1,
      firstWave: WAVES[i] as string,
      seed: seed + i,
      scorer: catalogueScorer(catalogue, SYNTHETIC_CALIBRATION),
      catalogueVersion: catalogue.version,
    }),
  ]);
}

/** The release as the service cuts it: one generalisation over all waves, rare answers top-coded. */
function releaseOf(records: readonly ResearchRecord[]): MicrodataSpec {
  const combos = new Map<string, QiCombination>();
  const answers = new Map<string, AnswerCount>();
  for (const r of records) {
    const key = [r.wave, r.naceSection, r.province, r.provinceGroup, r.headcountBand, r.legalForm, ...r.activities];
    const c = combos.get(key.join('|')) ?? { ...r, firms: 0 };
    c.firms++;
    combos.set(key.join('|'), c);
    for (const [questionId, code] of Object.entries(r.answers)) {
      const a = answers.get(`${r.wave}|${questionId}|${code}`) ?? { wave: r.wave, questionId, code, firms: 0 };
      a.firms++;
      answers.set(`${r.wave}|${questionId}|${code}`, a);
    }
  }
  return {
    catalogues: [catalogue],
    modules: [],
    levels: chooseGeneralisation([...combos.values()], K).levels,
    waves: WAVES,
    k: K,
    topCoded: rareAnswers([...answers.values()], K),
  };
}

/**
 * The attacker of attack test 3, on the CSV rows themselves: per variable choice it links every row of every file by
 * everything but the firm id and the quasi-identifiers, and counts the firms of each class (wave and set of
 * quasi-identifier codings its linked rows show). Returns the smallest class over all choices.
 */
function smallestLinkedClass(records: readonly ResearchRecord[], release: MicrodataSpec): number {
  // Every choice within the release: per quasi-identifier the released level or any coarser one; any groups left out.
  let choices: QiLevels[] = [release.levels];
  for (const q of QUASI_IDENTIFIERS)
    choices = choices.flatMap((c) =>
      Array.from({ length: 3 - release.levels[q] }, (_, i) => ({ ...c, [q]: release.levels[q] + i }) as QiLevels),
    );
  const omits = Array.from({ length: 2 ** MICRODATA_GROUPS.length }, (_, m) =>
    MICRODATA_GROUPS.filter((_, i) => m & (1 << i)),
  );
  let smallest = Infinity;
  for (const omit of omits) {
    const full = microdataVariables({ ...release, omit });
    const cols = microdataHeader(full).trim().split(',');
    // Identity of a row: every column but the firm id and the quasi-identifiers (the same in every QI choice).
    const identity = records.map((r) =>
      microdataRow(full, r, '')
        .trim()
        .split(',')
        .map((cell, i) => (cols[i] === 'firm' || isQiColumn(cols[i] as string) ? '' : cell))
        .join(','),
    );
    for (const levels of choices) {
      const qiVars = microdataVariables({ ...release, levels, omit }).filter((v) => isQiColumn(v.name));
      const linked = new Map<string, { n: number; codings: Set<string> }>();
      records.forEach((r, i) => {
        const e = linked.get(identity[i] as string) ?? { n: 0, codings: new Set<string>() };
        e.n++;
        e.codings.add(qiVars.map((v) => v.value(r, '')).join(';'));
        linked.set(identity[i] as string, e);
      });
      const classes = new Map<string, number>();
      for (const [id, e] of linked) {
        const cls = `${id.split(',')[1]}#${[...e.codings].sort().join('/')}`;
        classes.set(cls, (classes.get(cls) ?? 0) + e.n);
      }
      smallest = Math.min(smallest, ...classes.values());
    }
  }
  return smallest;
}

describe('linkage across the files of a microdata release (calibrated synthetic data)', () => {
  it('without local suppression, rows linked by their other columns fall below k (the weakness of attack 3)', () => {
    const records = calibrated(3, [900, 60, 300]);
    expect(smallestLinkedClass(records, releaseOf(records))).toBeLessThan(K);
  });

  it('with the release suppression, the union of every allowed download is k-anonymous (fixed seed)', () => {
    const records = calibrated(3, [900, 60, 300]);
    const release = releaseOf(records);
    const { suppressed, smallestClass } = linkageSuppression(records, release);
    expect(suppressed.length).toBeGreaterThan(0);
    // Suppression is local: most rows keep their quasi-identifiers.
    expect(suppressed.length).toBeLessThan(records.length / 4);
    expect(smallestClass).toBeGreaterThanOrEqual(K);
    const withSuppression = { ...release, suppressed };
    expect(smallestLinkedClass(records, withSuppression)).toBeGreaterThanOrEqual(K);
    const vars = microdataVariables(withSuppression);
    const key = suppressed[0] as string;
    const row = records.find((r) => `${r.wave}|${r.pseudonym}` === key) as ResearchRecord;
    const cells = microdataRow(vars, row, 'x').trim().split(',');
    vars.forEach((v, i) => {
      if (isQiColumn(v.name)) {
        expect(cells[i]).toBe(QI_SUPPRESSED);
        expect(v.missing.map((m) => m.code)).toContain(QI_SUPPRESSED);
      }
    });
  });

  it('a later release keeps every earlier suppression of rows still present, and drops rows that left', () => {
    const records = calibrated(3, [900, 60, 300]);
    const release = releaseOf(records);
    const first = linkageSuppression(records, release).suppressed;
    const unsuppressed = records.find((r) => !first.includes(`${r.wave}|${r.pseudonym}`)) as ResearchRecord;
    const extra = `${unsuppressed.wave}|${unsuppressed.pseudonym}`;
    const left = first[0] as string;
    const remaining = records.filter((r) => `${r.wave}|${r.pseudonym}` !== left);
    const second = linkageSuppression(remaining, release, [...first, extra]).suppressed;
    expect(second).toEqual(expect.arrayContaining([...first.filter((x) => x !== left), extra]));
    expect(second).not.toContain(left);
  });

  it('property: for any seed and wave sizes, every allowed download joined by linkage stays k-anonymous', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 20, max: 250 }), { minLength: 1, maxLength: 3 }),
        (seed, sizes) => {
          const records = calibrated(seed, sizes);
          const release = releaseOf(records);
          const { suppressed, smallestClass } = linkageSuppression(records, release);
          expect(smallestClass).toBeGreaterThanOrEqual(K);
          expect(smallestLinkedClass(records, { ...release, suppressed })).toBeGreaterThanOrEqual(K);
        },
      ),
      { numRuns: 8, seed: 15 },
    );
  });
});
