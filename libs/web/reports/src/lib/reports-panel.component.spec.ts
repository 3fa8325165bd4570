import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ReportView } from '@scs/shared/contracts';
import { provideIcuMessages, LanguageService } from '@scs/web/core';
import en from './i18n/en.json';
import { ReportsPanelComponent } from './reports-panel.component';
import { formatBytes, pollDelay } from './reports.api';

const ASSESSMENT = '3f0e9a1b-2c3d-4e5f-9a8b-7c6d5e4f3a2b';
const SHA = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';

function report(overrides: Partial<ReportView> = {}): ReportView {
  return {
    id: 'r1',
    assessmentId: ASSESSMENT,
    kind: 'assessment',
    locale: 'en',
    status: 'queued',
    error: null,
    sha256: null,
    bytes: null,
    pages: null,
    attempts: 0,
    createdAt: '2026-05-02T09:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

/** Lets the promise chains after a flushed request run, then renders. */
async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  fixture.detectChanges();
}

describe('ReportsPanelComponent', () => {
  let fixture: ComponentFixture<ReportsPanelComponent>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const listUrl = `/api/assessments/${ASSESSMENT}/reports`;

  beforeEach(async () => {
    jest.useFakeTimers();
    await TestBed.configureTestingModule({
      imports: [
        ReportsPanelComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { reports: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function create(lang: 'en' | 'de' = 'en', rendering: 'available' | 'unavailable' = 'available'): Promise<void> {
    TestBed.inject(LanguageService).current.set(lang);
    fixture = TestBed.createComponent(ReportsPanelComponent);
    fixture.componentRef.setInput('assessmentId', ASSESSMENT);
    fixture.detectChanges();
    http.expectOne('/api/reports/rendering').flush({ status: rendering });
    await settle(fixture);
  }

  it('shows the empty state, then the progress of a new report, then the download link of the finished file', async () => {
    await create('de');
    http.expectOne(listUrl).flush([]);
    await settle(fixture);
    expect(el().querySelector('[data-testid="reports-empty"]')?.textContent).toContain('No report yet');

    // The report language defaults to the UI language.
    const generate = [...el().querySelectorAll<HTMLButtonElement>('.generate > button')].find((b) =>
      b.textContent?.includes('Generate report'),
    );
    generate?.click();
    const post = http.expectOne({ method: 'POST', url: listUrl });
    expect(post.request.body).toEqual({ locale: 'de' });
    post.flush(report({ locale: 'de' }));
    await settle(fixture);
    expect(el().querySelector('[data-testid="report-current"]')?.textContent).toContain('Waiting in the queue');
    expect(el().querySelector('[data-testid="report-download"]')).toBeNull();

    jest.advanceTimersByTime(pollDelay(0));
    http.expectOne('/api/reports/r1').flush(report({ locale: 'de', status: 'rendering' }));
    await settle(fixture);
    expect(el().querySelector('[data-testid="report-current"]')?.textContent).toContain('Creating the PDF');

    jest.advanceTimersByTime(pollDelay(1));
    http.expectOne('/api/reports/r1').flush(
      report({
        locale: 'de',
        status: 'done',
        sha256: SHA,
        bytes: 245_000,
        pages: 11,
        finishedAt: '2026-05-02T09:00:03.000Z',
      }),
    );
    await settle(fixture);
    const link = el().querySelector<HTMLAnchorElement>('[data-testid="report-download"]');
    expect(link?.getAttribute('href')).toBe('/api/reports/r1/pdf');
    expect(link?.hasAttribute('download')).toBe(true);
    const row = el().querySelector('[data-testid="report-row"]');
    expect(row?.textContent).toContain('Deutsch');
    expect(row?.textContent).toContain('11');
    expect(row?.textContent).toContain('245 kB');
    const code = row?.querySelector('code');
    expect(code?.textContent).toBe(`${SHA.slice(0, 12)}…`);
    expect(code?.getAttribute('data-sha256')).toBe(SHA);
    expect(code?.getAttribute('title')).toBe(SHA);
    expect(row?.textContent).not.toContain('Prepared by');

    // Done: no further polling.
    jest.advanceTimersByTime(10_000);
    http.expectNone('/api/reports/r1');
  });

  it('shows why a report failed and asks again in the same language on retry', async () => {
    await create('en');
    http
      .expectOne(listUrl)
      .flush([report({ id: 'r2', locale: 'de', status: 'failed', error: 'Chromium crashed 3 times', attempts: 3 })]);
    await settle(fixture);
    const row = el().querySelector('[data-testid="report-row"]');
    expect(row?.textContent).toContain('Failed');
    expect(row?.textContent).toContain('Chromium crashed 3 times');

    (row?.querySelector('td.actions button') as HTMLButtonElement).click();
    const post = http.expectOne({ method: 'POST', url: listUrl });
    expect(post.request.body).toEqual({ locale: 'de' });
    post.flush(report({ id: 'r2', locale: 'de', status: 'queued', attempts: 3 }));
    await settle(fixture);
    expect(el().querySelectorAll('[data-testid="report-row"]')).toHaveLength(1);
    expect(el().querySelector('[data-testid="report-row"]')?.getAttribute('data-status')).toBe('queued');
  });

  it('keeps polling unfinished reports of the list and stops when the panel is destroyed', async () => {
    await create();
    http.expectOne(listUrl).flush([
      report({ id: 'r3', status: 'rendering' }),
      report({
        id: 'r4',
        status: 'done',
        sha256: SHA,
        bytes: 900,
        pages: 9,
        preparedBy: { orgId: 'c1', name: 'AHK Greater China' },
      }),
    ]);
    await settle(fixture);
    jest.advanceTimersByTime(pollDelay(0));
    http.expectOne('/api/reports/r3').flush(report({ id: 'r3', status: 'rendering' }));
    await settle(fixture);
    expect(el().querySelectorAll('[data-testid="report-row"]')[1]?.textContent).toContain(
      'Prepared by AHK Greater China',
    );
    http.expectNone('/api/reports/r4');
    await settle(fixture);

    fixture.destroy();
    jest.advanceTimersByTime(60_000);
    http.expectNone('/api/reports/r3');
  });

  it('says what an operator must install when the server cannot render PDFs, and queues nothing', async () => {
    await create('en', 'unavailable');
    http.expectOne(listUrl).flush([]);
    await settle(fixture);
    expect(el().querySelector('[data-testid="reports-unavailable"]')?.textContent).toContain(
      'apt-get install chromium',
    );
    const generate = [...el().querySelectorAll<HTMLButtonElement>('.generate > button')].find((b) =>
      b.textContent?.includes('Generate report'),
    );
    expect(generate?.disabled).toBe(true);
    generate?.click();
    http.expectNone({ method: 'POST', url: listUrl });
  });

  it('shows a load error with a retry', async () => {
    await create();
    http
      .expectOne(listUrl)
      .flush({ message: 'Database unavailable' }, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    expect(el().textContent).toContain('The reports could not be loaded.');
    expect(el().textContent).toContain('Database unavailable');
    (el().querySelector('scs-error-box button') as HTMLButtonElement).click();
    http.expectOne(listUrl).flush([]);
    await settle(fixture);
    expect(el().querySelector('[data-testid="reports-empty"]')).not.toBeNull();
  });
});

describe('report helpers', () => {
  it('formats sizes in the UI language', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(245_000, 'de')).toBe('245 kB');
    expect(formatBytes(1_250_000, 'de')).toBe('1,3 MB');
    expect(formatBytes(null, 'en')).toBe('–');
  });

  it('polls quickly at first and at most every five seconds', () => {
    expect(pollDelay(0)).toBe(1000);
    expect(pollDelay(3)).toBeGreaterThan(pollDelay(2));
    expect(pollDelay(50)).toBe(5000);
  });
});
