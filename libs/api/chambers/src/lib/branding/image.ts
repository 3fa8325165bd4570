import { crc32 } from 'node:zlib';
import type { LogoType } from './chamber-branding.entity';

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 4096;

export type ImageCheck = { ok: true; type: LogoType; width: number; height: number } | { ok: false; problem: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Names well-known non-image formats, so the message says what was uploaded instead of "not a PNG". */
function knownOtherFormat(b: Buffer): string | null {
  const head = b
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (/^<(\?xml|svg|!doctype svg)/i.test(head) || /<svg[\s>]/i.test(head))
    return 'SVG images are not accepted (they can contain scripts); upload a PNG or JPEG';
  if (/^<(!doctype|html|head|body|script)/i.test(head))
    return 'This is an HTML document, not an image; upload a PNG or JPEG';
  if (b.subarray(0, 2).toString('latin1') === 'MZ')
    return 'This is a Windows program, not an image; upload a PNG or JPEG';
  if (b.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])))
    return 'This is a program (ELF), not an image; upload a PNG or JPEG';
  if (b.subarray(0, 4).toString('latin1') === '%PDF') return 'This is a PDF, not an image; upload a PNG or JPEG';
  if (b.subarray(0, 2).toString('latin1') === 'PK')
    return 'This is a ZIP archive (or Office file), not an image; upload a PNG or JPEG';
  if (/^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')))
    return 'GIF images are not accepted; upload a PNG or JPEG';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'WebP images are not accepted; upload a PNG or JPEG';
  return null;
}

function sideProblem(width: number, height: number): string | null {
  if (width < 1 || height < 1) return 'The image has no pixels';
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE)
    return `The image is ${width} × ${height} pixels; at most ${LOGO_MAX_SIDE} pixels per side are accepted`;
  return null;
}

/** Walks every PNG chunk (lengths and CRCs) from IHDR to IEND; nothing may follow IEND. */
function inspectPng(b: Buffer): ImageCheck {
  const broken = (why: string): ImageCheck => ({ ok: false, problem: `The PNG file is damaged (${why})` });
  let pos = PNG_SIGNATURE.length;
  let width = 0;
  let height = 0;
  let first = true;
  let sawData = false;
  for (;;) {
    if (pos + 12 > b.length) return broken('it ends before the image end marker');
    const length = b.readUInt32BE(pos);
    const type = b.subarray(pos + 4, pos + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return broken('invalid chunk');
    if (pos + 12 + length > b.length) return broken(`chunk ${type} is truncated`);
    const data = b.subarray(pos + 8, pos + 8 + length);
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== b.readUInt32BE(pos + 8 + length))
      return broken(`checksum of chunk ${type}`);
    if (first) {
      if (type !== 'IHDR' || length !== 13) return broken('no image header');
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    pos += 12 + length;
    if (type === 'IEND') break;
  }
  if (!sawData) return broken('no image data');
  if (pos !== b.length)
    return { ok: false, problem: 'The PNG file has extra data after the image; save it again from an image editor' };
  const side = sideProblem(width, height);
  return side ? { ok: false, problem: side } : { ok: true, type: 'image/png', width, height };
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG marker segments up to the scan; needs a frame header (dimensions) and the end-of-image marker. */
function inspectJpeg(b: Buffer): ImageCheck {
  const broken = (why: string): ImageCheck => ({ ok: false, problem: `The JPEG file is damaged (${why})` });
  let pos = 2;
  let width = 0;
  let height = 0;
  let sawScan = false;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return broken('invalid segment');
    const marker = b[pos + 1];
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    const length = b.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > b.length) return broken('truncated segment');
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) return broken('short frame header');
      height = b.readUInt16BE(pos + 5);
      width = b.readUInt16BE(pos + 7);
    }
    if (marker === 0xda) {
      sawScan = true;
      break;
    }
    pos += 2 + length;
  }
  if (!width || !height) return broken('no frame header with the image size');
  if (!sawScan) return broken('no image data');
  if (b.length < 4 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9)
    return broken('it does not end with the end-of-image marker');
  const side = sideProblem(width, height);
  return side ? { ok: false, problem: side } : { ok: true, type: 'image/jpeg', width, height };
}

/**
 * Decides by content (never by file name or declared type) whether `b` is a PNG or JPEG logo we accept, and its size
 * in pixels. Everything else — SVG, renamed programs, damaged files — gets a message that says why.
 */
export function inspectLogo(b: Buffer): ImageCheck {
  if (b.length === 0) return { ok: false, problem: 'The file is empty' };
  if (b.length > LOGO_MAX_BYTES)
    return { ok: false, problem: `The logo is ${Math.ceil(b.length / 1024)} KB; at most 512 KB are accepted` };
  if (b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(b);
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return inspectJpeg(b);
  return { ok: false, problem: knownOtherFormat(b) ?? 'This file is not a PNG or JPEG image; upload a PNG or JPEG' };
}
