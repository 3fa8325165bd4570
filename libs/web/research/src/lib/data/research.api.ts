import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  QI_LEVEL_NAMES,
  QUASI_IDENTIFIERS,
  type CodebookFormat,
  type DatasetSummary,
  type DisclosedTable,
  type MicrodataChoice,
  type TableCatalogueEntry,
  type TableSelection,
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

  /** The codebook (DDI) or the Stata / R script of a table's CSV, labels in `lang`. */
  tableCodebookUrl(orgId: string, sel: TableSelection, format: CodebookFormat, lang: string): string {
    return `/api/research/${orgId}/tables/${encodeURIComponent(sel.table)}/codebook${tableQuery(sel, { format, lang })}`;
  }

  microdataUrl(orgId: string, waves: string[], choice?: MicrodataChoice): string {
    const params = choiceParams(waves, choice);
    return `/api/research/${orgId}/microdata.csv${params.length ? `?${params.join('&')}` : ''}`;
  }

  codebookUrl(
    orgId: string,
    format: CodebookFormat,
    waves: string[],
    choice?: MicrodataChoice,
    lang?: 'en' | 'de',
  ): string {
    // Scripts carry labels in one language (the UI's); the codebook files hold both.
    const scriptLang = lang && (format === 'stata' || format === 'r') ? [`lang=${lang}`] : [];
    return `/api/research/${orgId}/codebook?${[`format=${format}`, ...scriptLang, ...choiceParams(waves, choice)].join('&')}`;
  }
}

/** Query parameters of a microdata or codebook download: waves, then the variable choice (nothing for the defaults). */
function choiceParams(waves: string[], choice?: MicrodataChoice): string[] {
  const qi = QUASI_IDENTIFIERS.flatMap((q) => {
    const level = choice?.qi[q];
    return level === undefined ? [] : [`${q}:${QI_LEVEL_NAMES[level]}`];
  });
  return [
    ...(waves.length ? [`waves=${waves.join(',')}`] : []),
    ...(qi.length ? [`qi=${qi.join(',')}`] : []),
    ...(choice?.omit.length ? [`omit=${choice.omit.join(',')}`] : []),
  ];
}
