import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const MIN_BYTES = 1024;

interface Variant {
  body: Buffer;
  etag: string;
}

/**
 * Serves the text assets of the built web app (JS, CSS, JSON, SVG) brotli- or gzip-compressed when the browser accepts
 * it. The build is immutable while the process runs, so each file is compressed once, on first request, and kept in
 * memory. Anything else (fonts, images, uncompressible clients) falls through to the static file handler.
 */
export function compressedStaticAssets(root: string, cacheControl: (path: string) => string) {
  const cache = new Map<string, Variant | null>();
  const base = normalize(root + sep);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[extname(req.path).toLowerCase()];
    if (!type || req.path.startsWith('/api/')) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    if (!encoding) return next();
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(base)) return next();
    const key = `${encoding}:${file}`;
    let variant = cache.get(key);
    if (variant === undefined) {
      variant = null;
      if (existsSync(file) && statSync(file).isFile()) {
        const raw = readFileSync(file);
        if (raw.length >= MIN_BYTES) {
          const body =
            encoding === 'br'
              ? brotliCompressSync(raw, {
                  params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
                })
              : gzipSync(raw, { level: 9 });
          variant = { body, etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 27)}-${encoding}"` };
        }
      }
      cache.set(key, variant);
    }
    if (!variant) return next();
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', cacheControl(file));
    res.setHeader('ETag', variant.etag);
    if (req.headers['if-none-match'] === variant.etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', String(variant.body.length));
    res.status(200).end(req.method === 'HEAD' ? undefined : variant.body);
  };
}
