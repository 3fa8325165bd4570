import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  CodebookFormat,
  DatasetSummary,
  DisclosedTable,
  TableCatalogueEntry,
  TableSelection,
} from './research.types';

/** Query string of a table request: `wave` (for wave-change the later wave; the API picks the wave before it) and `variable`. */
export function tableQuery(sel: TableSelection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (sel.wave) params.set('wave', sel.wave);
  if (sel.variable && sel.table === 'answers-by-legal-form') params.set('variable', sel.variable);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** The research API of one research organisation. Downloads are plain links (the session cookie carries auth). */
@Injectable({ providedIn: 'root' })
export class ResearchApi {
  private readonly http = inject(HttpClient);

  summary(orgId: string): Promise<DatasetSummary> {
    return firstValueFrom(this.http.get<DatasetSummary>(`/api/research/${orgId}/summary`));
  }

  tables(orgId: string): Promise<TableCatalogueEntry[]> {
    return firstValueFrom(this.http.get<TableCatalogueEntry[]>(`/api/research/${orgId}/tables`));
  }

  table(orgId: string, sel: TableSelection): Promise<DisclosedTable> {
    return firstValueFrom(
      this.http.get<DisclosedTable>(`/api/research/${orgId}/tables/${encodeURIComponent(sel.table)}${tableQuery(sel)}`),
    );
  }

  tableCsvUrl(orgId: string, sel: TableSelection, lang: string): string {
    return `/api/research/${orgId}/tables/${encodeURIComponent(sel.table)}/csv${tableQuery(sel, { lang })}`;
  }

  microdataUrl(orgId: string, waves: string[]): string {
    return `/api/research/${orgId}/microdata.csv${waves.length ? `?waves=${waves.join(',')}` : ''}`;
  }

  codebookUrl(orgId: string, format: CodebookFormat, waves: string[]): string {
    const params = new URLSearchParams({ format });
    if (waves.length) params.set('waves', waves.join(','));
    return `/api/research/${orgId}/codebook?${params.toString().replace(/%2C/g, ',')}`;
  }
}
