import { Route } from '@angular/router';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';

// Feature libraries contribute lazy routes here; the wildcard must stay last.
export const appRoutes: Route[] = [
  { path: '', component: HomePage, pathMatch: 'full', title: 'SCS Check' },
  { path: 'catalogue', loadChildren: () => import('@scs/web/catalogue').then((m) => m.catalogueRoutes) },
  { path: 'assessments', loadChildren: () => import('@scs/web/assessments').then((m) => m.assessmentsRoutes) },
  { path: 'actions', loadChildren: () => import('@scs/web/assessments').then((m) => m.actionsRoutes) },
  { path: 'portfolio', loadChildren: () => import('@scs/web/portfolio').then((m) => m.portfolioRoutes) },
  { path: 'chamber', loadChildren: () => import('@scs/web/chambers').then((m) => m.chambersRoutes) },
  { path: 'research', loadChildren: () => import('@scs/web/research').then((m) => m.researchRoutes) },
  { path: 'admin', loadChildren: () => import('@scs/web/admin').then((m) => m.adminRoutes) },
  { path: 'partners', loadChildren: () => import('@scs/web/partners').then((m) => m.partnersRoutes) },
  { path: 'partner-check', loadChildren: () => import('@scs/web/partners').then((m) => m.partnerCheckRoutes) },
  // Accounts pages sit at the root (login, register, reset-password/:token, invitations/:token, orgs, firm ...).
  { path: '', loadChildren: () => import('@scs/web/accounts').then((m) => m.accountsRoutes) },
  { path: '**', component: NotFoundPage, title: 'SCS Check – 404' },
];
