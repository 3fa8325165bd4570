// The shapes the research API returns (libs/api/research/src/lib/outputs/research.service.ts). The table itself is the
// shared DisclosedTable, so the web shows exactly what disclosure control produced.
import type { PredefinedTable } from '@scs/shared/disclosure';

export type {
  CellStatus,
  DisclosedTable,
  PredefinedTableId,
  TableCell,
  TableColumn,
  TableRow,
} from '@scs/shared/disclosure';

export interface Text {
  en: string;
  de: string;
}

export interface DatasetSummary {
  k: number;
  /** Distinct firms over all closed waves (null when fewer than k). */
  firms: number | null;
  waves: { wave: string; firms: number | null; catalogueVersions: string[] }[];
  /** The wave still collecting submissions (not shown until it closes). */
  openWave: string | null;
}

export interface TableCatalogueEntry extends PredefinedTable {
  /** Closed waves with data. */
  waves: string[];
  /** answers-by-legal-form: `<catalogueVersion>:<variable>` with its label. */
  variables?: { id: string; label: Text }[];
}

/** What the researcher chose. */
export interface TableSelection {
  table: string;
  wave: string;
  variable?: string;
}

export type CodebookFormat = 'json' | 'html' | 'ddi';
