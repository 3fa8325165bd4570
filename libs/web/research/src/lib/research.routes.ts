import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideEchartsCore } from 'ngx-echarts';
import { ResearchPage } from './pages/research.page';

/** Texts of this library (scope "research"). */
export const researchScope = {
  scope: 'research',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

/** The researcher dashboard, mounted at /research. echarts (tree-shaken) loads with the first chart. */
export const researchRoutes: Route[] = [
  {
    path: '',
    component: ResearchPage,
    title: 'SCS Check – Research',
    providers: [
      provideTranslocoScope(researchScope),
      provideEchartsCore({ echarts: () => import('./components/research.echarts').then((m) => m.echarts) }),
    ],
  },
];
