import type { AggregateTable, DistributionView } from '@scs/shared/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { InvitePanelComponent } from './components/invite-panel.component';
import { endOfDay, startOfDay } from './data/chamber-context';
import en from './i18n/en.json';
import { CampaignPage } from './pages/campaign.page';
import { DistributionPanelComponent } from './components/distribution-panel.component';
import { MembersPage } from './pages/members.page';
import { NewCampaignPage } from './pages/new-campaign.page';
import { nextRequest, settle, text } from '@scs/web/core/testing';

const NOT_STARTED: DistributionView = {
  campaignId: 'camp-1',
  started: false,
  locale: null,
  startedAt: null,
  total: 0,
  done: 0,
  failed: 0,
  pending: 0,
  prepared: null,
  finished: false,
};

const CAMPAIGN = {
  id: 'camp-1',
  title: 'SCS-Selbstcheck 2026',
  messageDe: 'Hallo',
  messageEn: 'Hello',
  opensAt: '2026-11-01T00:00:00Z',
  closesAt: '2026-12-31T23:59:59Z',
  closedAt: null,
  status: 'open',
  createdAt: '2026-11-01T00:00:00Z',
  invited: 3,
  joined: 2,
};

const NO_INVITATIONS = { items: [], total: 0, counts: { sent: 0, opened: 0, joined: 0, bounced: 0, revoked: 0 } };

