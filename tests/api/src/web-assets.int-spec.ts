import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET without automatic decompression, to see exactly what goes over the wire. */
function raw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('web app assets served compressed', () => {
  const dist = mkdtempSync(join(tmpdir(), 'scs-web-'));
  const script = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Label number ${i}`))};\n`;
  let t: TestApp;

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="en"><body><app-root></app-root></body></html>');
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), script);
    writeFileSync(join(dist, 'tiny.css'), 'a{}');
    t = await startTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends brotli to browsers that accept it, gzip to those that accept only gzip, identity otherwise', async () => {
    const br = await raw(`${t.url}/main-ABCDEFGH.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toContain('text/javascript');
    expect(br.body.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await raw(`${t.url}/main-ABCDEFGH.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await raw(`${t.url}/main-ABCDEFGH.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('answers a revalidation with 304 and leaves tiny files uncompressed', async () => {
    const first = await raw(`${t.url}/main-ABCDEFGH.js`, { 'accept-encoding': 'br' });
    const again = await raw(`${t.url}/main-ABCDEFGH.js`, {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const tiny = await raw(`${t.url}/tiny.css`, { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('a{}');
  });

  it('never serves files outside the web app folder, and leaves API responses alone', async () => {
    // A script next to the web app folder, big enough to be compressed if it were served.
    const outside = `${dist}-secret.js`;
    writeFileSync(outside, `const secret = '${'s'.repeat(4000)}';`);
    try {
      const escape = await raw(`${t.url}/..%2f${basename(outside)}`, { 'accept-encoding': 'br' });
      expect(escape.headers['content-encoding']).toBeUndefined();
      expect(escape.body.toString()).not.toContain('secret');
    } finally {
      rmSync(outside, { force: true });
    }
    const api = await raw(`${t.url}/api/health`, { 'accept-encoding': 'br' });
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(api.body.toString())).toMatchObject({ status: 'ok' });
  });
});
