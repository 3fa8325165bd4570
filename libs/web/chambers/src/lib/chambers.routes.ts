import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { BrandingPage } from './pages/branding.page';
import { CampaignPage } from './pages/campaign.page';
import { CampaignsPage } from './pages/campaigns.page';
import { ChamberPage } from './pages/chamber.page';
import { MembersPage } from './pages/members.page';
import { NewCampaignPage } from './pages/new-campaign.page';

/** Texts of this library (scope "chambers"). */
export const chambersScope = {
  scope: 'chambers',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

/** The chamber dashboard, mounted at /chamber: campaigns (list, new, one campaign), member results (aggregates, benchmark report) and branding. */
export const chambersRoutes: Route[] = [
  {
    path: '',
    component: ChamberPage,
    providers: [provideTranslocoScope(chambersScope)],
    children: [
      { path: '', component: CampaignsPage, title: 'SCS Check – Chamber campaigns' },
      { path: 'campaigns/new', component: NewCampaignPage, title: 'SCS Check – New campaign' },
      { path: 'campaigns/:campaignId', component: CampaignPage, title: 'SCS Check – Campaign' },
      { path: 'members', component: MembersPage, title: 'SCS Check – Member results' },
      { path: 'branding', component: BrandingPage, title: 'SCS Check – Chamber branding' },
    ],
  },
];
