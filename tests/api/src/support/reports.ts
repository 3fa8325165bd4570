import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportLocale, ReportView } from '@scs/shared/contracts';
import type { TestApp, TestUser } from './app';

/**
 * Requests the firm report of a submitted assessment, waits until the worker has stored it, and downloads the PDF.
 * Opt-in: PDF_DUMP_DIR=dir keeps each PDF (`<name>-<locale>-<report id>.pdf`) to look at it with pdftoppm.
 */
export async function firmReportPdf(
  t: TestApp,
  firm: TestUser,
  assessmentId: string,
  locale: ReportLocale,
  name = 'report',
): Promise<Uint8Array> {
  const res = await firm.http.post<ReportView>(`/api/assessments/${assessmentId}/reports`, { locale });
  expect(res.status).toBe(202);
  const started = Date.now();
  for (;;) {
    const r = await firm.http.get<ReportView>(`/api/reports/${res.body.id}`);
    if (r.body.status === 'done') break;
    if (r.body.status === 'failed' || Date.now() - started > 90_000)
      throw new Error(`report ${r.body.status}: ${r.body.error}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const file = await fetch(`${t.url}/api/reports/${res.body.id}/pdf`, {
    headers: { authorization: `Bearer ${firm.accessToken}` },
  });
  expect(file.status).toBe(200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const dump = process.env['PDF_DUMP_DIR'];
  if (dump) writeFileSync(join(dump, `${name}-${locale}-${res.body.id}.pdf`), bytes);
  return bytes;
}

/** Text of a PDF, or of its pages `first`..`last` (poppler's pdftotext, reading order), white space folded. */
export function pdfText(pdf: Uint8Array, first?: number, last?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'scs-pdf-text-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
    return execFileSync('pdftotext', [...range, join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
      .normalize('NFKC')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
