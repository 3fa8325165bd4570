import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { PartnerCheckPage } from './pages/partner-check.page';
import { PartnerPage } from './pages/partner.page';
import { PartnersPage } from './pages/partners.page';

/** Texts of this library (scope "partners") in English, German and Simplified Chinese. */
export const partnersScope = {
  scope: 'partners',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

/** The firm's partner pages, mounted at /partners. */
export const partnersRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope(partnersScope)],
    children: [
      { path: '', component: PartnersPage, title: 'SCS Check – Partners' },
      { path: ':partnerId', component: PartnerPage, title: 'SCS Check – Partner' },
    ],
  },
];

/** The partner's login-free page behind the emailed link, mounted at /partner-check. */
export const partnerCheckRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope(partnersScope)],
    children: [{ path: ':token', component: PartnerCheckPage, title: 'SCS Check – 合作伙伴信用核查 / Partner check' }],
  },
];
