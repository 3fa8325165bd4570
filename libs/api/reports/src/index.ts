// Public face of the reports feature.
export { ReportsModule } from './lib/reports.module';
export { ReportsService, type ReportScope } from './lib/reports.service';
export { Report, ReportFile, reportsEntities } from './lib/report.entity';
export {
  ReportKinds,
  reportKinds,
  type BuiltReport,
  type ReportContentKey,
  type ReportKindProvider,
  type ReportRequest,
} from './lib/kinds/report-kind';
export { FirmReport, reportFilename, slug } from './lib/kinds/firm-report';
export {
  REPORT_DATA_SOURCE,
  brandingHash,
  reportCacheKey,
  type FirmReportData,
  type ReportDataSource,
} from './lib/data/report-data-source';
export { reportDataFrom, type ReportDataInput } from './lib/data/report-data.builder';
export { EXAMPLE_PROFILE, exampleReportData, type ExampleOptions } from './lib/data/example';
export {
  ReportRenderer,
  reportPdfOptions,
  type RenderedReport,
  type RenderingAvailability,
} from './lib/render/report-renderer';
export {
  BrowserPool,
  BrowserCrashedError,
  RenderTimeoutError,
  type BrowserPoolOptions,
  type BrowserPoolStats,
} from './lib/render/browser-pool';
export { findChromium, ChromiumNotFoundError } from './lib/render/chromium';
export { countPdfPages, processTreeMemory } from './lib/render/pdf';
export { REPORT_TEMPLATE_VERSION, renderReportHtml } from './lib/template/report.template';
export {
  BENCHMARK_TEMPLATE_VERSION,
  renderBenchmarkHtml,
  benchmarkPdfOptions,
} from './lib/template/benchmark.template';
export { escapeHtml, html, raw, type Html } from './lib/template/html';
export { FONT_STACK, LEVEL_COLORS } from './lib/template/chart';
export { REPORT_LOCALES, REPORT_LOCALE_LABELS } from './lib/dto/report.dto';
