import type { OutgoingMail } from '@scs/api/accounts';

/** 2026-12-01 → 01.12.2026 */
const germanDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

/** The one notice per firm and catalogue version (German first, like every mail of SCS Check). */
export function changeImpactMail(
  to: string,
  orgName: string,
  fromVersion: string,
  toVersion: string,
  effectiveFrom: string,
  link: string,
): OutgoingMail {
  return {
    to,
    subject: `SCS Check: Neuer Katalog ${toVersion} / New catalogue ${toVersion} – ${orgName}`,
    text: [
      `Seit dem ${germanDate(effectiveFrom)} gilt der Katalog ${toVersion}. Die letzte Selbsteinschätzung von ${orgName} beruht auf Version ${fromVersion}.`,
      'Unter „Was sich für Sie ändert“ sehen Sie die neuen, geänderten und entfallenen Fragen, ersetzte Rechtsgrundlagen und die Bewertung, die sich heute mit Ihren übernommenen Antworten ergäbe. Von dort starten Sie die Neubewertung mit vorausgefüllten Antworten:',
      link,
      '',
      `Catalogue ${toVersion} applies since ${effectiveFrom.slice(0, 10)}. The latest self-check of ${orgName} is based on version ${fromVersion}.`,
      '"What changed for you" lists the new, changed and removed questions, superseded references and the score you would get today with your answers carried over. Re-assess from there with your answers pre-filled:',
      link,
    ].join('\n'),
  };
}
