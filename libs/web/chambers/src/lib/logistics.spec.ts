import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { nextRequest, settle, text } from '@scs/web/core/testing';
import { CampaignManageComponent } from './components/campaign-manage.component';
import { InvitationsPanelComponent } from './components/invitations-panel.component';
import type { CampaignInvitationPage, CampaignView } from './data/chambers.types';
import en from './i18n/en.json';
import { CampaignPage } from './pages/campaign.page';

const CAMPAIGN: CampaignView = {
  id: 'camp-1',
  title: 'Frühjahr 2027',
  messageDe: 'Hallo',
  messageEn: 'Hello',
  opensAt: '2026-11-01T00:00:00Z',
  closesAt: '2026-12-31T23:59:59Z',
  closedAt: null,
  status: 'open',
  createdAt: '2026-11-01T00:00:00Z',
  invited: 3,
  joined: 1,
  deletable: false,
  mail: { configured: true, pending: 0, sent: 3, failed: 0, notSent: 0, warning: null },
};

const row = (over: Partial<CampaignInvitationPage['items'][number]>): CampaignInvitationPage['items'][number] => ({
  id: 'ci-1',
  email: 'a@firm.test',
  invitedAt: '2026-11-02T08:00:00Z',
  opened: false,
  joined: false,
  status: 'sent',
  delivery: 'sent',
  deliveryError: null,
  lastSentAt: '2026-11-02T08:00:00Z',
  sendCount: 1,
  openedAt: null,
  joinedAt: null,
  revokedAt: null,
  expiresAt: '2026-12-31T23:59:59Z',
  firmName: null,
  ...over,
});

const PAGE: CampaignInvitationPage = {
  items: [
    row({}),
    row({
      id: 'ci-2',
      email: 'joined@firm.test',
      status: 'joined',
      joined: true,
      firmName: 'Joined Ltd.',
      expiresAt: null,
    }),
    row({ id: 'ci-3', email: 'bounce@firm.test', status: 'bounced', delivery: 'failed', deliveryError: '550' }),
  ],
  total: 3,
  counts: { sent: 1, opened: 0, joined: 1, bounced: 1, revoked: 0 },
};

