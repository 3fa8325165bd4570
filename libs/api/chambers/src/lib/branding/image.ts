import { crc32 } from 'node:zlib';
import { type MessageKey, type MessageParams, texts, translate } from '@scs/api/core';
import type { LogoType } from './chamber-branding.entity';

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 4096;

type Sound = { ok: true; type: LogoType; width: number; height: number };
/** A failed check as a message key (translated where it is shown). */
export type LogoCheck = Sound | { ok: false; code: MessageKey; params?: MessageParams };
export type ImageCheck = Sound | { ok: false; problem: string };

const fail = (code: MessageKey, params?: MessageParams): LogoCheck => ({ ok: false, code, params });

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Names well-known non-image formats, so the message says what was uploaded instead of "not a PNG". */
function knownOtherFormat(b: Buffer): MessageKey | null {
  const head = b
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (/^<(\?xml|svg|!doctype svg)/i.test(head) || /<svg[\s>]/i.test(head)) return 'errors.logo.svg';
  if (/^<(!doctype|html|head|body|script)/i.test(head)) return 'errors.logo.html';
  if (b.subarray(0, 2).toString('latin1') === 'MZ') return 'errors.logo.exe';
  if (b.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'errors.logo.elf';
  if (b.subarray(0, 4).toString('latin1') === '%PDF') return 'errors.logo.pdf';
  if (b.subarray(0, 2).toString('latin1') === 'PK') return 'errors.logo.zip';
  if (/^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))) return 'errors.logo.gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'errors.logo.webp';
  return null;
}

function sideProblem(width: number, height: number): LogoCheck | null {
  if (width < 1 || height < 1) return fail('errors.logo.noPixels');
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE)
    return fail('errors.logo.tooManyPixels', { width, height, max: LOGO_MAX_SIDE });
  return null;
}

/** Walks every PNG chunk (lengths and CRCs) from IHDR to IEND; nothing may follow IEND. */
function inspectPng(b: Buffer): LogoCheck {
  const broken = (why: MessageKey, params: MessageParams = {}): LogoCheck =>
    fail('errors.logo.pngDamaged', { why: texts(why, params) });
  let pos = PNG_SIGNATURE.length;
  let width = 0;
  let height = 0;
  let first = true;
  let sawData = false;
  for (;;) {
    if (pos + 12 > b.length) return broken('errors.logo.why.endsEarly');
    const length = b.readUInt32BE(pos);
    const type = b.subarray(pos + 4, pos + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return broken('errors.logo.why.invalidChunk');
    if (pos + 12 + length > b.length) return broken('errors.logo.why.chunkTruncated', { type });
    const data = b.subarray(pos + 8, pos + 8 + length);
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== b.readUInt32BE(pos + 8 + length))
      return broken('errors.logo.why.checksum', { type });
    if (first) {
      if (type !== 'IHDR' || length !== 13) return broken('errors.logo.why.noHeader');
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    pos += 12 + length;
    if (type === 'IEND') break;
  }
  if (!sawData) return broken('errors.logo.why.noData');
  if (pos !== b.length) return fail('errors.logo.pngExtraData');
  const side = sideProblem(width, height);
  return side ?? { ok: true, type: 'image/png', width, height };
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG marker segments up to the scan; needs a frame header (dimensions) and the end-of-image marker. */
function inspectJpeg(b: Buffer): LogoCheck {
  const broken = (why: MessageKey, params: MessageParams = {}): LogoCheck =>
    fail('errors.logo.jpegDamaged', { why: texts(why, params) });
  let pos = 2;
  let width = 0;
  let height = 0;
  let sawScan = false;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return broken('errors.logo.why.invalidSegment');
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
    if (length < 2 || pos + 2 + length > b.length) return broken('errors.logo.why.truncatedSegment');
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) return broken('errors.logo.why.shortFrameHeader');
      height = b.readUInt16BE(pos + 5);
      width = b.readUInt16BE(pos + 7);
    }
    if (marker === 0xda) {
      sawScan = true;
      break;
    }
    pos += 2 + length;
  }
  if (!width || !height) return broken('errors.logo.why.noFrameHeader');
  if (!sawScan) return broken('errors.logo.why.noData');
  if (b.length < 4 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9)
    return broken('errors.logo.why.noEndMarker');
  const side = sideProblem(width, height);
  return side ?? { ok: true, type: 'image/jpeg', width, height };
}

/**
 * Decides by content (never by file name or declared type) whether `b` is a PNG or JPEG logo we accept, and its size
 * in pixels. Everything else — SVG, renamed programs, damaged files — gets a message that says why.
 */
export function checkLogo(b: Buffer): LogoCheck {
  if (b.length === 0) return fail('errors.logo.empty');
  if (b.length > LOGO_MAX_BYTES) return fail('errors.logo.tooLarge', { kb: Math.ceil(b.length / 1024) });
  if (b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(b);
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return inspectJpeg(b);
  return fail(knownOtherFormat(b) ?? 'errors.logo.notPngOrJpeg');
}

/** The same check with the problem in English (tests, logs). */
export function inspectLogo(b: Buffer): ImageCheck {
  const check = checkLogo(b);
  return check.ok ? check : { ok: false, problem: translate(check.code, check.params) };
}
