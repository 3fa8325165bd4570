import type { OutgoingMail } from '@scs/api/accounts';
import { translate } from '@scs/api/core';

// Mails go out in German and English: the recipient's language is not known before they sign in. Texts: mail.* in the
// message catalogue; dates are formatted here (long form, per language).

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
  const body = (locale: 'de' | 'en', format: 'de-DE' | 'en-GB') =>
    translate(
      'mail.campaignInvitation.body',
      { chamber: chamberName, link, validUntil: day(input.validUntil, format) },
      locale,
    );
  return {
    to,
    subject: `${chamberName}: ${title} – SCS Check`,
    text: [input.messageDe, '', body('de', 'de-DE'), '', '----', '', input.messageEn, '', body('en', 'en-GB')].join(
      '\n',
    ),
  };
}

export function campaignReminderMail(
  to: string,
  input: { chamberName: string; title: string; closesAt: Date; link: string },
): OutgoingMail {
  const { chamberName, title, link } = input;
  const body = (locale: 'de' | 'en', format: 'de-DE' | 'en-GB') =>
    translate(
      'mail.campaignReminder.body',
      { chamber: chamberName, title, link, closesAt: day(input.closesAt, format) },
      locale,
    );
  return {
    to,
    subject: `${translate('mail.campaignReminder.subject', {}, 'de')} / ${translate('mail.campaignReminder.subject')}: ${title} – ${chamberName}`,
    text: [body('de', 'de-DE'), '', body('en', 'en-GB')].join('\n'),
  };
}

/** Tells a member firm that its chamber prepared the firm's own report with the chamber's branding. */
export function preparedReportMail(
  to: string,
  input: { chamberName: string; firmName: string; link: string },
): OutgoingMail {
  const params = { chamber: input.chamberName, firm: input.firmName, link: input.link };
  return {
    to,
    subject: `${input.chamberName}: ${translate('mail.preparedReport.subject', {}, 'de')} / ${translate('mail.preparedReport.subject')}`,
    text: [
      translate('mail.preparedReport.body', params, 'de'),
      '',
      '----',
      '',
      translate('mail.preparedReport.body', params, 'en'),
    ].join('\n'),
  };
}
