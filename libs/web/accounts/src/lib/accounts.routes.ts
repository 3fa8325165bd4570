import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ChambersPage } from './pages/firm/chambers.page';
import { FirmPage } from './pages/firm/firm.page';
import { MembersPage } from './pages/firm/members.page';
import { ProfilePage } from './pages/firm/profile.page';
import { InvitationPage } from './pages/invitation.page';
import { LoginPage } from './pages/login.page';
import { LogoutPage } from './pages/logout.page';
import { OrganisationsPage } from './pages/organisations.page';
import { RegisterPage } from './pages/register.page';
import { ResetConfirmPage } from './pages/reset-confirm.page';
import { VerifyEmailPage } from './pages/verify-email.page';
import { ResetRequestPage } from './pages/reset-request.page';

/** Texts of this library (scope "accounts"). */
export const accountsScope = {
  scope: 'accounts',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

/**
 * Pages of the accounts feature, mounted at the root: `{ path: '', loadChildren: () => import('@scs/web/accounts').then((m) => m.accountsRoutes) }`.
 * The API's emails link to /reset-password/:token, /invitations/:token and /verify-email/:token, so those paths must stay at the root.
 */
export const accountsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope(accountsScope)],
    children: [
      { path: 'login', component: LoginPage, title: 'SCS Check – Sign in' },
      { path: 'register', component: RegisterPage, title: 'SCS Check – Register' },
      { path: 'logout', component: LogoutPage, title: 'SCS Check – Sign out' },
      { path: 'reset-password', component: ResetRequestPage, title: 'SCS Check – Reset password' },
      { path: 'reset-password/:token', component: ResetConfirmPage, title: 'SCS Check – New password' },
      { path: 'invitations/:token', component: InvitationPage, title: 'SCS Check – Invitation' },
      { path: 'verify-email/:token', component: VerifyEmailPage, title: 'SCS Check – Confirm e-mail address' },
      { path: 'orgs', component: OrganisationsPage, title: 'SCS Check – My organisations' },
      {
        path: 'firm',
        component: FirmPage,
        title: 'SCS Check – Firm',
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'profile' },
          { path: 'profile', component: ProfilePage },
          { path: 'members', component: MembersPage },
          { path: 'chambers', component: ChambersPage },
          // The consents UI belongs to the sharing feature (assessments); loaded only when the tab is opened.
          { path: 'consents', loadChildren: () => import('@scs/web/assessments').then((m) => m.firmConsentsRoutes) },
        ],
      },
    ],
  },
];
