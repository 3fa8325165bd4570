import type { OutgoingMail } from './mail.service';

// Mails go out in German and English: the recipient's language is not known before they sign in.

export function passwordResetMail(to: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'SCS Check: Passwort zurücksetzen / Reset your password',
    text: [
      'Sie (oder jemand anderes) haben angefordert, Ihr Passwort für SCS Check zurückzusetzen.',
      `Der Link ist eine Stunde gültig: ${link}`,
      'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
      '',
      'You (or someone else) asked to reset your SCS Check password.',
      `The link is valid for one hour: ${link}`,
      'If this was not you, ignore this email; your password stays unchanged.',
    ].join('\n'),
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
    subject: `SCS Check: Einladung / Invitation – ${orgName}`,
    text: [
      `${inviterName} lädt Sie ein, ${orgName} in SCS Check beizutreten (Rolle: ${role}).`,
      `Einladung annehmen (14 Tage gültig): ${link}`,
      '',
      `${inviterName} invites you to join ${orgName} on SCS Check (role: ${role}).`,
      `Accept the invitation (valid for 14 days): ${link}`,
    ].join('\n'),
  };
}

export function chamberFirmInvitationMail(to: string, chamberName: string, link: string): OutgoingMail {
  return {
    to,
    subject: `SCS Check: Einladung der ${chamberName} / Invitation from ${chamberName}`,
    text: [
      `${chamberName} lädt Ihr Unternehmen ein, den SCS Check zu nutzen: eine Selbsteinschätzung, wie stark Ihr Unternehmen`,
      'vom chinesischen Corporate Social Credit System betroffen ist. Die Kammer sieht nur den Namen Ihres Unternehmens und',
      'das Beitrittsdatum, niemals Ihre Antworten oder Ergebnisse.',
      `Als Inhaber/in des Unternehmenskontos nehmen Sie die Einladung hier an (30 Tage gültig): ${link}`,
      '',
      `${chamberName} invites your firm to SCS Check, a self-assessment of your exposure to China's Corporate Social Credit`,
      "System. The chamber sees only your firm's name and the date it joined, never your answers or scores.",
      `As the owner of your firm's account, accept the invitation here (valid for 30 days): ${link}`,
    ].join('\n'),
  };
}

export function verifyEmailMail(to: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'SCS Check: E-Mail-Adresse bestätigen / Confirm your e-mail address',
    text: [
      'Bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto bei SCS Check zu aktivieren (48 Stunden gültig):',
      link,
      'Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail; ohne Bestätigung bleibt das Konto unbenutzbar.',
      '',
      'Please confirm your e-mail address to activate your SCS Check account (valid for 48 hours):',
      link,
      'If you did not register, ignore this e-mail; without confirmation the account cannot be used.',
    ].join('\n'),
  };
}

/** Sent instead of a verification link when someone registers with an address that already has an account. */
export function accountExistsMail(to: string, loginLink: string, resetLink: string): OutgoingMail {
  return {
    to,
    subject: 'SCS Check: Sie haben bereits ein Konto / You already have an account',
    text: [
      'Jemand (vermutlich Sie) wollte sich mit dieser Adresse bei SCS Check registrieren. Sie haben bereits ein Konto.',
      `Melden Sie sich hier an: ${loginLink}`,
      `Passwort vergessen? Setzen Sie es hier zurück: ${resetLink}`,
      'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail; an Ihrem Konto hat sich nichts geändert.',
      '',
      'Someone (probably you) tried to register on SCS Check with this address. You already have an account.',
      `Sign in here: ${loginLink}`,
      `Forgot your password? Reset it here: ${resetLink}`,
      'If this was not you, ignore this e-mail; nothing about your account has changed.',
    ].join('\n'),
  };
}
