import { bilingual as t } from '@scs/shared/catalogue';
import type { WaveSummary } from '../summary';
import { meansTableOf } from './means';
import type { WavePlan } from './wave-plan';
import { waveTable, type DimensionInfo } from './table';

const TITLE = t('Mean dimension scores by sector', 'Mittlere Dimensionswerte nach Branche');

export function meansBySectorTable(s: WaveSummary, plan: WavePlan, dims: readonly DimensionInfo[]) {
  return meansTableOf(s, plan, dims, { id: 'means-by-sector', title: TITLE, partition: 'sector' });
}

export const meansBySector = waveTable({
  id: 'means-by-sector',
  title: TITLE,
  description: t(
    "Mean score (0–100) per dimension, by sector group (the basis of the firms' peer benchmark).",
    'Mittlerer Wert (0–100) je Dimension, nach Branchengruppe (Grundlage des Vergleichs für Unternehmen).',
  ),
  chart: 'heatmap',
  params: ['wave'],
  scope: 'wave',
  build: ({ summary, plan }, vocabulary) => [
    { param: '', table: meansBySectorTable(summary, plan, vocabulary.dimensions) },
  ],
});
