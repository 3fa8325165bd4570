import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import puppeteer, { type Browser, type HTTPRequest, type Page, type PDFOptions } from 'puppeteer-core';
import { CHROMIUM_ARGS } from './chromium';
import { processTreeMemory } from './pdf';

export interface BrowserPoolOptions {
  executablePath: string;
  /** Pages rendering at the same time (about one per core). */
  pages: number;
  /** Budget of one render (content + PDF), in ms. */
  jobTimeoutMs: number;
  /** A browser is replaced after this many renders... */
  recycleAfterJobs: number;
  /** ...or when its process tree uses more memory (proportional set size) than this (checked every few renders). */
  maxMemoryBytes: number;
}

export class RenderTimeoutError extends Error {
  override name = 'RenderTimeoutError';
}

export class BrowserCrashedError extends Error {
  override name = 'BrowserCrashedError';
}

interface Handle {
  browser: Browser;
  pid: number | undefined;
  generation: number;
  jobs: number;
  active: number;
  idle: Page[];
  retiring: boolean;
  dead: boolean;
}

export interface BrowserPoolStats {
  launches: number;
  renders: number;
  recycles: number;
  crashes: number;
  timeouts: number;
  pid: number | undefined;
}

export interface BrowserPoolEvents {
  /** A page starts rendering a document in the browser process `pid`. */
  render: [{ pid: number | undefined }];
  launch: [{ pid: number | undefined; generation: number }];
  crash: [{ pid: number | undefined }];
  recycle: [{ pid: number | undefined; reason: string }];
}

const RSS_CHECK_EVERY = 10;
const CLOSE_TIMEOUT_MS = 5000;

