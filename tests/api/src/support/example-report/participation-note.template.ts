import { html } from '@scs/api/reports';
import type { ReportLocale } from '@scs/shared/contracts';

/** The data of the example kind: one organisation's note of participation. */
export interface ParticipationNote {
  orgName: string;
  locale: ReportLocale;
}

export const PARTICIPATION_NOTE_TEMPLATE_VERSION = '1';

const LABELS: Record<ReportLocale, { title: string; body: string }> = {
  en: { title: 'Note of participation', body: 'takes part in SCS Check.' },
  de: { title: 'Teilnahmebestätigung', body: 'nimmt an SCS Check teil.' },
  zh: { title: '参与证明', body: '参与 SCS Check。' },
};

/** A one-page document; every value is escaped by `html`. */
export function renderParticipationNote(d: ParticipationNote): string {
  const t = LABELS[d.locale];
  return html`<!doctype html>
    <html lang="${d.locale}">
      <head>
        <meta charset="utf-8" />
        <title>${t.title}</title>
      </head>
      <body>
        <h1>${t.title}</h1>
        <p>${d.orgName} ${t.body}</p>
      </body>
    </html>`.value;
}
