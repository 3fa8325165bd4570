// What a partner may attach as evidence: the special credit report (PDF) or a screenshot (PNG, JPEG). The type is
// decided by the content alone (the name and the browser's content type are ignored), and the file must be exactly
// that: a structurally complete PDF, PNG or JPEG with nothing a browser could run or unpack (no HTML or SVG, no
// script, no ZIP appended). Anything else is refused.

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export type EvidenceType = 'application/pdf' | 'image/png' | 'image/jpeg';
export type EvidenceProblem =
  | 'empty'
  | 'unknownType'
  | 'truncatedPdf'
  | 'activePdf'
  | 'brokenPng'
  | 'brokenJpeg'
  | 'trailingData'
  | 'markup'
  | 'archive';

export type EvidenceVerdict =
  | { ok: true; type: EvidenceType; extension: 'pdf' | 'png' | 'jpg' }
  | { ok: false; problem: EvidenceProblem };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Markup a browser would render or run if the file were ever served as text/html or image/svg+xml.
const MARKUP =
  /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|img|a\s|meta|link|style|form|\?xml)|javascript:/i;
// PDF features that run code or carry other files.
const ACTIVE_PDF = /\/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|SubmitForm|ImportData)\b/;
const ZIP_EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function pdfProblem(b: Buffer): EvidenceProblem | null {
  const tail = b.subarray(Math.max(0, b.length - 1024)).toString('latin1');
  if (!/%%EOF\s*$/.test(tail)) return 'truncatedPdf';
  const text = b.toString('latin1');
  if (ACTIVE_PDF.test(text)) return 'activePdf';
  if (!/\bobj\b/.test(text) || !/\b(?:xref|startxref)\b/.test(text)) return 'truncatedPdf';
  return null;
}

/** Walks the PNG chunks: IHDR first (13 bytes), IEND last, nothing after it. */
function pngProblem(b: Buffer): EvidenceProblem | null {
  let at = 8;
  let first = true;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return 'brokenPng';
    if (first && (type !== 'IHDR' || length !== 13)) return 'brokenPng';
    first = false;
    const next = at + 12 + length;
    if (next > b.length) return 'brokenPng';
    if (type === 'IEND') return next === b.length ? null : 'trailingData';
    at = next;
  }
  return 'brokenPng';
}

/** Walks the JPEG segments from SOI to the start of scan (a frame header must come first), then needs EOI at the very end. */
function jpegProblem(b: Buffer): EvidenceProblem | null {
  let at = 2;
  let frame = false;
  for (;;) {
    if (at + 4 > b.length || b[at] !== 0xff) return 'brokenJpeg';
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) return 'brokenJpeg';
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7)
      frame = true;
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    at += 2 + length;
  }
  if (!frame) return 'brokenJpeg';
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return 'trailingData';
  return null;
}

/** Decides what `b` is, or why it is refused. */
export function inspectEvidence(b: Buffer): EvidenceVerdict {
  if (b.length === 0) return { ok: false, problem: 'empty' };
  let type: EvidenceType;
  let problem: EvidenceProblem | null;
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') {
    type = 'application/pdf';
    problem = pdfProblem(b);
  } else if (b.subarray(0, 8).equals(PNG_SIGNATURE)) {
    type = 'image/png';
    problem = pngProblem(b);
  } else if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    type = 'image/jpeg';
    problem = jpegProblem(b);
  } else return { ok: false, problem: 'unknownType' };
  if (problem) return { ok: false, problem };
  // A polyglot: valid as its type and also an archive or a web page.
  const tail = b.subarray(Math.max(0, b.length - 65_557));
  if (tail.includes(ZIP_EOCD) || b.includes(ZIP_LOCAL)) return { ok: false, problem: 'archive' };
  if (MARKUP.test(b.toString('latin1'))) return { ok: false, problem: 'markup' };
  const extension = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
  return { ok: true, type, extension };
}

/** A file name safe for a Content-Disposition header: the uploaded stem (letters, digits, CJK) and the detected extension. */
export function evidenceFilename(original: string, extension: string): string {
  const stem =
    original
      .replace(/\.[^.]*$/, '')
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}_]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'evidence';
  return `${stem}.${extension}`;
}
