import { TestBed } from '@angular/core/testing';
import { SessionService } from '@scs/web/core';
import { nextRequest, settle, setupAccountsTest, signIn, text } from '../../testing/accounts-testing';
import { InvitationPage } from './invitation.page';

const chamberInvitation = {
  kind: 'chamber_firm',
  orgName: 'AHK Shanghai',
  orgKind: 'chamber',
  role: null,
  email: 'owner@muster.example',
  expiresAt: '2026-12-01T00:00:00Z',
};

describe('InvitationPage', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;

  beforeEach(async () => {
    http = await setupAccountsTest({ routes: [{ path: '**', children: [] }] });
  });
  afterEach(() => http.verify());

  async function open(token = 'tok') {
    const fixture = TestBed.createComponent(InvitationPage);
    fixture.componentRef.setInput('token', token);
    const preview = await nextRequest(fixture, http, (r) => r.url === `/api/invitations/${token}`);
    return { fixture, preview, el: fixture.nativeElement as HTMLElement };
  }

  it('explains that a used invitation cannot be used again', async () => {
    const { fixture, preview, el } = await open();
    preview.flush(
      { statusCode: 410, message: 'This invitation has already been used' },
      { status: 410, statusText: 'Gone' },
    );
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="gone"]'))).toContain('This invitation has already been used');
  });

  it('offers signing in or registering when nobody is signed in', async () => {
    TestBed.inject(SessionService).loaded.set(true);
    const { fixture, preview, el } = await open('tok-1');
    preview.flush(chamberInvitation);
    await settle(fixture);
    const links = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/login?returnUrl=%2Finvitations%2Ftok-1', '/register?invitation=tok-1']);
  });

  it('for a chamber invitation, lets an owner join one of the firms they own — and only those', async () => {
    signIn([
      { orgId: 'firm-owned', orgName: 'Muster GmbH', kind: 'firm', role: 'owner' },
      { orgId: 'firm-member', orgName: 'Other AG', kind: 'firm', role: 'member' },
    ]);
    const { fixture, preview, el } = await open('tok-2');
    preview.flush(chamberInvitation);
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="offer"]'))).toBe('AHK Shanghai invites your firm to SCS Check.');
    (el.querySelector('button') as HTMLButtonElement).click();
    const accept = await nextRequest(fixture, http, (r) => r.url === '/api/invitations/tok-2/accept');
    expect(accept.request.body).toEqual({ firmId: 'firm-owned' });
    accept.flush({ kind: 'chamber_firm', orgId: 'chamber-1', firmId: 'firm-owned' });
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/me')).flush({
      id: 'user-1',
      email: 'a',
      name: 'A',
      platformAdmin: false,
      memberships: [],
    });
    await settle(fixture);
    expect(text(el.querySelector('[role="status"]'))).toBe('Done: your firm has joined AHK Shanghai.');
  });

  it('tells a signed-in user who owns no firm that only firm owners can accept a chamber invitation', async () => {
    signIn([{ orgId: 'firm-member', orgName: 'Other AG', kind: 'firm', role: 'member' }]);
    const { fixture, preview, el } = await open();
    preview.flush(chamberInvitation);
    await settle(fixture);
    expect(el.querySelector('[data-testid="no-owned-firm"]')).not.toBeNull();
    expect(el.querySelector('button')).toBeNull();
  });
});
