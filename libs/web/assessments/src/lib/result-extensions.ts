import { InjectionToken, type Type } from '@angular/core';

/**
 * Extension point of the result page, for features that belong there but live in other libraries (PDF report,
 * research consent). Each component is rendered in the "Reports and sharing" section with the inputs
 * `assessmentId` and `orgId`. Provide with `multi: true`, e.g. in the app config or the providing feature's routes.
 */
export interface ResultExtension {
  component: Type<unknown>;
  /** Lower first. */
  order?: number;
}

export const ASSESSMENT_RESULT_EXTENSIONS = new InjectionToken<readonly ResultExtension[]>(
  'ASSESSMENT_RESULT_EXTENSIONS',
);
