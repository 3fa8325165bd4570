export { actionsRoutes, assessmentsRoutes, assessmentsScope, firmConsentsRoutes } from './lib/assessments.routes';
export { ASSESSMENT_RESULT_EXTENSIONS, type ResultExtension } from './lib/result-extensions';
