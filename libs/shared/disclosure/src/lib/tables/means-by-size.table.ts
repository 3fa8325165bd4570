import { bilingual as t } from '@scs/shared/catalogue';
import type { WaveSummary } from '../summary';
import { meansTableOf } from './means';
import type { WavePlan } from './wave-plan';
import { waveTable, type DimensionInfo } from './table';

const TITLE = t('Mean dimension scores by size', 'Mittlere Dimensionswerte nach Größe');

export function meansBySizeTable(s: WaveSummary, plan: WavePlan, dims: readonly DimensionInfo[]) {
  return meansTableOf(s, plan, dims, { id: 'means-by-size', title: TITLE, partition: 'size' });
}

export const meansBySize = waveTable({
  id: 'means-by-size',
  title: TITLE,
  description: t(
    'Mean score (0–100) per dimension, by headcount band.',
    'Mittlerer Wert (0–100) je Dimension, nach Beschäftigtenklasse.',
  ),
  chart: 'heatmap',
  params: ['wave'],
  scope: 'wave',
  build: ({ summary, plan }, vocabulary) => [
    { param: '', table: meansBySizeTable(summary, plan, vocabulary.dimensions) },
  ],
});
