// The shapes the research API returns (libs/api/research/src/lib/outputs/research.service.ts). The table itself is the
// shared DisclosedTable, so the web shows exactly what disclosure control produced.
import type { PredefinedTable, PredefinedTableId } from '@scs/shared/disclosure';

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
  /** The microdata release: levels per quasi-identifier (0 exact, 1 grouped, 2 dropped) and top-coded answer codes. */
  microdata?: { levels: Record<QuasiIdentifier, 0 | 1 | 2>; topCodedAnswers: number } | null;
}

export const QUASI_IDENTIFIERS = ['sector', 'province', 'size', 'legalForm', 'activities'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];
export const QI_LEVEL_NAMES = ['exact', 'grouped', 'dropped'] as const;
export const MICRODATA_GROUPS = ['scores', 'answers', 'module'] as const;
export type MicrodataGroup = (typeof MICRODATA_GROUPS)[number];

/** The researcher's variable choice for microdata and codebook (within the release: coarser only). */
export interface MicrodataChoice {
  /** Levels asked for, per quasi-identifier (absent: as released). */
  qi: Partial<Record<QuasiIdentifier, 0 | 1 | 2>>;
  omit: MicrodataGroup[];
}

export interface TableCatalogueEntry extends PredefinedTable<PredefinedTableId> {
  /** Closed waves with data. */
  waves: string[];
  /** answers-by-legal-form: `<catalogueVersion>:<variable>` with its label. */
  variables?: { id: string; label: Text }[];
}

/** What the researcher chose. */
export interface TableSelection {
  table: PredefinedTableId;
  wave: string;
  variable?: string;
}

export type CodebookFormat = 'json' | 'html' | 'ddi' | 'stata' | 'r';
