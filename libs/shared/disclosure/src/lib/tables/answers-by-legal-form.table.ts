import { bilingual as t } from '@scs/shared/catalogue';
import { answerCounts, type WaveSummary } from '../summary';
import { distributionTable } from './distribution';
import type { WavePlan } from './wave-plan';
import { waveTable, type AnswerVariable } from './table';

const ID = 'answers-by-legal-form';

export function answersByLegalFormTable(s: WaveSummary, plan: WavePlan, v: AnswerVariable) {
  return distributionTable({
    id: ID,
    title: v.label,
    chart: 'bars',
    wave: s.wave,
    partition: 'legalForm',
    plan: plan.base,
    categories: v.categories,
    countsOf: (g) => answerCounts(s, v.catalogueVersion, v.variable, g),
    extra: { variable: v.variable, catalogueVersion: v.catalogueVersion },
  });
}

/** One table per variable of each catalogue version answered in the wave; param = `version:variable`. */
export const answersByLegalForm = waveTable({
  id: ID,
  title: t('Answers to a question by legal form', 'Antworten auf eine Frage nach Rechtsform'),
  description: t(
    'Firms per answer option of one question (catalogue or research module), by legal form.',
    'Unternehmen je Antwortoption einer Frage (Katalog oder Forschungsmodul), nach Rechtsform.',
  ),
  chart: 'bars',
  params: ['wave', 'variable'],
  scope: 'wave',
  build: ({ summary, plan }, vocabulary) =>
    vocabulary.variables
      .filter((v) => summary.catalogueVersions[v.catalogueVersion])
      .map((v) => ({ param: `${v.catalogueVersion}:${v.variable}`, table: answersByLegalFormTable(summary, plan, v) })),
});
