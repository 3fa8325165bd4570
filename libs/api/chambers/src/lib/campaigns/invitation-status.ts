import type { DeliveryStatus, InvitationStatus } from './dto/campaign.views';

/**
 * The status of one invited address, in SQL over `campaign_invitation ci`, its accounts invitation `inv` and its latest
 * mail `mo` (all LEFT JOINed): joined beats revoked (by the chamber, or the link withdrawn otherwise) beats bounced
 * (the outbox gave up on the mail) beats opened beats sent.
 */
export const STATUS_SQL = `CASE
  WHEN ci."joined_at" IS NOT NULL THEN 'joined'
  WHEN ci."revoked_at" IS NOT NULL OR (inv."revoked_at" IS NOT NULL AND inv."accepted_at" IS NULL) THEN 'revoked'
  WHEN mo."status" = 'failed' THEN 'bounced'
  WHEN ci."opened_at" IS NOT NULL THEN 'opened'
  ELSE 'sent' END`;

/** FROM clause for STATUS_SQL. */
export const INVITATION_FROM = `"campaign_invitation" ci
  LEFT JOIN "invitation" inv ON inv."id" = ci."invitation_id"
  LEFT JOIN "mail_outbox" mo ON mo."id" = ci."mail_id"`;

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

/** Columns of InvitationRow (for `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} LEFT JOIN organisation o ...`). */
export const INVITATION_COLUMNS = `ci."id", ci."email", ci."invited_at" AS "invitedAt", ci."opened_at" AS "openedAt",
  ci."joined_at" AS "joinedAt", COALESCE(ci."revoked_at", CASE WHEN inv."accepted_at" IS NULL THEN inv."revoked_at" END) AS "revokedAt",
  ci."last_sent_at" AS "lastSentAt", ci."send_count" AS "sendCount", ${STATUS_SQL} AS "status",
  mo."status" AS "delivery", CASE WHEN mo."status" = 'failed' THEN mo."last_error" END AS "deliveryError",
  CASE WHEN ci."joined_at" IS NULL AND ci."revoked_at" IS NULL AND inv."revoked_at" IS NULL THEN inv."expires_at" END AS "expiresAt", fo."name" AS "firmName"`;

export const INVITATION_FIRM_JOIN = `LEFT JOIN "organisation" fo ON fo."id" = ci."firm_id"`;

/** Why invitation mails do not actually go out, or null: no mail server configured, mails not sent, or refused. */
export function deliveryWarning(configured: boolean, counts: { notSent: number; failed: number }): string | null {
  if (!configured)
    return 'No mail server is configured (SMTP_URL): invitations are stored, but no email goes out. Configure SMTP, or send the links another way.';
  if (counts.notSent > 0)
    return `${counts.notSent} invitation email(s) were not sent because no mail server was configured at the time; send them again.`;
  if (counts.failed > 0) return `${counts.failed} invitation email(s) could not be delivered (bounced).`;
  return null;
}