describe('chambers web feature', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: { chambers: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
      deferBlockBehavior: DeferBlockBehavior.Manual, // the echarts chart is not rendered in jsdom; the numbers table is
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'k@ahk.example',
      name: 'K',
      platformAdmin: false,
      memberships: [{ orgId: 'chamber-1', orgName: 'AHK', kind: 'chamber', role: 'owner' }],
    });
    session.loaded.set(true);
  });
  afterEach(() => http.verify());

  describe('InvitePanelComponent', () => {
    function create() {
      const fixture = TestBed.createComponent(InvitePanelComponent);
      fixture.componentRef.setInput('chamberId', 'chamber-1');
      fixture.componentRef.setInput('campaignId', 'camp-1');
      fixture.detectChanges();
      return { fixture, el: fixture.nativeElement as HTMLElement };
    }

    const PREVIEW = {
      rows: [
        {
          line: 2,
          company: 'Muster Maschinenbau (Suzhou) Co., Ltd.',
          contact: 'Hans Müller',
          email: 'h.mueller@muster-suzhou.cn',
        },
        { line: 3, company: 'Initech GmbH', contact: 'Peter Gibbons', email: 'peter@initech.de' },
      ],
      alreadyInvited: [],
      duplicates: [{ line: 5, email: 'peter@initech.de', firstLine: 3 }],
      rejected: [{ line: 4, value: 'broken', reason: 'Not an email address' }],
      limit: 5000,
    };

    /** Pastes `value` and asks for the preview; returns the preview request. */
    async function paste(
      fixture: ComponentFixture<InvitePanelComponent>,
      el: HTMLElement,
      value: string,
    ): Promise<TestRequest> {
      const area = el.querySelector('[data-testid="addresses"]') as HTMLTextAreaElement;
      area.value = value;
      area.dispatchEvent(new Event('input'));
      await settle(fixture);
      (el.querySelector('[data-testid="preview-invitations"]') as HTMLButtonElement).click();
      return nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1/invitations/preview');
    }

    it('shows a preview (company, contact, address; repeats; rejected rows) before anything is sent', async () => {
      const { fixture, el } = create();
      const req = await paste(fixture, el, 'Firma;Ansprechpartner;E-Mail\n…');
      expect(req.request.body).toEqual({ addresses: 'Firma;Ansprechpartner;E-Mail\n…' });
      req.flush(PREVIEW);
      await settle(fixture);
      expect(text(el.querySelector('[data-testid="invite-preview"] .big'))).toBe('To be invited: 2');
      expect(
        [...el.querySelectorAll('[data-testid="preview-rows"] tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map(text),
        ),
      ).toEqual([
        ['2', 'Muster Maschinenbau (Suzhou) Co., Ltd.', 'Hans Müller', 'h.mueller@muster-suzhou.cn'],
        ['3', 'Initech GmbH', 'Peter Gibbons', 'peter@initech.de'],
      ]);
      expect(text(el.querySelector('[data-testid="preview-duplicates"] li'))).toBe(
        'Line 5: peter@initech.de (already on line 3)',
      );
      expect([...el.querySelectorAll('[data-testid="rejected"] tbody td')].map(text)).toEqual([
        '4',
        'broken',
        'Not an email address',
      ]);
      expect(text(el.querySelector('[data-testid="send-invitations"]'))).toBe('Send invitations (2)');
      http.expectNone('/api/orgs/chamber-1/campaigns/camp-1/invitations');
    });

    it('imports the previewed list once, even on a double click, and lists what was invited, merged and rejected', async () => {
      const { fixture, el } = create();
      (await paste(fixture, el, 'a@firm.de\nbroken')).flush(PREVIEW);
      await settle(fixture);
      const confirm = el.querySelector('[data-testid="send-invitations"]') as HTMLButtonElement;
      confirm.click();
      confirm.click();
      const req = await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1/invitations');
      expect(req.request.body).toEqual({ addresses: 'a@firm.de\nbroken' });
      expect(confirm.disabled).toBe(true);
      http.expectNone('/api/orgs/chamber-1/campaigns/camp-1/invitations');
      req.flush({
        invited: 1,
        duplicates: 2,
        alreadyInvited: 1,
        rejected: [{ line: 2, value: 'broken', reason: 'Not an email address' }],
        limit: 5000,
      });
      await settle(fixture);
      expect(el.querySelector('[data-testid="invite-preview"]')).toBeNull();
      expect([...el.querySelectorAll('[data-testid="invite-result"] span')].map(text)).toEqual([
        '1 invited',
        '2 duplicates merged',
        '1 already invited (not invited again)',
        '1 rejected',
      ]);
      expect([...el.querySelectorAll('[data-testid="rejected"] tbody td')].map(text)).toEqual([
        '2',
        'broken',
        'Not an email address',
      ]);
    });

    it('says that nothing was imported when the server refuses the whole list', async () => {
      const { fixture, el } = create();
      const req = await paste(fixture, el, 'x@y.de');
      req.flush(
        { statusCode: 413, message: 'This list has 10,001 entries; at most 5,000 can be invited at once.' },
        { status: 413, statusText: 'Payload Too Large' },
      );
      await settle(fixture);
      expect(text(el.querySelector('scs-error-box strong'))).toBe('Nothing was imported.');
      expect(text(el.querySelector('scs-error-box'))).toContain(
        'This list has 10,001 entries; at most 5,000 can be invited at once.',
      );
      expect(el.querySelector('[data-testid="invite-result"]')).toBeNull();
    });
  });

  describe('CampaignPage', () => {
    it('shows the funnel numbers, explains left-out firms, and hides the status of firms that do not share it', async () => {
      const fixture = TestBed.createComponent(CampaignPage);
      fixture.componentRef.setInput('campaignId', 'camp-1');
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1')).flush(CAMPAIGN);
      // Chamber owners also get the chamber's campaigns (merge candidates).
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns')).flush([CAMPAIGN]);
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1')).flush(CAMPAIGN);
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/progress'))).flush({
        campaignId: 'camp-1',
        invited: 3,
        opened: 2,
        joined: 2,
        started: 1,
        submitted: 1,
        sharingFirms: 1,
        complete: false,
        k: 10,
      });
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/firms'))).flush([
        { firmId: 'f1', name: 'Alpha Ltd.', joinedAt: '2026-11-02T00:00:00Z', member: true, status: 'submitted' },
        { firmId: 'f2', name: 'Beta Ltd.', joinedAt: '2026-11-03T00:00:00Z', member: false, status: null },
      ]);
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/distribution'))).flush(NOT_STARTED);
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations'))).flush(NO_INVITATIONS);
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(
        [...el.querySelectorAll('[data-testid="funnel"] tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text)),
      ).toEqual([
        ['Invited', '3'],
        ['Opened the link', '2'],
        ['Registered / joined', '2'],
        ['Started the check', '1'],
        ['Submitted', '1'],
      ]);
      expect(text(el.querySelector('[data-testid="partial"]'))).toContain(
        'only the 1 of 2 firms that share their participation status',
      );
      expect([...el.querySelectorAll('[data-testid="firms"] tbody tr')].map((r) => text(r.lastElementChild))).toEqual([
        'Submitted',
        'Not shared',
      ]);
      expect(text(el.querySelector('[data-testid="firms"] tbody tr:last-child td'))).toBe(
        'Beta Ltd. (left the chamber)',
      );
    });
  });

  describe('MembersPage', () => {
    const cell = (value: number | null, display = value === null ? '.' : String(value)) =>
      ({ value, display, status: value === null ? 'suppressed' : 'value' }) as const;
    const table = (id: AggregateTable['id'], rows: AggregateTable['rows']): AggregateTable => ({
      id,
      title: { en: `Table ${id}`, de: `Tabelle ${id}` },
      k: 5,
      valueKind: 'count',
      columns: [{ key: 'low', label: { en: 'Low', de: 'Niedrig' } }],
      rows,
      notes: [{ en: 'Note', de: 'Hinweis' }],
    });

    const base = {
      chamberId: 'chamber-1',
      k: 5,
      collecting: '2027-Q1',
      coarsening: { scoreBand: 25, countBase: 5, noise: null },
      computedAt: '2026-11-26T10:00:00Z',
    };

    it('answers "not enough members yet" with the platform-wide comparison instead of tables of dots', async () => {
      const fixture = TestBed.createComponent(MembersPage);
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/member-aggregates')).flush({
        ...base,
        firms: null,
        published: false,
        status: 'not_enough_members',
        release: null,
        tables: [],
        message: {
          en: 'Not enough members have shared their results yet.',
          de: 'Bisher haben nicht genug Mitglieder ihre Ergebnisse geteilt.',
        },
        platform: {
          wave: '2026-H1',
          firms: 120,
          overall: cell(41.3),
          dimensions: [{ label: { en: 'T Tax', de: 'T Steuern' }, mean: cell(38.5) }],
        },
      });
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/benchmark-reports')).flush([]);
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el.querySelector('[data-testid="members-counted"]'))).toBe('fewer than 5');
      expect(text(el.querySelector('[data-testid="members-suppressed"]'))).toBe(
        'Not enough members have shared their results yet.',
      );
      expect(text(el.querySelector('[data-testid="platform-benchmark"]'))).toContain('wave 2026-H1 (120 firms)');
      expect(text(el.querySelector('[data-testid="platform-overall"]'))).toBe('41.3');
      expect(text(el.querySelector('[data-testid="platform-benchmark"]'))).toContain('T Tax');
      expect(el.querySelectorAll('table[data-testid^="table-"], [data-testid^="table-"]').length).toBe(0);
      expect(text(el)).not.toContain('Tables');
      expect(text(el)).toContain('No benchmark report yet.');
    });

    it('shows the served release and its tables once one is published', async () => {
      const fixture = TestBed.createComponent(MembersPage);
      const total = { key: '*', label: { en: 'All firms', de: 'Alle' }, total: true, n: cell(10), cells: [cell(5)] };
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/member-aggregates')).flush({
        ...base,
        firms: 10,
        published: true,
        status: 'published',
        release: { period: '2026-Q4', version: 2, firms: 10, publishedAt: '2027-01-02T10:00:00Z' },
        coarsening: {
          ...base.coarsening,
          noise: {
            mechanism: 'discrete-laplace',
            levelScale: 4,
            meanScale: 6,
            findingScale: 2,
            levelEpsilon: 1,
            dimensionEpsilon: 0.5,
            findingEpsilon: 0.5,
            releasesPerYear: 4,
          },
        },
        message: null,
        platform: null,
        tables: [table('level-by-sector', [total]), table('frequent-findings', [])],
      });
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/benchmark-reports')).flush([]);
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el.querySelector('[data-testid="members-counted"]'))).toBe('10');
      expect(text(el.querySelector('[data-testid="members-release"]'))).toContain('Release 2026-Q4 (version 2)');
      expect(text(el.querySelector('[data-testid="members-release"]'))).toContain('at least 5 members');
      // The release says it carries noise, and how much it protects a member's level.
      expect(text(el.querySelector('[data-testid="members-noise"]'))).toContain('ε = 1 per release');
      expect([...el.querySelectorAll('[data-testid="table-level-by-sector"] tbody td')].map(text)).toEqual(['10', '5']);
      expect(text(el.querySelector('[data-testid="no-findings"]'))).toContain('at least 5 members');
    });
  });

  describe('DistributionPanelComponent', () => {
    const counts = (el: HTMLElement) =>
      [...el.querySelectorAll('[data-testid="distribution-counts"] > span')].map(text);
    const view = (over: Partial<DistributionView>): DistributionView => ({
      ...NOT_STARTED,
      started: true,
      locale: 'de',
      startedAt: '2026-11-26T10:00:00Z',
      ...over,
    });

    it('starts the distribution, shows done/failed/total on a progress bar and offers a retry of failed members', async () => {
      const fixture = TestBed.createComponent(DistributionPanelComponent);
      fixture.componentRef.setInput('chamberId', 'chamber-1');
      fixture.componentRef.setInput('campaignId', 'camp-1');
      fixture.componentRef.setInput('canManage', true);
      const url = '/api/orgs/chamber-1/campaigns/camp-1/distribution';
      (await nextRequest(fixture, http, (r) => r.url === url && r.method === 'GET')).flush(NOT_STARTED);
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el)).toContain('No reports have been distributed in this campaign yet.');
      (el.querySelector('[data-testid="distribute"]') as HTMLButtonElement).click();
      (await nextRequest(fixture, http, (r) => r.url === url && r.method === 'POST')).flush(
        view({ total: 4, done: 3, failed: 1, pending: 0, prepared: null, finished: true }),
      );
      await settle(fixture);
      expect(counts(el)).toEqual(['Done: 3 / 4', 'Failed: 1']);
      expect(el.querySelector('[data-testid="distribution-bar"]')?.getAttribute('aria-valuenow')).toBe('100');
      expect(text(el)).toContain('Finished; 1 could not be prepared.');
      (el.querySelector('[data-testid="distribution-retry"]') as HTMLButtonElement).click();
      (await nextRequest(fixture, http, (r) => r.url === `${url}/retry`)).flush(
        view({ total: 4, done: 4, failed: 0, pending: 0, prepared: 2, finished: true }),
      );
      await settle(fixture);
      expect(counts(el)).toEqual(['Done: 4 / 4', 'Failed: 0', 'Reports prepared: 2']);
      expect(el.querySelector('[data-testid="distribution-retry"]')).toBeNull();
    });
  });

  describe('NewCampaignPage', () => {
    it('creates one campaign on a double click', async () => {
      const fixture = TestBed.createComponent(NewCampaignPage);
      fixture.detectChanges();
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      const button = el.querySelector<HTMLButtonElement>('[data-testid="create-campaign"]');
      expect(button?.disabled).toBe(false);
      button?.click();
      button?.click();
      await settle(fixture);
      const posts = http.match((r) => r.method === 'POST' && r.url === '/api/orgs/chamber-1/campaigns');
      expect(posts).toHaveLength(1);
      expect(posts[0].request.body).toMatchObject({
        title: 'SCS self-check ' + new Date().getFullYear(),
        messageDe: expect.stringContaining('Liebe Mitglieder'),
      });
      expect(button?.disabled).toBe(true);
      expect(text(button)).toBe(en.form.creating);
      posts[0].flush(CAMPAIGN);
      await settle(fixture);
      http.expectNone((r) => r.method === 'POST');
    });
  });

  it('turns calendar days into the start and the end of that local day', () => {
    expect(new Date(startOfDay('2026-12-01')).getHours()).toBe(0);
    const end = new Date(endOfDay('2026-12-31'));
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([
      2026, 11, 31, 23, 59,
    ]);
  });
});
