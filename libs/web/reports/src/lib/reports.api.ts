import { intlLocale } from '@scs/web/core';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RenderingView, ReportLocale, ReportView } from '@scs/shared/contracts';
import type { Observable } from 'rxjs';

/** HTTP calls of the PDF reports of an assessment. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** Newest first. */
  list(assessmentId: string): Observable<ReportView[]> {
    return this.http.get<ReportView[]>(`/api/assessments/${assessmentId}/reports`);
  }

  /** Queues a report (202); the same report again returns the stored one, a failed one is queued again. */
  request(assessmentId: string, locale: ReportLocale): Observable<ReportView> {
    return this.http.post<ReportView>(`/api/assessments/${assessmentId}/reports`, { locale });
  }

  /** Whether this server can render PDFs (no Chromium: unavailable, with what an operator must install). */
  rendering(): Observable<RenderingView> {
    return this.http.get<RenderingView>('/api/reports/rendering');
  }

  status(reportId: string): Observable<ReportView> {
    return this.http.get<ReportView>(`/api/reports/${reportId}`);
  }

  /** The download link: the server sends the file as an attachment with its filename. */
  pdfUrl(reportId: string): string {
    return `/api/reports/${reportId}/pdf`;
  }
}

export function isPending(r: Pick<ReportView, 'status'>): boolean {
  return r.status === 'queued' || r.status === 'rendering';
}

/** Polling interval after `n` polls: quick at first (a report takes a second or two), slower for a long queue. */
export function pollDelay(n: number): number {
  return Math.min(1000 * 1.25 ** n, 5000);
}

/** "1.2 MB", "840 kB" in the UI language. */
export function formatBytes(bytes: number | null, lang: string): string {
  if (bytes === null) return '–';
  const nf = (value: number, digits: number) =>
    new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits }).format(value);
  if (bytes < 1000) return `${nf(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${nf(bytes / 1000, 0)} kB`;
  return `${nf(bytes / 1_000_000, 1)} MB`;
}
