import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { PDFOptions } from 'puppeteer-core';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { BrowserPool } from './browser-pool';
import { ChromiumNotFoundError, findChromium } from './chromium';
import { countPdfPages, sha256Hex } from './pdf';

export interface RenderedReport {
  pdf: Buffer;
  sha256: string;
  pages: number;
  bytes: number;
}

/** Renders after this many documents get a fresh browser; memory above the ceiling does the same earlier. */
export const RECYCLE_AFTER_JOBS = 200;
export const MAX_BROWSER_MEMORY_BYTES = 1024 * 2 ** 20;

/**
 * The page.pdf() options of every report: A4, tagged, with outline. Margins, running header/footer and page numbers
 * come from the document's own @page rules (pageMarginCss), so the options are the same for every report.
 */
export function reportPdfOptions() {
  return {
    format: 'A4' as const,
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
    outline: true,
  };
}

/**
 * Whether this process can render PDFs. `worker`: rendering happens in worker processes (role api), which this
 * process cannot see; `unavailable` carries the reason and what an operator must install.
 */
export type RenderingAvailability =
  | { status: 'available'; chromium: string }
  | { status: 'unavailable'; reason: string }
  | { status: 'worker' };

/** HTML → PDF for reports, on the process's browser pool (started on the first render). */
@Injectable()
export class ReportRenderer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReportRenderer.name);
  private pool?: BrowserPool;
  private checked?: RenderingAvailability;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Looks for Chromium once at start-up; without it the app still runs and says so in one line. */
  onModuleInit(): void {
    const availability = this.availability();
    if (availability.status === 'unavailable') this.logger.warn(`PDF reports are unavailable: ${availability.reason}`);
  }

  availability(): RenderingAvailability {
    if (this.config.role === 'api') return { status: 'worker' };
    if (!this.checked) {
      try {
        this.checked = { status: 'available', chromium: findChromium(this.config.chromiumPath) };
      } catch (e) {
        if (!(e instanceof ChromiumNotFoundError)) throw e;
        this.checked = { status: 'unavailable', reason: e.message };
      }
    }
    return this.checked;
  }

  /** The pool of this process (created lazily: API-only processes never start a browser). */
  browserPool(): BrowserPool {
    this.pool ??= new BrowserPool({
      executablePath: findChromium(this.config.chromiumPath),
      pages: this.config.reportPages,
      jobTimeoutMs: this.config.reportJobTimeoutSeconds * 1000,
      recycleAfterJobs: RECYCLE_AFTER_JOBS,
      maxMemoryBytes: MAX_BROWSER_MEMORY_BYTES,
    });
    return this.pool;
  }

  /** The one HTML → PDF step of every report kind: the PDF with its checksum, page count and size. */
  async render(html: string, options: PDFOptions): Promise<RenderedReport> {
    const bytes = await this.browserPool().pdf(html, options);
    const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { pdf, sha256: sha256Hex(pdf), pages: countPdfPages(pdf), bytes: pdf.byteLength };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }
}
