import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopedTitle } from '@scs/web/ui';
import { EntityAnswersPage } from './pages/entity-answers.page';
import { PortfolioPage } from './pages/portfolio.page';

/** Texts of this library (scope "portfolio"). */
export const portfolioScope = {
  scope: 'portfolio',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

/**
 * The group portfolio, mounted at /portfolio: linked entities, heat map, link management and the PDF; the answers an
 * entity shares at /portfolio/entities/:entityId/answers.
 */
export const portfolioRoutes: Route[] = [
  {
    path: '',
    component: PortfolioPage,
    providers: [provideTranslocoScope(portfolioScope)],
    title: scopedTitle(portfolioScope, 'portfolio.title'),
  },
  {
    // The answers a linked entity shares with the group (404 from the API otherwise).
    path: 'entities/:entityId/answers',
    component: EntityAnswersPage,
    providers: [provideTranslocoScope(portfolioScope)],
    title: scopedTitle(portfolioScope, 'portfolio.answers.title'),
  },
];
