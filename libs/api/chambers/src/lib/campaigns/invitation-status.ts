import type { DeliveryStatus, InvitationStatus } from './dto/campaign.views';

/** One row of `campaign_invitation` as the status needs it. */
export interface CampaignInvitationRecord {
  id: string;
  email: string;
  invitationId: string | null;
  mailId: string | null;
  firmId: string | null;
  invitedAt: Date;
  openedAt: Date | null;
  joinedAt: Date | null;
  revokedAt: Date | null;
  lastSentAt: Date;
  sendCount: number;
}

/** The accounts invitation behind an address (accounts' `invitationStates`) and its latest mail (`MailService.deliveries`). */
export interface LinkState {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}
export interface MailState {
  status: DeliveryStatus;
  lastError: string | null;
}

/**
 * The status of one invited address from its campaign row, its accounts invitation and its latest mail: joined beats
 * revoked (by the chamber, or the link withdrawn otherwise) beats bounced (the outbox gave up on the mail) beats opened
 * beats sent.
 */
export function invitationStatusOf(
  ci: Pick<CampaignInvitationRecord, 'joinedAt' | 'revokedAt' | 'openedAt'>,
  link: LinkState | undefined,
  mail: MailState | undefined,
): InvitationStatus {
  if (ci.joinedAt) return 'joined';
  if (ci.revokedAt || (link?.revokedAt && !link.acceptedAt)) return 'revoked';
  if (mail?.status === 'failed') return 'bounced';
  if (ci.openedAt) return 'opened';
  return 'sent';
}

export interface InvitationRow {
  id: string;
  email: string;
  invitedAt: Date;
  openedAt: Date | null;
  joinedAt: Date | null;
  revokedAt: Date | null;
  lastSentAt: Date;
  sendCount: number;
  status: InvitationStatus;
  delivery: DeliveryStatus | null;
  deliveryError: string | null;
  expiresAt: Date | null;
  firmName: string | null;
}

/** The row the chamber sees of one invited address (firmName: the firm that joined through it). */
export function invitationRow(
  ci: CampaignInvitationRecord,
  link: LinkState | undefined,
  mail: MailState | undefined,
  firmName: string | null,
): InvitationRow {
  return {
    id: ci.id,
    email: ci.email,
    invitedAt: ci.invitedAt,
    openedAt: ci.openedAt,
    joinedAt: ci.joinedAt,
    revokedAt: ci.revokedAt ?? (link && !link.acceptedAt ? link.revokedAt : null),
    lastSentAt: ci.lastSentAt,
    sendCount: ci.sendCount,
    status: invitationStatusOf(ci, link, mail),
    delivery: mail?.status ?? null,
    deliveryError: mail?.status === 'failed' ? mail.lastError : null,
    expiresAt: !ci.joinedAt && !ci.revokedAt && link && !link.revokedAt ? link.expiresAt : null,
    firmName,
  };
}

/** Why invitation mails do not actually go out, or null: no mail server configured, mails not sent, or refused. */
export function deliveryWarning(configured: boolean, counts: { notSent: number; failed: number }): string | null {
  if (!configured)
    return 'No mail server is configured (SMTP_URL): invitations are stored, but no email goes out. Configure SMTP, or send the links another way.';
  if (counts.notSent > 0)
    return `${counts.notSent} invitation email(s) were not sent because no mail server was configured at the time; send them again.`;
  if (counts.failed > 0) return `${counts.failed} invitation email(s) could not be delivered (bounced).`;
  return null;
}
