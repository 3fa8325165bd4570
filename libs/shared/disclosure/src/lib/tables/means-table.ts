import type { WaveSummary } from '../summary';
import { meansBySectorTable } from './means-by-sector.table';
import { meansBySizeTable } from './means-by-size.table';
import type { WavePlan } from './wave-plan';
import type { DimensionInfo } from './table';

/** The means table of a score partition (what the peer benchmark and the chamber tables read). */
export function meansTable(
  s: WaveSummary,
  plan: WavePlan,
  dims: readonly DimensionInfo[],
  partition: 'sector' | 'size',
) {
  return partition === 'size' ? meansBySizeTable(s, plan, dims) : meansBySectorTable(s, plan, dims);
}
