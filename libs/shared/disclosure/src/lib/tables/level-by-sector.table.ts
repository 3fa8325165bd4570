import { bilingual as t } from '@scs/shared/catalogue';
import { EARLIER_MODEL, NO_LEVEL, type WaveSummary } from '../summary';
import { distributionTable } from './distribution';
import type { WavePlan } from './wave-plan';
import { waveTable, type Category } from './table';

const META = {
  id: 'level-by-sector',
  title: t('Risk level by sector', 'Risikostufe nach Branche'),
  description: t(
    'Firms per overall exposure level, by sector group.',
    'Unternehmen je Gesamt-Risikostufe, nach Branchengruppe.',
  ),
  chart: 'heatmap',
  params: ['wave'],
} as const;

export function levelBySectorTable(s: WaveSummary, plan: WavePlan, levels: readonly Category[]) {
  return distributionTable({
    id: META.id,
    title: META.title,
    chart: META.chart,
    wave: s.wave,
    partition: 'sector',
    plan: plan.base,
    categories: [
      ...levels,
      { code: NO_LEVEL, label: t('No score', 'Kein Wert') },
      // Firms scored with an earlier scoring model: their level is not counted with the current model's levels.
      ...(Object.values(s.levels).some((counts) => EARLIER_MODEL in counts)
        ? [{ code: EARLIER_MODEL, label: t('Earlier scoring model', 'Früheres Bewertungsmodell') }]
        : []),
    ],
    countsOf: (g) => ({ ...(s.levels[g] ?? {}) }),
  });
}

export const levelBySector = waveTable({
  ...META,
  params: [...META.params],
  scope: 'wave',
  build: ({ summary, plan }, vocabulary) => [
    { param: '', table: levelBySectorTable(summary, plan, vocabulary.levels) },
  ],
});
