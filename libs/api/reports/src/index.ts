// Public face of the reports feature.
export { ReportsModule } from './lib/reports.module';
export { ReportsService } from './lib/reports.service';
export { Report, ReportFile, reportsEntities } from './lib/report.entity';
export { REPORT_DATA_SOURCE, brandingHash, reportCacheKey, type ReportDataSource } from './lib/data/report-data-source';
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
export { RENDER_QUEUE, renderQueueDefinition, type RenderJob } from './lib/report.jobs';
export {
  BENCHMARK_TEMPLATE_VERSION,
  renderBenchmarkHtml,
  benchmarkPdfOptions,
} from './lib/template/benchmark.template';
export {
  ReportExtensions,
  withPreparedBranding,
  type ReportKindSource,
  type PreparedBrandingSource,
} from './lib/report-extensions';
export { sha256Hex } from './lib/render/pdf';
export { reportFilename, slug } from './lib/report.worker';
export { toView as toReportView } from './lib/reports.service';
