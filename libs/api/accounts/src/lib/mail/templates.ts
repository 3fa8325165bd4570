import { translate } from '@scs/api/core';
import type { OutgoingMail } from './mail.service';

// Mails go out in German and English: the recipient's language is not known before they sign in. The texts live in
// the message catalogue (mail.*); each template only frames them: German first, then English.

function both(key: Parameters<typeof translate>[0], params: Parameters<typeof translate>[1] = {}): string {
  return [translate(key, params, 'de'), '', translate(key, params, 'en')].join('\n');
}

export function passwordResetMail(to: string, link: string): OutgoingMail {
  return {
    to,
    subject: `SCS Check: ${translate('mail.passwordReset.subject', {}, 'de')} / ${translate('mail.passwordReset.subject')}`,
    text: both('mail.passwordReset.body', { link }),
  };
}

export function memberInvitationMail(
  to: string,
  orgName: string,
  inviterName: string,
  role: string,
  link: string,
): OutgoingMail {
  return {
    to,
    subject: `SCS Check: ${translate('mail.memberInvitation.subject', {}, 'de')} / ${translate('mail.memberInvitation.subject')} – ${orgName}`,
    text: both('mail.memberInvitation.body', { inviter: inviterName, org: orgName, role, link }),
  };
}

export function chamberFirmInvitationMail(to: string, chamberName: string, link: string): OutgoingMail {
  const params = { chamber: chamberName };
  return {
    to,
    subject: `SCS Check: ${translate('mail.chamberFirmInvitation.subject', params, 'de')} / ${translate('mail.chamberFirmInvitation.subject', params)}`,
    text: both('mail.chamberFirmInvitation.body', { ...params, link }),
  };
}

export function verifyEmailMail(to: string, link: string): OutgoingMail {
  return {
    to,
    subject: `SCS Check: ${translate('mail.verifyEmail.subject', {}, 'de')} / ${translate('mail.verifyEmail.subject')}`,
    text: both('mail.verifyEmail.body', { link }),
  };
}

/** Sent instead of a verification link when someone registers with an address that already has an account. */
export function accountExistsMail(to: string, loginLink: string, resetLink: string): OutgoingMail {
  return {
    to,
    subject: `SCS Check: ${translate('mail.accountExists.subject', {}, 'de')} / ${translate('mail.accountExists.subject')}`,
    text: both('mail.accountExists.body', { loginLink, resetLink }),
  };
}
