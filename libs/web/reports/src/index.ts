// Public face of the reports web feature: the PDF report panel of the result page (provided into
// ASSESSMENT_RESULT_EXTENSIONS by the assessments routes) and its texts.
export { ReportsPanelComponent, reportsScope, REPORT_LOCALES } from './lib/reports-panel.component';
export { ReportsApi, formatBytes, isPending, pollDelay } from './lib/reports.api';
