import type { OutgoingMail } from '@scs/api/accounts';

// Mails go out in German and English: the recipient's language is not known before they sign in.

// Built once: toLocaleDateString creates a formatter per call, which costs seconds over a 5,000-address import.
const FORMATS = {
  'de-DE': new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  'en-GB': new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

function day(d: Date, locale: 'de-DE' | 'en-GB'): string {
  return FORMATS[locale].format(d);
}

export function campaignInvitationMail(
  to: string,
  input: { chamberName: string; title: string; messageDe: string; messageEn: string; link: string; validUntil: Date },
): OutgoingMail {
  const { chamberName, title, link } = input;
  return {
    to,
    subject: `${chamberName}: ${title} – SCS Check`,
    text: [
      input.messageDe,
      '',
      `Jetzt teilnehmen (Link gültig bis ${day(input.validUntil, 'de-DE')}): ${link}`,
      'Neu bei SCS Check? Über den Link registrieren Sie Ihr Unternehmen. Schon registriert? Melden Sie sich als Inhaber/in Ihres',
      'Unternehmenskontos an und nehmen Sie die Einladung an.',
      `${chamberName} sieht nur den Namen Ihres Unternehmens und dass es teilnimmt, niemals Ihre Antworten oder Ergebnisse.`,
      'Ob Sie den Check begonnen oder abgeschlossen haben, sieht die Kammer nur, wenn Sie das in SCS Check freigeben.',
      '',
      '----',
      '',
      input.messageEn,
      '',
      `Take part (link valid until ${day(input.validUntil, 'en-GB')}): ${link}`,
      "New to SCS Check? Register your firm through the link. Already registered? Sign in as the owner of your firm's account",
      'and accept the invitation.',
      `${chamberName} sees only your firm's name and that it takes part, never your answers or results. Whether you started`,
      'or completed the check the chamber sees only if you allow it in SCS Check.',
    ].join('\n'),
  };
}

export function campaignReminderMail(
  to: string,
  input: { chamberName: string; title: string; closesAt: Date; link: string },
): OutgoingMail {
  const { chamberName, title, link } = input;
  return {
    to,
    subject: `Erinnerung / Reminder: ${title} – ${chamberName}`,
    text: [
      `Ihr Unternehmen nimmt an „${title}“ von ${chamberName} teil. Falls Sie den SCS Check noch nicht abgeschlossen haben:`,
      `Die Kampagne läuft bis ${day(input.closesAt, 'de-DE')}. Weiter geht es hier: ${link}`,
      'Die Kammer sieht Ihre Antworten und Ergebnisse nicht.',
      '',
      `Your firm takes part in "${title}" by ${chamberName}. If you have not completed the SCS self-check yet:`,
      `the campaign runs until ${day(input.closesAt, 'en-GB')}. Continue here: ${link}`,
      'The chamber does not see your answers or results.',
    ].join('\n'),
  };
}

/** Tells a member firm that its chamber prepared the firm's own report with the chamber's branding. */
export function preparedReportMail(
  to: string,
  input: { chamberName: string; firmName: string; link: string },
): OutgoingMail {
  const { chamberName, firmName, link } = input;
  return {
    to,
    subject: `${chamberName}: Ihr SCS-Check-Bericht / your SCS Check report`,
    text: [
      `${chamberName} hat für ${firmName} den PDF-Bericht Ihrer zuletzt eingereichten Bewertung erstellt, mit dem Erscheinungsbild der Kammer.`,
      `Sie finden ihn bei Ihren Berichten („erstellt von ${chamberName}“): ${link}`,
      'Die Kammer erhält den Bericht nicht und sieht weder Ihre Antworten noch Ihre Ergebnisse.',
      '',
      '----',
      '',
      `${chamberName} prepared the PDF report of ${firmName}'s latest submitted assessment, with the chamber's branding.`,
      `You find it with your reports ("prepared by ${chamberName}"): ${link}`,
      'The chamber does not receive the report and never sees your answers or results.',
    ].join('\n'),
  };
}
