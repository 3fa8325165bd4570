import type { OutgoingMail } from '@scs/api/accounts';
import { isLocale, translate, type Locale } from '@scs/api/core';

export type GroupInvitationParams = {
  group: string;
  entity: string;
  uscc: string;
  /** The entity's portfolio page, where its owner accepts or declines. */
  link: string;
};

/**
 * The mail to one owner of an invited entity, in the language the owner last used in SCS Check (German, English or
 * Chinese); an owner whose language is not known gets German and English, like the other account mails.
 */
export function groupInvitationMail(to: string, language: string | null, params: GroupInvitationParams): OutgoingMail {
  const locales: Locale[] = language && isLocale(language) ? [language] : ['de', 'en'];
  return {
    to,
    subject: `SCS Check: ${locales.map((l) => translate('mail.groupInvitation.subject', params, l)).join(' / ')}`,
    text: locales.map((l) => translate('mail.groupInvitation.body', params, l)).join('\n\n---\n\n'),
  };
}
