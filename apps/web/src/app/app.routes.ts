import { Route } from '@angular/router';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';

// Feature libraries contribute lazy routes here; the wildcard must stay last.
export const appRoutes: Route[] = [
  { path: '', component: HomePage, pathMatch: 'full', title: 'SCS Check' },
  { path: '**', component: NotFoundPage, title: 'SCS Check – 404' },
];
