import { planUniverse, type JointCount, type UniversePlan } from '../plan';
import { PARTITIONS, SCORE_PARTITIONS, type PartitionId, type WaveSummary } from '../summary';

// The suppression plan of a wave: every table of the wave is rendered against it, so no output skips disclosure control.

export interface WavePlan {
  wave: string;
  k: number;
  /** All firms of the wave, classified by sector group, size band and legal form. */
  base: UniversePlan;
  /** Per dimension (and "overall"): the firms with a score in it, by sector group and size band. */
  scores: Record<string, UniversePlan>;
}

const PARTITION_IDS = Object.keys(PARTITIONS) as PartitionId[];

export function planWave(s: WaveSummary, k: number): WavePlan {
  const baseJoint: JointCount[] = Object.entries(s.cells).map(([key, n]) => ({ groups: key.split('|'), n }));
  const base = planUniverse(
    PARTITION_IDS.map((id) => ({ id, groups: PARTITIONS[id] })),
    baseJoint,
    k,
  );
  // A group suppressed in the wave's base tables is suppressed in every score table of the wave too.
  const seed = Object.fromEntries(SCORE_PARTITIONS.map((p) => [p, Object.keys(base.partitions[p]?.suppressed ?? {})]));
  const scores: Record<string, UniversePlan> = {};
  for (const [dim, cells] of Object.entries(s.scores)) {
    const joint = Object.entries(cells).map(([key, [n]]) => ({ groups: key.split('|'), n }));
    scores[dim] = planUniverse(
      SCORE_PARTITIONS.map((id) => ({ id, groups: PARTITIONS[id] })),
      joint,
      k,
      seed,
    );
  }
  return { wave: s.wave, k, base, scores };
}
