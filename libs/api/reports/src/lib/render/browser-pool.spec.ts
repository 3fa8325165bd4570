import { Logger } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractText, getDocumentProxy } from 'unpdf';
import { BrowserCrashedError, BrowserPool, RenderTimeoutError, type BrowserPoolOptions } from './browser-pool';
import { ChromiumNotFoundError, findChromium } from './chromium';
import { countPdfPages, processTreeMemory } from './pdf';

const A4 = { format: 'A4' as const, printBackground: true };
const doc = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

async function text(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: true });
  // Chromium maps some CJK glyphs to their Kangxi-radical twins (用 → ⽤) in the text layer; NFKC folds them back.
  return { text: text.normalize('NFKC'), pages: proxy.numPages };
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('BrowserPool', () => {
  const pools: BrowserPool[] = [];
  let shared: BrowserPool | undefined;
  function pool(options?: Partial<BrowserPoolOptions>): BrowserPool {
    if (!options && shared) return shared;
    const p = new BrowserPool({
      executablePath: findChromium(undefined),
      pages: 2,
      jobTimeoutMs: 20000,
      recycleAfterJobs: 200,
      maxMemoryBytes: 2 ** 32,
      ...(options ?? {}),
    });
    pools.push(p);
    if (!options) shared = p;
    return p;
  }

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(async () => {
    for (const p of pools) await p.close();
  });

  it('renders HTML to a PDF whose pages it counts like a PDF reader, Chinese included', async () => {
    const pdf = await pool().pdf(doc('<p>Report 42 纳税信用</p><div style="break-before: page">second page</div>'), A4);
    const read = await text(pdf);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(countPdfPages(pdf)).toBe(read.pages);
    expect(read.pages).toBe(2);
    expect(read.text).toContain('Report 42');
    expect(read.text).toContain('纳税信用');
  });

  it('blocks every request of the page and runs no script', async () => {
    let requests = 0;
    const server: Server = createServer((_, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pdf = await pool().pdf(
        doc(`<link rel="stylesheet" href="${base}/a.css"><img src="${base}/logo.png"><iframe src="${base}/frame"></iframe>
          <p id="p">static text</p><script>document.getElementById('p').textContent = 'script ran'; fetch('${base}/beacon')</script>
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`),
        A4,
      );
      expect((await text(pdf)).text).toContain('static text');
      expect((await text(pdf)).text).not.toContain('script ran');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('renders on a small set of reused pages in one browser', async () => {
    const p = pool();
    const before = p.stats();
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => p.pdf(doc(`<p>document ${n}</p>`), A4)));
    expect(pdfs).toHaveLength(5);
    expect((await text(pdfs[4] as Uint8Array)).text).toContain('document 5');
    expect(p.stats()).toMatchObject({ launches: 1, renders: before.renders + 5, crashes: 0 });
  });

  it('fails the render during which the browser dies, then starts a new browser', async () => {
    const p = pool({ pages: 1 });
    await p.pdf(doc('<p>warm up</p>'), A4);
    const first = p.stats().pid;
    p.once('render', ({ pid }) => pid && process.kill(pid, 'SIGKILL'));
    await expect(p.pdf(doc('<p>doomed</p>'), A4)).rejects.toBeInstanceOf(BrowserCrashedError);
    const pdf = await p.pdf(doc('<p>after the crash</p>'), A4);
    expect((await text(pdf)).text).toContain('after the crash');
    expect(p.stats()).toMatchObject({ launches: 2, crashes: 1 });
    expect(p.stats().pid).not.toBe(first);
  });

  it('replaces the browser after a number of renders and closes the old one', async () => {
    const p = pool({ pages: 1, recycleAfterJobs: 2 });
    await p.pdf(doc('<p>1</p>'), A4);
    const first = p.stats().pid;
    expect(processTreeMemory(first as number)).toBeGreaterThan(10 * 2 ** 20);
    await p.pdf(doc('<p>2</p>'), A4);
    await p.pdf(doc('<p>3</p>'), A4);
    expect(p.stats()).toMatchObject({ launches: 2, recycles: 1 });
    expect(p.stats().pid).not.toBe(first);
    expect(alive(first)).toBe(false);
  });

  it('replaces the browser when its memory exceeds the ceiling', async () => {
    const p = pool({ pages: 1, maxMemoryBytes: 1 });
    for (let i = 0; i < 10; i++) await p.pdf(doc(`<p>${i}</p>`), A4); // memory is checked every 10 renders
    expect(p.stats()).toMatchObject({ recycles: 1 });
  });

  it('gives up on a render that takes longer than the job timeout', async () => {
    const p = pool({ pages: 1, jobTimeoutMs: 30 });
    const big = doc('<table>' + '<tr><td>cell</td><td>cell</td></tr>'.repeat(20000) + '</table>');
    await expect(p.pdf(big, A4)).rejects.toBeInstanceOf(RenderTimeoutError);
    expect(p.stats().timeouts).toBe(1);
  });

  it('names the missing executable clearly', () => {
    expect(() => findChromium('/nonexistent/chrome')).toThrow(/CHROMIUM_PATH is \/nonexistent\/chrome/);
    expect(() => findChromium(undefined, ['/nope/a', '/nope/b'])).toThrow(ChromiumNotFoundError);
    expect(() => findChromium(undefined, ['/nope/a'])).toThrow(
      /apt-get install chromium fonts-wqy-microhei fonts-noto-cjk/,
    );
  });
});
