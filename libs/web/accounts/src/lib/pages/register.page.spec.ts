import { TestBed } from '@angular/core/testing';
import { nextRequest, settle, setupAccountsTest, text } from '../../testing/accounts-testing';
import { RegisterPage } from './register.page';

describe('RegisterPage', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;

  beforeEach(async () => {
    http = await setupAccountsTest({ routes: [{ path: '**', children: [] }] });
  });
  afterEach(() => http.verify());

  const input = (el: HTMLElement, name: string) =>
    el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
  const type = (el: HTMLElement, name: string, value: string) => {
    const i = input(el, name) as HTMLInputElement;
    i.value = value;
    i.dispatchEvent(new Event('input'));
  };

  it("shows the server's password rule next to the password field", async () => {
    const fixture = TestBed.createComponent(RegisterPage);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    type(el, 'name', 'Anna');
    type(el, 'email', 'anna@muster.example');
    type(el, 'password', 'password1234');
    type(el, 'firmName', 'Muster GmbH');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const req = await nextRequest(fixture, http, (r) => r.url === '/api/auth/register');
    expect(req.request.body).toEqual({
      name: 'Anna',
      email: 'anna@muster.example',
      password: 'password1234',
      firmName: 'Muster GmbH',
    });
    req.flush(
      {
        statusCode: 400,
        message: 'This password is too common; choose another one',
        errors: { password: 'This password is too common; choose another one' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="password-error"]'))).toBe(
      'This password is too common; choose another one',
    );
    expect(el.querySelector('scs-error-box')).toBeNull(); // the message sits at the field, not in a banner
  });

  it('marks the firm name required and flags a name over 200 characters while typing, before any submit', async () => {
    const fixture = TestBed.createComponent(RegisterPage);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(input(el, 'firmName')?.required).toBe(true);
    type(el, 'firmName', 'M'.repeat(233));
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="firm-name-error"]'))).toBe('At most 200 characters (233 entered)');
    // Approaching the limit, a counter shows how much is left (the error above replaces it once over the limit).
    type(el, 'firmName', 'M'.repeat(190));
    await settle(fixture);
    expect(el.querySelector('[data-testid="firm-name-error"]')).toBeNull();
    expect(text(el.querySelector('[data-testid="firm-name-count"]'))).toBe('190 / 200');
    // An empty firm name is an error of its own (the API would say so only after the round trip).
    type(el, 'firmName', '');
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="firm-name-error"]'))).toBe('Required');
  });

  it("through a colleague's invitation: explains what happens, pre-fills the email and asks for no firm", async () => {
    const fixture = TestBed.createComponent(RegisterPage);
    fixture.componentRef.setInput('invitation', 'tok-123');
    (await nextRequest(fixture, http, (r) => r.url === '/api/invitations/tok-123')).flush({
      kind: 'member',
      orgName: 'Muster GmbH',
      orgKind: 'firm',
      role: 'admin',
      email: 'ben@muster.example',
      expiresAt: '2026-12-01T00:00:00Z',
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid="invitation-info"]'))).toBe('You are joining Muster GmbH as Admin.');
    expect(input(el, 'email')?.value).toBe('ben@muster.example');
    expect(input(el, 'firmName')).toBeNull();
    type(el, 'name', 'Ben');
    type(el, 'password', 'a long passphrase here');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const req = await nextRequest(fixture, http, (r) => r.url === '/api/auth/register');
    expect(req.request.body).toEqual({
      name: 'Ben',
      email: 'ben@muster.example',
      password: 'a long passphrase here',
      invitationToken: 'tok-123',
    });
    req.flush({ message: 'Check your e-mail' }, { status: 202, statusText: 'Accepted' });
    await settle(fixture);
    // Nobody is signed in yet: the page asks to open the mailed confirmation link.
    expect(text(el.querySelector('[data-testid="check-mail"]'))).toContain('ben@muster.example');
    expect(el.querySelector('form')).toBeNull();
  });
});
