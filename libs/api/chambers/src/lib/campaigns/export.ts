import type { InvitationStatus } from './dto/campaign.views';
import type { InvitationRow } from './invitation-status';

type Locale = 'de' | 'en';

const HEAD: Record<Locale, string[]> = {
  de: [
    'E-Mail-Adresse',
    'Status',
    'Eingeladen am (UTC)',
    'Zuletzt gesendet am (UTC)',
    'Anzahl gesendet',
    'Versand',
    'Geöffnet am (UTC)',
    'Beigetreten am (UTC)',
    'Unternehmen',
    'Link gültig bis (UTC)',
  ],
  en: [
    'Email address',
    'Status',
    'Invited (UTC)',
    'Last sent (UTC)',
    'Times sent',
    'Delivery',
    'Opened (UTC)',
    'Joined (UTC)',
    'Firm',
    'Link valid until (UTC)',
  ],
};

const STATUS: Record<Locale, Record<InvitationStatus, string>> = {
  de: {
    sent: 'Gesendet',
    opened: 'Geöffnet',
    joined: 'Beigetreten',
    bounced: 'Unzustellbar',
    revoked: 'Zurückgezogen',
  },
  en: { sent: 'Sent', opened: 'Opened', joined: 'Joined', bounced: 'Bounced', revoked: 'Withdrawn' },
};

const DELIVERY: Record<Locale, Record<string, string>> = {
  de: { pending: 'In Warteschlange', sent: 'Zugestellt', failed: 'Fehlgeschlagen', not_sent: 'Nicht gesendet' },
  en: { pending: 'Queued', sent: 'Delivered', failed: 'Failed', not_sent: 'Not sent' },
};

/** `2026-12-06 14:05` (UTC): read as a date and time by Excel in German and English alike. */
function stamp(d: Date | string | null): string {
  if (!d) return '';
  return new Date(d).toISOString().slice(0, 16).replace('T', ' ');
}

/** Quotes a text cell and neutralises spreadsheet formulas (CSV injection). */
function cell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The participation status of a campaign's invited addresses as CSV (`;`, UTF-8 with BOM, CRLF). What it holds is
 * what the campaign page shows per address; a firm's answers, scores or assessment progress are never part of it.
 */
export function participationCsv(rows: InvitationRow[], locale: Locale): Buffer {
  const lines = [
    HEAD[locale].map(cell).join(';'),
    ...rows.map((r) =>
      [
        r.email,
        STATUS[locale][r.status],
        stamp(r.invitedAt),
        stamp(r.lastSentAt),
        Number(r.sendCount),
        r.delivery ? DELIVERY[locale][r.delivery] : '',
        stamp(r.openedAt),
        stamp(r.joinedAt),
        r.firmName ?? '',
        stamp(r.expiresAt),
      ]
        .map(cell)
        .join(';'),
    ),
  ];
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export function exportFilename(title: string, locale: Locale): string {
  const slug =
    title
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'campaign';
  return `SCS-Check_${locale === 'de' ? 'Teilnahme' : 'participation'}_${slug}.csv`;
}
