import { bilingual as t } from '@scs/shared/catalogue';
import type { Text } from '@scs/shared/catalogue';
import type { SuppressionReason } from '../plan';
import {
  LEGAL_FORM_LABELS,
  SECTOR_GROUPS,
  SIZE_LABELS,
  type LegalForm,
  type SectorGroup,
  type SizeBand,
} from '../record';
import type { PanelSummary, PartitionId, WaveSummary } from '../summary';
import { meanSpread, type MeanRange, type MeanSpread } from './spread';
import type { WavePlan } from './wave-plan';

// What every predefined table shares: the shape of a disclosed table, its cells and display rules, and the shape of a
// table definition (one file per table, listed once in registry.ts).

export type TableChart = 'heatmap' | 'bars' | 'lines';
/** Parameters: one wave, or two consecutive waves (`from`, `to`); `variable` for the answer table. */
export type TableParam = 'wave' | 'from' | 'to' | 'variable';

/** What the table catalogue shows of a table: id, labels, chart and parameters. */
export interface PredefinedTable<Id extends string = string> {
  id: Id;
  title: Text;
  description: Text;
  chart: TableChart;
  params: TableParam[];
}

export type CellStatus = 'value' | 'suppressed' | 'lt3' | 'empty';

export interface TableCell {
  /** The number to chart; null for suppressed, "<3" and empty cells (never charted). */
  value: number | null;
  /** What to print: the number, "." (suppressed), "<3" or "–" (no firm). */
  display: string;
  status: CellStatus;
  /**
   * Published means only: the firms behind the mean, their standard deviation and the 95 % confidence interval
   * (spread.ts). Absent on counts, suppressed and empty cells, and where no sum of squares exists (chamber releases).
   */
  spread?: MeanSpread;
}

export interface TableColumn {
  key: string;
  label: Text;
  /** Answer codes (or levels) this column holds; more than one when categories were merged. */
  codes?: string[];
}

export interface TableRow {
  key: string;
  label: Text;
  /** The margin ("all firms") row. */
  total: boolean;
  /** Firms in the row. */
  n: TableCell;
  cells: TableCell[];
  suppressed?: SuppressionReason;
}

export interface DisclosedTable<Id extends string = string> {
  id: Id;
  title: Text;
  waves: string[];
  variable?: string;
  catalogueVersion?: string;
  k: number;
  rowVariable: PartitionId | 'dimension';
  valueKind: 'count' | 'mean';
  chart: TableChart;
  columns: TableColumn[];
  rows: TableRow[];
  /** Merged column groups (a category held all firms of a row, see docs/privacy.md). */
  coarsened: string[][];
  notes: Text[];
}

export interface Category {
  code: string;
  label: Text;
}

export interface DimensionInfo {
  id: string;
  label: Text;
}

export interface AnswerVariable {
  /** `T1`, or `rm.awareness` / `rm.impact.inspection` for the research module. */
  variable: string;
  catalogueVersion: string;
  label: Text;
  categories: readonly Category[];
}

/** Labels and categories the tables of a wave need, from the catalogue versions its records answered. */
export interface TableVocabulary {
  levels: Category[];
  dimensions: DimensionInfo[];
  variables: AnswerVariable[];
}

export interface WaveContext {
  summary: WaveSummary;
  plan: WavePlan;
}

/** Two consecutive waves and their panel (firms in both), with the panels before and after for differencing checks. */
export interface PanelInput {
  panel: PanelSummary;
  from: WaveContext;
  to: WaveContext;
  dimensions: readonly DimensionInfo[];
  neighbours?: { prev?: PanelSummary; next?: PanelSummary };
}

/** One rendering of a wave table: `param` is '' unless the table takes a parameter (e.g. `version:variable`). */
export interface TableInstance<Id extends string = string> {
  param: string;
  table: DisclosedTable<Id>;
}

/** A table of one wave: renders every instance of it (one per parameter value) from the wave's summary and plan. */
export interface WaveTableDefinition<Id extends string = string> extends PredefinedTable<Id> {
  scope: 'wave';
  build(ctx: WaveContext, vocabulary: TableVocabulary): TableInstance<Id>[];
}

/** A table of two consecutive waves (`param` = the earlier wave). */
export interface PanelTableDefinition<Id extends string = string> extends PredefinedTable<Id> {
  scope: 'panel';
  build(input: PanelInput): DisclosedTable<Id>;
}

export type TableDefinition<Id extends string = string> = WaveTableDefinition<Id> | PanelTableDefinition<Id>;

// Typed constructors: they keep the id's literal type, so the registry can derive the union of table ids.
export const waveTable = <const Id extends string>(def: WaveTableDefinition<Id>): WaveTableDefinition<Id> => def;
export const panelTable = <const Id extends string>(def: PanelTableDefinition<Id>): PanelTableDefinition<Id> => def;

/** The catalogue entry of a definition (what the API lists; no builder). */
export function tableMeta<Id extends string>(def: TableDefinition<Id>): PredefinedTable<Id> {
  return { id: def.id, title: def.title, description: def.description, chart: def.chart, params: def.params };
}

export const SUPPRESSED: TableCell = { value: null, display: '.', status: 'suppressed' };
export const EMPTY: TableCell = { value: null, display: '–', status: 'empty' };

export function countCell(n: number): TableCell {
  if (n > 0 && n < 3) return { value: null, display: '<3', status: 'lt3' };
  return { value: n, display: String(n), status: 'value' };
}

/** A published mean; with `sumSq` (Σ score²) it carries its spread (n, SD, 95 % CI), without it none. */
export function meanCell(sum: number, n: number, sumSq?: number, range?: MeanRange): TableCell {
  if (n === 0) return EMPTY;
  const value = Math.round((sum / n) * 10) / 10;
  const cell: TableCell = { value, display: value.toFixed(1), status: 'value' };
  return sumSq === undefined ? cell : { ...cell, spread: meanSpread(n, sum, sumSq, range) };
}

/** The cell without its spread (outputs for firms and chambers, which publish means only). */
export function withoutSpread(cell: TableCell): TableCell {
  return { value: cell.value, display: cell.display, status: cell.status };
}

export const TOTAL_LABEL = t('All firms', 'Alle Unternehmen');
export const OVERALL_LABEL = t('Overall', 'Gesamt');

export function groupLabel(partition: PartitionId, group: string): Text {
  if (partition === 'sector') return SECTOR_GROUPS[group as SectorGroup]?.label ?? t(group, group);
  if (partition === 'size') return SIZE_LABELS[group as SizeBand] ?? t(group, group);
  return LEGAL_FORM_LABELS[group as LegalForm] ?? t(group, group);
}

export function joinLabels(labels: Text[]): Text {
  return { en: labels.map((l) => l.en).join(' / '), de: labels.map((l) => l.de).join(' / ') };
}

export function standardNotes(k: number, coarsened: boolean): Text[] {
  const notes = [
    t(
      `"." = suppressed (fewer than ${k} firms, or withheld so that a suppressed cell cannot be recomputed); "<3" = 1 or 2 firms; "–" = no firm.`,
      `„.“ = gesperrt (weniger als ${k} Unternehmen oder zurückgehalten, damit eine gesperrte Zelle nicht errechnet werden kann); „<3“ = 1 oder 2 Unternehmen; „–“ = kein Unternehmen.`,
    ),
  ];
  if (coarsened)
    notes.push(
      t(
        'Categories joined with "/" were merged because one of them held all firms of a row.',
        'Mit „/“ verbundene Kategorien wurden zusammengefasst, weil eine davon alle Unternehmen einer Zeile umfasste.',
      ),
    );
  return notes;
}