describe('chamber invitation logistics (web)', () => {
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
      deferBlockBehavior: DeferBlockBehavior.Manual,
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

  describe('InvitationsPanelComponent', () => {
    async function create(canAct = true) {
      const fixture = TestBed.createComponent(InvitationsPanelComponent);
      fixture.componentRef.setInput('chamberId', 'chamber-1');
      fixture.componentRef.setInput('campaignId', 'camp-1');
      fixture.componentRef.setInput('canAct', canAct);
      const req = await nextRequest(fixture, http, (r) => r.url.endsWith('/camp-1/invitations'));
      expect(req.request.params.get('offset')).toBe('0');
      req.flush(PAGE);
      await settle(fixture);
      return { fixture, el: fixture.nativeElement as HTMLElement };
    }

    it('lists each address with its status, counts per status and offers the CSV in the UI language', async () => {
      const { el } = await create();
      const rows = [...el.querySelectorAll('[data-testid="invitations"] tbody tr')];
      expect(rows.map((r) => text(r.querySelector('[data-testid="invitation-status"]')))).toEqual([
        'Sent',
        'Joined',
        'Bounced',
      ]);
      expect(text(rows[1].querySelector('td'))).toBe('joined@firm.test Joined Ltd.');
      expect(text(rows[2])).toContain('The receiving server refused the email');
      // A joined address has nothing to resend or withdraw.
      expect(rows[1].querySelector('[data-testid="resend"]')).toBeNull();
      expect(text(el.querySelector('[data-filter="bounced"]'))).toBe('Bounced (1)');
      expect(el.querySelector('[data-testid="export-csv"]')?.getAttribute('href')).toBe(
        '/api/orgs/chamber-1/campaigns/camp-1/export?locale=en',
      );
    });

    it('filters by status', async () => {
      const { fixture, el } = await create();
      (el.querySelector('[data-filter="bounced"]') as HTMLButtonElement).click();
      const req = await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations'));
      expect(req.request.params.get('status')).toBe('bounced');
      req.flush({ ...PAGE, items: [PAGE.items[2]], total: 1 });
      await settle(fixture);
      expect(el.querySelectorAll('[data-testid="invitations"] tbody tr')).toHaveLength(1);
      expect(el.querySelector('[data-filter="bounced"]')?.getAttribute('aria-pressed')).toBe('true');
    });

    it('resends once even on a double click, says so and reloads the list', async () => {
      const { fixture, el } = await create();
      const button = el.querySelector('[data-testid="invitations"] tbody tr:last-child [data-testid="resend"]');
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
      const req = await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations/ci-3/resend'));
      expect(req.request.method).toBe('POST');
      req.flush(row({ id: 'ci-3', email: 'bounce@firm.test', sendCount: 2, delivery: 'pending' }));
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations'))).flush(PAGE);
      await settle(fixture);
      http.expectNone((r) => r.url.endsWith('/resend'));
      expect(text(el.querySelector('.notice'))).toBe(
        'A new link was sent to bounce@firm.test; the earlier one no longer works.',
      );
    });

    it('withdraws a link', async () => {
      const { fixture, el } = await create();
      (el.querySelector('[data-testid="revoke"]') as HTMLButtonElement).click();
      const req = await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations/ci-1/revoke'));
      req.flush(row({ status: 'revoked' }));
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations'))).flush(PAGE);
      await settle(fixture);
      expect(text(el.querySelector('.notice'))).toBe('The link sent to a@firm.test was withdrawn.');
    });

    it('shows no actions to readers or for closed campaigns, and an empty state without addresses', async () => {
      const fixture = TestBed.createComponent(InvitationsPanelComponent);
      fixture.componentRef.setInput('chamberId', 'chamber-1');
      fixture.componentRef.setInput('campaignId', 'camp-1');
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/invitations'))).flush({
        items: [],
        total: 0,
        counts: { sent: 0, opened: 0, joined: 0, bounced: 0, revoked: 0 },
      });
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el.querySelector('scs-empty-state'))).toContain('No one invited yet');
      expect(el.querySelector('[data-testid="resend"]')).toBeNull();
    });
  });

  describe('CampaignManageComponent', () => {
    function create(campaign: CampaignView, campaigns: CampaignView[] = []) {
      const fixture = TestBed.createComponent(CampaignManageComponent);
      fixture.componentRef.setInput('chamberId', 'chamber-1');
      fixture.componentRef.setInput('campaign', campaign);
      fixture.componentRef.setInput('campaigns', campaigns);
      fixture.detectChanges();
      return { fixture, el: fixture.nativeElement as HTMLElement };
    }

    it('deletes a campaign nobody joined after confirmation', async () => {
      const { fixture, el } = create({ ...CAMPAIGN, joined: 0, deletable: true });
      let deleted = false;
      fixture.componentInstance.deleted.subscribe(() => (deleted = true));
      (el.querySelector('[data-testid="delete"]') as HTMLButtonElement).click();
      await settle(fixture);
      expect(text(el)).toContain('Delete “Frühjahr 2027” and withdraw its links (3 invited)?');
      (el.querySelector('[data-testid="delete-confirm"]') as HTMLButtonElement).click();
      const req = await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1');
      expect(req.request.method).toBe('DELETE');
      req.flush(null);
      await settle(fixture);
      expect(deleted).toBe(true);
    });

    it('explains why a campaign firms joined through cannot be deleted', () => {
      const { el } = create(CAMPAIGN);
      expect(el.querySelector('[data-testid="delete"]')).toBeNull();
      expect(text(el.querySelector('[data-testid="not-deletable"]'))).toContain('Close it instead: its data stays.');
    });

    it('merges another campaign into this one', async () => {
      const twin = { ...CAMPAIGN, id: 'camp-2', title: 'Frühjahr 2027 (2)', invited: 2, joined: 0 };
      const { fixture, el } = create(CAMPAIGN, [CAMPAIGN, twin]);
      let merged: CampaignView | null = null;
      fixture.componentInstance.merged.subscribe((c) => (merged = c));
      (fixture.componentInstance as unknown as { pick(id: string): void }).pick('camp-2');
      await settle(fixture);
      (el.querySelector('[data-testid="merge"]') as HTMLButtonElement).click();
      await settle(fixture);
      (el.querySelector('[data-testid="merge-confirm"]') as HTMLButtonElement).click();
      const req = await nextRequest(fixture, http, (r) => r.url.endsWith('/campaigns/camp-1/merge'));
      expect(req.request.body).toEqual({ sourceCampaignId: 'camp-2' });
      req.flush({ ...CAMPAIGN, invited: 5 });
      await settle(fixture);
      expect(merged).toMatchObject({ id: 'camp-1', invited: 5 });
    });
  });

  describe('CampaignPage', () => {
    it('warns when no mail server is configured', async () => {
      const noMail: CampaignView = {
        ...CAMPAIGN,
        mail: { configured: false, pending: 0, sent: 0, failed: 0, notSent: 3, warning: 'No mail server' },
      };
      const fixture = TestBed.createComponent(CampaignPage);
      fixture.componentRef.setInput('campaignId', 'camp-1');
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1')).flush(noMail);
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns')).flush([noMail]);
      (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/chamber-1/campaigns/camp-1')).flush(noMail);
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/progress'))).flush({
        campaignId: 'camp-1',
        invited: 3,
        opened: 0,
        joined: 0,
        started: 0,
        submitted: 0,
        sharingFirms: 0,
        complete: true,
        k: 10,
      });
      (await nextRequest(fixture, http, (r) => r.url.endsWith('/firms'))).flush([]);
      for (const req of http.match((r) => r.url.endsWith('/distribution')))
        req.flush({ campaignId: 'camp-1', started: false, total: 0, done: 0, failed: 0, pending: 0 });
      for (const req of http.match((r) => r.url.endsWith('/invitations'))) req.flush(PAGE);
      await settle(fixture);
      for (const req of http.match((r) => r.url.endsWith('/distribution')))
        req.flush({ campaignId: 'camp-1', started: false, total: 0, done: 0, failed: 0, pending: 0 });
      for (const req of http.match((r) => r.url.endsWith('/invitations'))) req.flush(PAGE);
      await settle(fixture);
      const el = fixture.nativeElement as HTMLElement;
      expect(text(el.querySelector('[data-testid="mail-warning"]'))).toContain(
        'No mail server is configured: invitations are saved, but no email goes out.',
      );
    });
  });
});
