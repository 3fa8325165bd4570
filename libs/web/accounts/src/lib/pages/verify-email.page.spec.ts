import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { nextRequest, settle, setupAccountsTest, text } from '../../testing/accounts-testing';
import { VerifyEmailPage } from './verify-email.page';

describe('VerifyEmailPage', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;

  beforeEach(async () => {
    http = await setupAccountsTest({ routes: [{ path: '**', children: [] }] });
  });
  afterEach(() => http.verify());

  it('confirms the address once, signs in and opens the firm', async () => {
    const fixture = TestBed.createComponent(VerifyEmailPage);
    fixture.componentRef.setInput('token', 'tok-1');
    const req = await nextRequest(fixture, http, (r) => r.url === '/api/auth/verify-email');
    expect(req.request.body).toEqual({ token: 'tok-1' });
    const memberships = [{ orgId: 'firm-1', kind: 'firm', orgName: 'Muster GmbH', role: 'owner' }];
    req.flush({
      orgId: 'firm-1',
      expiresIn: 900,
      user: { id: 'u', email: 'anna@muster.example', name: 'Anna', platformAdmin: false, memberships },
    });
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/me')).flush({
      id: 'u',
      email: 'anna@muster.example',
      name: 'Anna',
      platformAdmin: false,
      memberships,
    });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/firm');
  });

  it('explains an expired or used link and offers to sign in', async () => {
    const fixture = TestBed.createComponent(VerifyEmailPage);
    fixture.componentRef.setInput('token', 'old');
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/verify-email')).flush(
      { statusCode: 400, message: 'This confirmation link is invalid or has expired; sign in to get a new one' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid="verify-error"]'))).toContain('invalid or has expired');
    expect(el.querySelector('a[href="/login"]')).not.toBeNull();
  });
});
