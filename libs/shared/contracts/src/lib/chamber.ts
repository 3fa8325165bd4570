// Chamber member aggregates and the member benchmark report. Every figure here has passed disclosure control
// (libs/shared/disclosure): tables carry suppressed cells as "." with a null value; the benchmark report data holds
// published cells only.

import type { ChamberReportLocale, ReportBranding, ReportLevel, ReportLocale, ReportSeverity } from './report';

export interface LocalText {
  en: string;
  de: string;
}

export type AggregateCellStatus = 'value' | 'suppressed' | 'lt3' | 'empty';

export interface AggregateCell {
  /** The number to chart; null for suppressed, "<3" and empty cells (never charted). */
  value: number | null;
  /** What to print: the number, "." (suppressed), "<3" or "–" (no firm). */
  display: string;
  status: AggregateCellStatus;
}

export interface AggregateTable {
  id: 'level-by-sector' | 'means-by-size' | 'means-by-sector' | 'frequent-findings';
  title: LocalText;
  k: number;
  valueKind: 'count' | 'mean';
  columns: { key: string; label: LocalText }[];
  rows: { key: string; label: LocalText; total: boolean; n: AggregateCell; cells: AggregateCell[] }[];
  notes: LocalText[];
}

export interface MemberAggregatesView {
  chamberId: string;
  k: number;
  /** Members with a submitted assessment who share anonymised results with their chambers; null when fewer than k. */
  firms: number | null;
  /** False when fewer than k members share results: every table is then fully suppressed. */
  published: boolean;
  tables: AggregateTable[];
  /** When the figures were computed (ISO 8601): the release's creation time. */
  computedAt: string;
  /** `published`: the tables of the latest published release; `not_enough_members`: no release could be published yet. */
  status: 'published' | 'not_enough_members';
  /** The release served (closed quarter, version, members counted); null before the first published release. */
  release: MemberRelease | null;
  /** The quarter still running: its members' changes reach the next release (at the earliest after it ends). */
  collecting: string;
  /**
   * How the served release was coarsened (public rule): scores count with the midpoint of their band, counts rounded
   * to multiples of `countBase`, and the discrete Laplace noise it was cut with (null: cut before noise existed).
   */
  coarsening: { scoreBand: number; countBase: number; noise: ReleaseNoiseRule | null };
  /** A helpful explanation when nothing of the chamber can be published yet (EN/DE). */
  message: LocalText | null;
  /** Platform-wide comparison (latest closed research wave, all firms) for chambers without a release. */
  platform: PlatformBenchmark | null;
}

/** Noise of a chamber release (docs/privacy.md, "Noise and privacy budget"). */
export interface ReleaseNoiseRule {
  mechanism: 'discrete-laplace';
  /** Scale per level count (members), per score sum (25-point bands) and per finding count (members). */
  levelScale: number;
  meanScale: number;
  findingScale: number;
  /** ε of this release for a member's level, for one dimension's band, for one finding; releases per year. */
  levelEpsilon: number;
  dimensionEpsilon: number;
  findingEpsilon: number;
  releasesPerYear: number;
}

export interface MemberRelease {
  period: string;
  version: number;
  firms: number;
  publishedAt: string;
}

export interface PlatformBenchmark {
  wave: string;
  firms: number;
  /** Mean overall score of all firms of the wave (published cell, k-controlled). */
  overall: AggregateCell;
  dimensions: { label: LocalText; mean: AggregateCell }[];
}

/** One level (or merged levels) of the benchmark report: every level is printed, a withheld one as such. */
export interface BenchmarkLevel {
  level: ReportLevel;
  label: string;
  /** The released (noisy, rounded) count; null when disclosure control withheld it. */
  firms: number | null;
  /** Share of the sum of the released counts (0–1), so the shares printed add up to 100 %; null when withheld. */
  share: number | null;
}

export interface BenchmarkDimension {
  code: string;
  name: string;
  /** Null when withheld. */
  mean: number | null;
}

export interface BenchmarkFinding {
  title: string;
  dimensionCode: string;
  dimensionName: string;
  severity: ReportSeverity;
  firms: number;
  share: number;
}

export interface BenchmarkCampaign {
  title: string;
  invited: number;
  joined: number;
  /** Null when withheld (it would reveal the status of firms that do not share it). */
  submitted: number | null;
}

/** Everything the member benchmark report prints: published cells only, in the report language. */
export interface ChamberBenchmarkData {
  locale: ReportLocale;
  /** ISO 8601. */
  generatedAt: string;
  branding: ReportBranding;
  k: number;
  participation: { invited: number; joined: number; submitted: number | null; campaigns: BenchmarkCampaign[] };
  /** Members whose results are counted; null when fewer than k (then no result figure is published). */
  firms: number | null;
  overallMean: number | null;
  levels: BenchmarkLevel[];
  /** Sum of the released level counts (the base of the level shares); null when nothing is published. */
  levelsTotal: number | null;
  dimensions: BenchmarkDimension[];
  findings: BenchmarkFinding[];
  /** The chamber's own introduction (plain text, written before the report was requested); null when none. */
  introduction: string | null;
  /** Number of cells left out because they were suppressed. */
  suppressedCells: number;
}

/** Progress of a campaign's batch distribution as the chamber sees it. */
export interface DistributionView {
  campaignId: string;
  started: boolean;
  locale: ChamberReportLocale | null;
  startedAt: string | null;
  /** Member firms of the campaign at the last start. */
  total: number;
  /** Finished: a report prepared, or nothing to prepare (no submitted assessment). */
  done: number;
  failed: number;
  pending: number;
  /** Reports prepared; null when it would reveal the status of firms that do not share it. */
  prepared: number | null;
  finished: boolean;
}
