import { TestBed } from '@angular/core/testing';
import { PROFILE_FIELD_NAMES } from '@scs/shared/catalogue';
import { SMALL_FIRM_PROFILE } from '@scs/shared/testing';
import { LanguageService } from '@scs/web/core';
import { nextRequest, settle, setupAccountsTest, signIn, text } from '../../../testing/accounts-testing';
import type { ProfileView } from '../../data/accounts.types';
import { ProfilePage } from './profile.page';

// Renders every profile field with Material components: slow on a loaded CI machine.
jest.setTimeout(30_000);

const complete: ProfileView = {
  orgId: 'firm-1',
  version: 3,
  createdAt: '2026-05-01T09:00:00.000Z',
  createdBy: 'user-1',
  complete: true,
  missing: [],
  data: {
    name: 'Muster (Suzhou) Co., Ltd.',
    uscc: null,
    ...SMALL_FIRM_PROFILE,
    importsExports: true,
    taxRegistrationYear: 2012,
  },
};

describe('ProfilePage', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;

  beforeEach(async () => {
    http = await setupAccountsTest();
  });
  afterEach(() => http.verify());

  async function render(role: 'owner' | 'member', profile: ProfileView = complete) {
    signIn([{ orgId: 'firm-1', orgName: 'Muster', kind: 'firm', role }]);
    const fixture = TestBed.createComponent(ProfilePage);
    (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/firm-1/profile')).flush(profile);
    (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/firm-1/profile/versions')).flush([
      { ...profile, createdByName: 'Anna' },
    ]);
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows a field for every catalogue profile field, and warns when the profile is incomplete', async () => {
    const { el } = await render('owner', {
      ...complete,
      version: 1,
      complete: false,
      missing: ['legalForm'],
      data: { name: 'Muster' },
    });
    for (const name of PROFILE_FIELD_NAMES) expect(el.querySelector(`[data-field="${name}"]`)).not.toBeNull();
    expect(el.querySelector('[data-testid="incomplete"]')).not.toBeNull();
  });

  it('labels the 2026.2 fields in German', async () => {
    TestBed.inject(LanguageService).current.set('de');
    const { el } = await render('owner');
    expect(text(el.querySelector('[data-field="exporter"] mat-label'))).toBe('Exportiert Waren im eigenen Namen');
    // Long labels sit above their select instead of being cut off as a floating label.
    expect(text(el.querySelector('[data-field="crossBorderSensitivePiVolume"] .radio-label'))).toBe(
      'Personen, deren sensible personenbezogene Informationen je Kalenderjahr ins Ausland übermittelt werden',
    );
    expect(text(el.querySelector('[data-field="crossBorderPiVolume"] .mat-mdc-select-value'))).toBe('Weiß nicht');
  });

  it('normalises a USCC pasted with spaces, hyphens or in lower case (not cut off at 18 characters)', async () => {
    const { fixture, el } = await render('owner');
    const uscc = el.querySelector<HTMLInputElement>('[data-testid="uscc"]') as HTMLInputElement;
    expect(uscc.maxLength).toBe(-1); // a pasted "9135 0100 M000 100Y 43" has 22 characters
    uscc.value = '9135 0100-m000 100Y 43';
    uscc.dispatchEvent(new Event('input'));
    uscc.dispatchEvent(new Event('blur'));
    await settle(fixture);
    expect(uscc.value).toBe('91350100M000100Y43');
    uscc.value = '9135 0100 M000 100Y 43';
    uscc.dispatchEvent(new Event('input'));
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const save = await nextRequest(fixture, http, (r) => r.method === 'PUT');
    expect((save.request.body as { uscc: string }).uscc).toBe('91350100M000100Y43');
    save.flush({}, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
  });

  it("saves every field with the version it started from, and shows the server's message next to the wrong field", async () => {
    const { fixture, el } = await render('owner');
    const uscc = el.querySelector<HTMLInputElement>('[data-testid="uscc"]') as HTMLInputElement;
    uscc.value = '91350100M000100Y44';
    uscc.dispatchEvent(new Event('input'));
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const save = await nextRequest(fixture, http, (r) => r.method === 'PUT');
    // A profile stored before catalogue 2026.2 lacks the later fields: they are sent with their defaults.
    const later = {
      importer: 'unknown',
      exporter: 'unknown',
      customsDirectUnregistered: 'no',
      piProcessedVolume: 'unknown',
      crossBorderPiVolume: 'unknown',
      crossBorderSensitivePiVolume: 'unknown',
    };
    expect(save.request.body).toEqual({ ...complete.data, ...later, uscc: '91350100M000100Y44', baseVersion: 3 });
    const message = 'The check character (18th) does not match; please check for typos';
    save.flush(
      { statusCode: 400, message: `Invalid request. uscc: ${message}`, errors: { uscc: message } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="uscc-error"]'))).toBe(message);
    expect(el.querySelector('[data-testid="fix-fields"]')).not.toBeNull();
  });

  it("offers to load the colleague's version when someone saved in between (409)", async () => {
    const { fixture, el } = await render('owner');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    (await nextRequest(fixture, http, (r) => r.method === 'PUT')).flush(
      { statusCode: 409, message: 'Someone saved' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(text(el.querySelector('scs-error-box'))).toContain('A colleague saved the profile in the meantime.');
  });

  it('is read-only for members', async () => {
    const { el } = await render('member');
    expect(el.querySelector('button[type="submit"]')).toBeNull();
    expect(el.querySelector<HTMLInputElement>('[data-testid="uscc"]')?.disabled).toBe(true);
  });
});
