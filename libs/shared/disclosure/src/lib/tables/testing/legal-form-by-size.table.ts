import { bilingual as t } from '@scs/shared/catalogue';
import { LEGAL_FORM_LABELS, LEGAL_FORMS } from '../../record';
import { distributionTable } from '../distribution';
import { waveTable } from '../table';

// An example research table that exists only for the registry spec: it shows what adding a table takes (this file
// and one registry line). Firms per legal form, by headcount band.
const TITLE = t('Legal form by size', 'Rechtsform nach Größe');

export const legalFormBySize = waveTable({
  id: 'legal-form-by-size',
  title: TITLE,
  description: t('Firms per legal form, by headcount band.', 'Unternehmen je Rechtsform, nach Beschäftigtenklasse.'),
  chart: 'bars',
  params: ['wave'],
  scope: 'wave',
  build: ({ summary, plan }) => [
    {
      param: '',
      table: distributionTable({
        id: 'legal-form-by-size',
        title: TITLE,
        chart: 'bars',
        wave: summary.wave,
        partition: 'size',
        plan: plan.base,
        categories: LEGAL_FORMS.map((code) => ({ code, label: LEGAL_FORM_LABELS[code] })),
        countsOf: (size) => {
          const out: Record<string, number> = {};
          for (const [key, n] of Object.entries(summary.cells)) {
            const [, band, form] = key.split('|') as [string, string, string];
            if (band === size) out[form] = (out[form] ?? 0) + n;
          }
          return out;
        },
      }),
    },
  ],
});
