import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopedTitle } from '@scs/web/ui';
import type { AdminListKind } from './data/admin.api';
import { AdminListPage } from './pages/admin-list.page';
import { AdminPage } from './pages/admin.page';

/** Texts of this library (scope "admin"). */
export const adminScope = {
  scope: 'admin',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

const list = (path: string, kind: AdminListKind): Route => ({
  path,
  component: AdminListPage,
  data: { list: kind },
  title: scopedTitle(adminScope, `admin.${kind}.title`),
});

/** The platform admin area, mounted at /admin: one read-only list per tab. */
export const adminRoutes: Route[] = [
  {
    path: '',
    component: AdminPage,
    providers: [provideTranslocoScope(adminScope)],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'organisations' },
      list('organisations', 'organisations'),
      list('users', 'users'),
      list('mails', 'mails'),
      list('catalogue', 'catalogue'),
      list('audit', 'audit'),
      list('exports', 'exports'),
    ],
  },
];
