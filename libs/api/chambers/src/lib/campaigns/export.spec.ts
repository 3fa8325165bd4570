import { exportFilename, participationCsv } from './export';
import type { InvitationRow } from './invitation-status';

const row = (over: Partial<InvitationRow>): InvitationRow => ({
  id: 'ci-1',
  email: 'info@muster.test',
  invitedAt: new Date('2026-12-01T08:00:00Z'),
  openedAt: null,
  joinedAt: null,
  revokedAt: null,
  lastSentAt: new Date('2026-12-01T08:00:00Z'),
  sendCount: 1,
  status: 'sent',
  delivery: 'sent',
  deliveryError: null,
  expiresAt: new Date('2026-12-31T23:00:00Z'),
  firmName: null,
  ...over,
});

describe('participation CSV', () => {
  it('is UTF-8 with BOM, ; separated, CRLF, with German headers and statuses', () => {
    const csv = participationCsv(
      [
        row({}),
        row({
          email: 'b@firma.test',
          status: 'joined',
          joinedAt: new Date('2026-12-02T09:30:00Z'),
          firmName: 'Müller; Söhne GmbH',
        }),
        row({ email: 'c@firma.test', status: 'bounced', delivery: 'failed' }),
      ],
      'de',
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '"E-Mail-Adresse";"Status";"Eingeladen am (UTC)";"Zuletzt gesendet am (UTC)";"Anzahl gesendet";"Versand";"Geöffnet am (UTC)";"Beigetreten am (UTC)";"Unternehmen";"Link gültig bis (UTC)"',
    );
    expect(lines[1]).toBe(
      '"info@muster.test";"Gesendet";"2026-12-01 08:00";"2026-12-01 08:00";1;"Zugestellt";"";"";"";"2026-12-31 23:00"',
    );
    expect(lines[2]).toContain('"Beigetreten";');
    expect(lines[2]).toContain('"Müller; Söhne GmbH"');
    expect(lines[3]).toContain('"Unzustellbar"');
    expect(lines[4]).toBe('');
  });

  it('neutralises spreadsheet formulas in text cells', () => {
    const csv = participationCsv([row({ firmName: '=HYPERLINK("x")' })], 'en').toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"Email address";"Status"');
  });

  it('names the file after the campaign', () => {
    expect(exportFilename('Frühjahr 2027: Außenhandel', 'de')).toBe(
      'SCS-Check_Teilnahme_Fruhjahr-2027-Aussenhandel.csv',
    );
    expect(exportFilename('???', 'en')).toBe('SCS-Check_participation_campaign.csv');
  });
});