/** Counting semaphore: at most `size` renders at once, the rest wait in order. */
class Slots {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

function timeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderTimeoutError(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// The document is self-contained (inline CSS, SVG, data: images): every request the page makes is refused.
function blockRequest(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  if (request.url().startsWith('data:')) void request.continue();
  else void request.abort('blockedbyclient');
}

/**
 * One long-lived Chromium per process with a small set of reused pages. Pages are recycled between renders; a
 * browser is replaced after `recycleAfterJobs` renders or above `maxMemoryBytes`, and a crashed one is replaced on the
 * next render (the failed render throws BrowserCrashedError so that the job is retried).
 */
export class BrowserPool extends EventEmitter<BrowserPoolEvents> {
  private readonly logger = new Logger(BrowserPool.name);
  private readonly slots: Slots;
  private current?: Promise<Handle>;
  private currentHandle?: Handle;
  private readonly handles = new Set<Handle>();
  private generation = 0;
  private closed = false;
  private readonly counters = { launches: 0, renders: 0, recycles: 0, crashes: 0, timeouts: 0 };

  constructor(private readonly options: BrowserPoolOptions) {
    super();
    this.slots = new Slots(Math.max(1, options.pages));
  }

  stats(): BrowserPoolStats {
    const live = [...this.handles].find((h) => !h.retiring && !h.dead);
    return { ...this.counters, pid: live?.pid };
  }

  /** Renders `html` to PDF on a pooled page. */
  async pdf(html: string, options: PDFOptions): Promise<Uint8Array> {
    if (this.closed) throw new Error('The browser pool is closed');
    await this.slots.acquire();
    let handle: Handle | undefined;
    const used: { page?: Page } = {};
    let reusable = false;
    try {
      handle = await this.browser();
      handle.active++;
      handle.jobs++;
      this.counters.renders++;
      const h = handle;
      const work = (async () => {
        used.page = h.idle.pop() ?? (await this.newPage(h));
        this.emit('render', { pid: h.pid });
        // Puppeteer's own timeouts only back up the job timeout below (which is the one that reports).
        await used.page.setContent(html, { waitUntil: 'load', timeout: this.options.jobTimeoutMs + 5000 });
        return used.page.pdf({ ...options, timeout: this.options.jobTimeoutMs + 5000 });
      })();
      work.catch(() => undefined); // after a timeout nobody awaits it any more
      const pdf = await timeout(
        work,
        this.options.jobTimeoutMs,
        `Rendering took longer than ${this.options.jobTimeoutMs / 1000} s`,
      );
      reusable = true;
      return pdf;
    } catch (e) {
      if (handle && (handle.dead || !handle.browser.connected)) {
        throw new BrowserCrashedError(`The browser stopped while rendering (${(e as Error).message})`);
      }
      if (e instanceof RenderTimeoutError && handle) {
        // The timed-out work may still hold a page: start afresh with a new browser once this one is idle.
        this.counters.timeouts++;
        this.retire(handle, 'a render timed out');
      }
      throw e;
    } finally {
      if (handle) {
        handle.active--;
        if (used.page) await this.release(handle, used.page, reusable);
        await this.afterRender(handle);
      }
      this.slots.release();
    }
  }

  private async release(handle: Handle, page: Page, reusable: boolean): Promise<void> {
    if (reusable && !handle.retiring && !handle.dead && !page.isClosed()) {
      handle.idle.push(page);
      return;
    }
    // A page that failed or timed out may be in any state: close it; a browser that cannot close it is retired.
    try {
      await timeout(page.close(), CLOSE_TIMEOUT_MS, 'page did not close');
    } catch {
      if (!handle.dead) this.retire(handle, 'a page did not close');
    }
  }

  private async afterRender(handle: Handle): Promise<void> {
    if (!handle.retiring && !handle.dead) {
      if (handle.jobs >= this.options.recycleAfterJobs) this.retire(handle, `${handle.jobs} renders`);
      else if (handle.pid && handle.jobs % RSS_CHECK_EVERY === 0) {
        const memory = processTreeMemory(handle.pid);
        if (memory > this.options.maxMemoryBytes) this.retire(handle, `memory ${Math.round(memory / 2 ** 20)} MB`);
      }
    }
    if (handle.retiring && handle.active === 0) await this.closeHandle(handle);
  }

  private retire(handle: Handle, reason: string): void {
    if (handle.retiring) return;
    handle.retiring = true;
    this.counters.recycles++;
    this.logger.log(`Replacing the browser (pid ${handle.pid}) after ${reason}`);
    this.emit('recycle', { pid: handle.pid, reason });
    this.forget(handle);
  }

  private forget(handle: Handle): void {
    if (this.currentHandle !== handle) return;
    this.current = undefined;
    this.currentHandle = undefined;
  }

  private async closeHandle(handle: Handle): Promise<void> {
    this.handles.delete(handle);
    handle.idle = [];
    try {
      await timeout(handle.browser.close(), CLOSE_TIMEOUT_MS, 'browser did not close');
    } catch {
      if (handle.pid) {
        try {
          process.kill(handle.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  }

  /** The current browser (launched on first use); never one that is being retired or has died. */
  private async browser(): Promise<Handle> {
    for (let tries = 0; tries < 3; tries++) {
      this.current ??= this.launch().then(
        (h) => (this.currentHandle = h),
        (e: unknown) => {
          this.current = undefined;
          throw e;
        },
      );
      const handle = await this.current;
      if (!handle.retiring && !handle.dead) return handle;
      this.forget(handle);
    }
    throw new BrowserCrashedError('The browser stopped right after it started');
  }

  private async launch(): Promise<Handle> {
    const started = Date.now();
    const browser = await puppeteer.launch({
      executablePath: this.options.executablePath,
      headless: true,
      pipe: true, // no debugging port: nothing else on the host can drive this browser
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      protocolTimeout: this.options.jobTimeoutMs + 10_000,
    });
    const handle: Handle = {
      browser,
      pid: browser.process()?.pid,
      generation: ++this.generation,
      jobs: 0,
      active: 0,
      idle: [],
      retiring: false,
      dead: false,
    };
    this.handles.add(handle);
    this.counters.launches++;
    browser.on('disconnected', () => {
      if (handle.retiring || this.closed || !this.handles.has(handle)) return;
      handle.dead = true;
      this.counters.crashes++;
      this.handles.delete(handle);
      this.forget(handle);
      this.logger.warn(`The browser (pid ${handle.pid}) disconnected; the next render starts a new one`);
      // A browser that lost its connection but still runs would be orphaned.
      if (handle.pid) {
        try {
          process.kill(handle.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      this.emit('crash', { pid: handle.pid });
    });
    this.logger.log(`Chromium ${await browser.version()} started (pid ${handle.pid}) in ${Date.now() - started} ms`);
    this.emit('launch', { pid: handle.pid, generation: handle.generation });
    return handle;
  }

  private async newPage(handle: Handle): Promise<Page> {
    const page = await handle.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', blockRequest);
    return page;
  }

  /** Closes every browser; renders still running fail. */
  async close(): Promise<void> {
    this.closed = true;
    this.current = undefined;
    this.currentHandle = undefined;
    await Promise.all([...this.handles].map((h) => this.closeHandle(h)));
  }
}
