import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { catalogueScope } from '@scs/web/catalogue';
import { ReportsPanelComponent } from '@scs/web/reports';
import { scopedTitle } from '@scs/web/ui';
import { ActionsPage } from './pages/actions/actions.page';
import { AssessmentsListPage } from './pages/assessments-list.page';
import { ChangeImpactPage } from './pages/changes/change-impact.page';
import { ComparePage } from './pages/compare/compare.page';
import { ResultPage } from './pages/result/result.page';
import { WizardPage } from './pages/wizard/wizard.page';
import { ASSESSMENT_RESULT_EXTENSIONS, type ResultExtension } from './result-extensions';
import { ConsentChoiceComponent } from './sharing/consent-choice.component';
import { FirmConsentsPage } from './sharing/consents.page';

/** Texts of this library (scope "assessments"); the catalogue scope is needed for the reference and portal items. */
export const assessmentsScope = {
  scope: 'assessments',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

const scopes = provideTranslocoScope(assessmentsScope, catalogueScope);

/** The result page's "Reports and sharing" section: the PDF reports, then the firm's sharing consents. */
const resultExtensions = [
  {
    provide: ASSESSMENT_RESULT_EXTENSIONS,
    multi: true,
    useValue: { component: ReportsPanelComponent, order: 10 } satisfies ResultExtension,
  },
  {
    provide: ASSESSMENT_RESULT_EXTENSIONS,
    multi: true,
    useValue: { component: ConsentChoiceComponent, order: 20 } satisfies ResultExtension,
  },
];

export const assessmentsRoutes: Route[] = [
  {
    path: '',
    providers: [scopes, resultExtensions],
    children: [
      { path: '', component: AssessmentsListPage, title: scopedTitle(assessmentsScope, 'list.title') },
      { path: 'changes', component: ChangeImpactPage, title: scopedTitle(assessmentsScope, 'changes.title') },
      // Leaving the wizard first saves what is pending; if that fails the user is asked.
      {
        path: ':id',
        component: WizardPage,
        title: scopedTitle(assessmentsScope, 'wizard.title'),
        canDeactivate: [(page: WizardPage) => page.canLeave()],
      },
      { path: ':id/result', component: ResultPage, title: scopedTitle(assessmentsScope, 'result.title') },
      { path: ':id/compare/:otherId', component: ComparePage, title: scopedTitle(assessmentsScope, 'compare.title') },
    ],
  },
];

/** The firm's consents tab, mounted by the accounts feature's firm pages (`/firm/consents`). */
export const firmConsentsRoutes: Route[] = [{ path: '', component: FirmConsentsPage, providers: [scopes] }];

export const actionsRoutes: Route[] = [
  { path: '', component: ActionsPage, title: scopedTitle(assessmentsScope, 'actions.title'), providers: [scopes] },
];
