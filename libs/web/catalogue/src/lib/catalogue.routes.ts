import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopedTitle } from '@scs/web/ui';
import { CataloguePage } from './catalogue.page';

/** Texts of this library (scope "catalogue"); other features that show catalogue components provide it too. */
export const catalogueScope = {
  scope: 'catalogue',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

export const catalogueRoutes: Route[] = [
  {
    path: '',
    component: CataloguePage,
    title: scopedTitle(catalogueScope, 'title'),
    providers: [provideTranslocoScope(catalogueScope)],
  },
];
