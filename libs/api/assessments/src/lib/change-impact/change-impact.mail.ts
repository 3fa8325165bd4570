import type { OutgoingMail } from '@scs/api/accounts';
import { translate } from '@scs/api/core';

/** 2026-12-01 → 01.12.2026 */
const germanDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

/** The one notice per firm and catalogue version (German first, like every mail of SCS Check; texts: mail.changeImpact.*). */
export function changeImpactMail(
  to: string,
  orgName: string,
  fromVersion: string,
  toVersion: string,
  effectiveFrom: string,
  link: string,
): OutgoingMail {
  const params = { org: orgName, fromVersion, toVersion, link };
  const subject = { version: toVersion };
  return {
    to,
    subject: `SCS Check: ${translate('mail.changeImpact.subject', subject, 'de')} / ${translate('mail.changeImpact.subject', subject)} – ${orgName}`,
    text: [
      translate('mail.changeImpact.body', { ...params, effectiveFrom: germanDate(effectiveFrom) }, 'de'),
      '',
      translate('mail.changeImpact.body', { ...params, effectiveFrom: effectiveFrom.slice(0, 10) }, 'en'),
    ].join('\n'),
  };
}
