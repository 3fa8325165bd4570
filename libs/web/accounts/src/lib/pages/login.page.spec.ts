import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { nextRequest, settle, setupAccountsTest, text } from '../../testing/accounts-testing';
import { LoginPage } from './login.page';

@Component({ template: 'target' })
class TargetPage {}

describe('LoginPage', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;

  beforeEach(async () => {
    http = await setupAccountsTest({
      routes: [
        { path: 'login', component: LoginPage },
        { path: '**', component: TargetPage },
      ],
    });
  });
  afterEach(() => http.verify());

  async function fillAndSubmit(returnUrl?: string) {
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const set = (name: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('email', 'anna@muster.example');
    set('password', 'correct horse battery staple');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    return { fixture, el };
  }

  it('signs in, loads the session and goes to the (same-site) return URL', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const { fixture } = await fillAndSubmit('/assessments/7');
    const login = await nextRequest(fixture, http, (r) => r.url === '/api/auth/login');
    expect(login.request.body).toEqual({ email: 'anna@muster.example', password: 'correct horse battery staple' });
    login.flush({ expiresIn: 900, user: { id: 'u', email: 'a', name: 'A', platformAdmin: false, memberships: [] } });
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/me')).flush({
      id: 'u',
      email: 'a',
      name: 'A',
      platformAdmin: false,
      memberships: [],
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/assessments/7');
  });

  it('ignores a return URL that points to another site', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const { fixture } = await fillAndSubmit('https://evil.example/');
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/login')).flush({ expiresIn: 900, user: {} });
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/me')).flush({
      id: 'u',
      email: 'a',
      name: 'A',
      platformAdmin: false,
      memberships: [],
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('takes a platform admin to the admin area when no return URL is given', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const { fixture } = await fillAndSubmit();
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/login')).flush({ expiresIn: 900, user: {} });
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/me')).flush({
      id: 'ops',
      email: 'ops@example.test',
      name: 'Ops',
      platformAdmin: true,
      memberships: [],
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/admin');
  });

  it("shows the server's message when the credentials are wrong", async () => {
    const { fixture, el } = await fillAndSubmit();
    (await nextRequest(fixture, http, (r) => r.url === '/api/auth/login')).flush(
      {
        statusCode: 401,
        message: 'Email or password is incorrect',
        errors: { password: 'Email or password is incorrect' },
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);
    expect(text(el.querySelector('[role="alert"]'))).toContain('Email or password is incorrect');
  });
});
