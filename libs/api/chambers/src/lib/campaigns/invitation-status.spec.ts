import { type CampaignInvitationRecord, invitationRow, invitationStatusOf } from './invitation-status';

const at = (day: number) => new Date(Date.UTC(2026, 11, day));
const record = (over: Partial<CampaignInvitationRecord> = {}): CampaignInvitationRecord => ({
  id: 'ci-1',
  email: 'a@firm.example',
  invitationId: 'inv-1',
  mailId: 'mail-1',
  firmId: null,
  invitedAt: at(1),
  openedAt: null,
  joinedAt: null,
  revokedAt: null,
  lastSentAt: at(1),
  sendCount: 1,
  ...over,
});
const pending = { acceptedAt: null, revokedAt: null, expiresAt: at(30) };

describe('invitationStatusOf (one invited address)', () => {
  it('is sent, then opened, from the campaign row alone', () => {
    expect(invitationStatusOf(record(), pending, { status: 'sent', lastError: null })).toBe('sent');
    expect(invitationStatusOf(record({ openedAt: at(2) }), pending, { status: 'sent', lastError: null })).toBe(
      'opened',
    );
  });

  it('ranks joined over revoked over bounced over opened', () => {
    const failed = { status: 'failed' as const, lastError: '550 unknown mailbox' };
    const withdrawn = { ...pending, revokedAt: at(3) };
    expect(invitationStatusOf(record({ openedAt: at(2) }), pending, failed)).toBe('bounced');
    expect(invitationStatusOf(record({ openedAt: at(2) }), withdrawn, failed)).toBe('revoked');
    expect(invitationStatusOf(record({ revokedAt: at(3) }), pending, failed)).toBe('revoked');
    expect(invitationStatusOf(record({ joinedAt: at(4), revokedAt: at(3) }), withdrawn, failed)).toBe('joined');
  });

  it('does not count a link revoked after it was accepted, nor a missing invitation or mail', () => {
    expect(invitationStatusOf(record(), { acceptedAt: at(2), revokedAt: at(3), expiresAt: at(30) }, undefined)).toBe(
      'sent',
    );
    expect(invitationStatusOf(record({ invitationId: null, mailId: null }), undefined, undefined)).toBe('sent');
  });
});

describe('invitationRow (what the chamber sees of one address)', () => {
  it('shows the link end while it is pending, the delivery and its error once failed', () => {
    expect(invitationRow(record(), pending, { status: 'failed', lastError: 'refused' }, null)).toEqual({
      id: 'ci-1',
      email: 'a@firm.example',
      invitedAt: at(1),
      openedAt: null,
      joinedAt: null,
      revokedAt: null,
      lastSentAt: at(1),
      sendCount: 1,
      status: 'bounced',
      delivery: 'failed',
      deliveryError: 'refused',
      expiresAt: at(30),
      firmName: null,
    });
    expect(invitationRow(record(), pending, { status: 'sent', lastError: 'old' }, null).deliveryError).toBeNull();
  });

  it("takes the withdrawal date from the link when the chamber did not withdraw it, and hides the link's end", () => {
    const row = invitationRow(record(), { ...pending, revokedAt: at(5) }, undefined, null);
    expect(row).toMatchObject({ status: 'revoked', revokedAt: at(5), expiresAt: null, delivery: null });
    expect(
      invitationRow(record({ revokedAt: at(4) }), { ...pending, revokedAt: at(5) }, undefined, null).revokedAt,
    ).toEqual(at(4));
  });

  it('names the firm that joined and no longer shows a link end', () => {
    expect(
      invitationRow(
        record({ joinedAt: at(6), firmId: 'f-1' }),
        { ...pending, acceptedAt: at(6) },
        undefined,
        'Muster GmbH',
      ),
    ).toMatchObject({ status: 'joined', firmName: 'Muster GmbH', expiresAt: null, revokedAt: null });
  });
});
