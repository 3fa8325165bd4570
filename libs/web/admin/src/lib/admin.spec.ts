import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { nextRequest, settle, text } from '@scs/web/core/testing';
import de from './i18n/de.json';
import en from './i18n/en.json';
import { AdminListPage } from './pages/admin-list.page';
import { AdminPage } from './pages/admin.page';

const ORGS = {
  items: [
    { id: 'o1', kind: 'firm', name: 'Muster GmbH', createdAt: '2026-11-02T08:00:00Z', members: 1200 },
    { id: 'o2', kind: 'chamber', name: 'AHK Shanghai', createdAt: '2026-11-01T08:00:00Z', members: 3 },
  ],
  total: 27,
  offset: 0,
  limit: 25,
};

/** Every key of `a` (nested, dotted) that `b` lacks. */
function missing(a: object, b: object, prefix = ''): string[] {
  return Object.entries(a).flatMap(([k, v]) => {
    const other = (b as Record<string, unknown>)[k];
    if (other === undefined) return [`${prefix}${k}`];
    return typeof v === 'object' && v !== null ? missing(v, other as object, `${prefix}${k}.`) : [];
  });
}

describe('admin web feature', () => {
  let http: HttpTestingController;
  let session: SessionService;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: { admin: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionService);
    session.user.set({ id: 'u1', email: 'ops@example.test', name: 'Ops', platformAdmin: true, memberships: [] });
    session.loaded.set(true);
  });
  afterEach(() => http.verify());

  it('has the same texts in German and English', () => {
    expect(missing(en, de)).toEqual([]);
    expect(missing(de, en)).toEqual([]);
  });

  it('shows the tabs to a platform admin and turns everyone else away', async () => {
    const fixture = TestBed.createComponent(AdminPage);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect([...el.querySelectorAll('[mat-tab-link]')].map(text)).toEqual([
      'Organisations',
      'People',
      'Outbox',
      'Catalogue versions',
      'Audit log',
      'Research exports',
    ]);
    session.user.set({ id: 'u2', email: 'firm@example.test', name: 'Firm', platformAdmin: false, memberships: [] });
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="admin-denied"]'))).toContain('for platform administrators only');
    expect(el.querySelector('[mat-tab-link]')).toBeNull();
  });

  describe('AdminListPage', () => {
    async function create() {
      const fixture = TestBed.createComponent(AdminListPage);
      fixture.componentRef.setInput('list', 'organisations');
      fixture.detectChanges();
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el.querySelector('scs-loading'))).toBe('Loading …');
      const req = await nextRequest(fixture, http, (r) => r.url === '/api/admin/organisations');
      expect(req.request.params.get('offset')).toBe('0');
      expect(req.request.params.get('limit')).toBe('25');
      expect(req.request.params.has('q')).toBe(false);
      req.flush(ORGS);
      await settle(fixture);
      return { fixture, el };
    }

    it('lists rows with translated values, numbers and the range, and pages on', async () => {
      const { fixture, el } = await create();
      const rows = [...el.querySelectorAll('[data-testid="admin-table"] tbody tr')].map((r) =>
        [...r.querySelectorAll('td')].map(text),
      );
      expect(rows[0].slice(0, 3)).toEqual(['Muster GmbH', 'Firm', '1,200']);
      expect(rows[1].slice(0, 2)).toEqual(['AHK Shanghai', 'Chamber']);
      expect(text(el.querySelector('[data-testid="admin-range"]'))).toBe('1–2 of 27');
      const next = [...el.querySelectorAll('.pager button')].find((b) => text(b).startsWith('Next'));
      (next as HTMLButtonElement).click();
      const req = await nextRequest(fixture, http, (r) => r.url === '/api/admin/organisations');
      expect(req.request.params.get('offset')).toBe('25');
      req.flush({ ...ORGS, offset: 25, items: [ORGS.items[0]] });
      await settle(fixture);
      expect(text(el.querySelector('[data-testid="admin-range"]'))).toBe('26–26 of 27');
    });

    it('searches (on Enter) and shows an empty state that names the search text', async () => {
      const { fixture, el } = await create();
      const input = el.querySelector('[data-testid="admin-search"]') as HTMLInputElement;
      input.value = 'zzz';
      input.dispatchEvent(new Event('input'));
      (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
      const req = await nextRequest(fixture, http, (r) => r.url === '/api/admin/organisations');
      expect(req.request.params.get('q')).toBe('zzz');
      req.flush({ items: [], total: 0, offset: 0, limit: 25 });
      await settle(fixture);
      expect(text(el.querySelector('scs-empty-state'))).toContain('Nothing matches “zzz”');
    });

    it('shows an error with a retry', async () => {
      const fixture = TestBed.createComponent(AdminListPage);
      fixture.componentRef.setInput('list', 'mails');
      (await nextRequest(fixture, http, (r) => r.url === '/api/admin/mails')).flush(
        { message: 'Database unavailable' },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el.querySelector('scs-error-box'))).toContain('Database unavailable');
    });
  });
});
