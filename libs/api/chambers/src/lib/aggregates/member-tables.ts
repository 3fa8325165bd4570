import type { Catalogue, LevelId, Text } from '@scs/shared/catalogue';
import { texts } from '@scs/api/core';
import {
  EMPTY,
  LEGAL_FORMS,
  SIZE_BANDS,
  SUPPRESSED,
  addRecord,
  coarsenScore,
  roundCount,
  countCell,
  emptyWaveSummary,
  levelBySectorTable,
  meansTable,
  planWave,
  type Category,
  type DimensionInfo,
  type DisclosedTable,
  type ResearchRecord,
  type WavePlan,
} from '@scs/shared/disclosure';
import type { AggregateCell, AggregateTable, ReportSeverity } from '@scs/shared/contracts';

// Member aggregates of a chamber: the research feature's disclosure control (libs/shared/disclosure) applied to the
// latest submitted result of each member that shares anonymised results with its chambers. The members form one
// universe (like one research wave): the same suppression plan, tables and notes as the research outputs.

/** What the server reads of one member's latest submitted assessment (never leaves the server). */
export interface MemberResult {
  firmId: string;
  catalogueVersion: string;
  naceSection: string;
  headcountBand: string;
  legalForm: string;
  level: LevelId | null;
  overallScore: number | null;
  dimensionScores: Record<string, number | null>;
  /** Exposure findings as `questionId:optionId`. */
  findings: string[];
}

export interface FindingInfo {
  label: Text;
  dimensionId: string;
  dimensionCode: string;
  dimensionName: Text;
  severity: ReportSeverity;
}

export interface MemberVocabulary {
  levels: Category[];
  dimensions: (DimensionInfo & { code: string; name: Text })[];
  findings: Map<string, FindingInfo>;
}

/** Most frequent findings listed at most. */
export const TOP_FINDINGS = 10;
const SEVERITY_ORDER: ReportSeverity[] = ['critical', 'high', 'medium', 'low'];

/** Labels of levels, dimensions and findings from the catalogue versions the members answered (newest wins). */
export function vocabularyOf(catalogues: readonly Catalogue[]): MemberVocabulary {
  const sorted = [...catalogues].sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
  const dims = new Map<string, MemberVocabulary['dimensions'][number]>();
  const findings = new Map<string, FindingInfo>();
  for (const c of sorted) {
    for (const d of c.dimensions)
      dims.set(d.id, {
        id: d.id,
        code: d.code,
        name: { en: d.name.en, de: d.name.de },
        label: { en: `${d.code} ${d.name.en}`, de: `${d.code} ${d.name.de}` },
      });
    for (const q of c.questions) {
      const dim = c.dimensions.find((d) => d.id === q.dimension);
      for (const o of q.options) {
        if (!o.finding || !dim) continue;
        findings.set(`${q.id}:${o.id}`, {
          label: { en: o.finding.title.en, de: o.finding.title.de },
          dimensionId: dim.id,
          dimensionCode: dim.code,
          dimensionName: { en: dim.name.en, de: dim.name.de },
          severity: o.finding.severity,
        });
      }
    }
  }
  return {
    levels: (sorted.at(-1)?.levels ?? []).map((l) => ({ code: l.id, label: l.label })),
    dimensions: [...dims.values()],
    findings,
  };
}

/** Members whose profile cannot be classified are left out (a submitted profile always can be). */
function toRecord(m: MemberResult): ResearchRecord | null {
  if (
    !(SIZE_BANDS as readonly string[]).includes(m.headcountBand) ||
    !(LEGAL_FORMS as readonly string[]).includes(m.legalForm)
  )
    return null;
  return {
    pseudonym: m.firmId,
    wave: 'members',
    catalogueVersion: m.catalogueVersion,
    naceSection: m.naceSection,
    provinceGroup: 'multi',
    province: 'multi',
    headcountBand: m.headcountBand as ResearchRecord['headcountBand'],
    legalForm: m.legalForm as ResearchRecord['legalForm'],
    activities: [],
    // Release rule (docs/privacy.md): a member's scores count with the midpoint of their band, never exactly.
    dimensionScores: Object.fromEntries(Object.entries(m.dimensionScores).map(([d, v]) => [d, coarsenScore(v)])),
    overallScore: coarsenScore(m.overallScore),
    level: m.level,
    answers: {},
  };
}

/**
 * Category counts of a release rounded to multiples of `base` (k): a count of 1 or 2 ("<3") and 0 both show 0, so one
 * member's category does not stand out; the row's firm count (`n`) stays as planned.
 */
export function roundedCounts(table: AggregateTable, base: number): AggregateTable {
  const round = (c: AggregateCell): AggregateCell => {
    if (c.status === 'suppressed') return c;
    const exact = c.status === 'value' ? (c.value ?? 0) : 0; // "<3" and "–" hold fewer than 3 firms
    const value = roundCount(exact, base);
    return { value, display: String(value), status: 'value' };
  };
  return {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(round) })),
    notes: [...table.notes, texts('tables.note.roundedCounts', { base })],
  };
}

const MEANS_NOTE = texts('tables.note.bandMidpoints');

function toView(table: DisclosedTable, id: AggregateTable['id']): AggregateTable {
  return {
    id,
    title: table.title,
    k: table.k,
    valueKind: table.valueKind,
    columns: table.columns.map((c) => ({ key: c.key, label: c.label })),
    rows: table.rows.map((r) => ({ key: r.key, label: r.label, total: r.total, n: r.n, cells: r.cells })),
    notes: table.notes,
  };
}

/**
 * The most frequent findings. A finding is listed only when the members are a published universe (at least k), at
 * least k members have it, and not all of them do (a published "all members" would state something about every one
 * of them — the same rule that merges categories in the research tables). Findings that miss either bound are left
 * out altogether, so the list does not hint at them.
 */
export function frequentFindingsTable(
  members: readonly MemberResult[],
  plan: WavePlan,
  vocabulary: MemberVocabulary,
): AggregateTable {
  const k = plan.k;
  const total = plan.base.total;
  const counts = new Map<string, number>();
  for (const m of members) for (const key of new Set(m.findings)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const publishable = plan.base.totalPublished
    ? [...counts.entries()].filter(([key, n]) => n >= k && n < total && vocabulary.findings.has(key))
    : [];
  const severity = (key: string) => SEVERITY_ORDER.indexOf(vocabulary.findings.get(key)?.severity ?? 'low');
  publishable.sort(
    ([a, na], [b, nb]) => nb - na || severity(a) - severity(b) || a.localeCompare(b, 'en', { numeric: true }),
  );
  const share = (exact: number): AggregateCell => {
    const n = roundCount(exact, k);
    const value = Math.round((n / total) * 1000) / 10;
    return { value, display: `${value.toFixed(1)} %`, status: 'value' };
  };
  const rows = publishable.slice(0, TOP_FINDINGS).map(([key, n]) => {
    const info = vocabulary.findings.get(key) as FindingInfo;
    return {
      key,
      label: { en: `${info.dimensionCode} · ${info.label.en}`, de: `${info.dimensionCode} · ${info.label.de}` },
      total: false,
      n: countCell(roundCount(n, k)),
      cells: [share(n)],
    };
  });
  return {
    id: 'frequent-findings',
    title: texts('tables.frequentFindings.title'),
    k,
    valueKind: 'count',
    columns: [{ key: 'share', label: texts('tables.frequentFindings.share') }],
    rows: plan.base.totalPublished
      ? rows
      : [
          {
            key: '*',
            label: texts('tables.allMembers'),
            total: true,
            n: total === 0 ? countCell(0) : SUPPRESSED,
            cells: [total === 0 ? EMPTY : SUPPRESSED],
          },
        ],
    notes: [texts('tables.frequentFindings.note', { k, top: TOP_FINDINGS })],
  };
}

export interface MemberTables {
  /** Members counted; null when fewer than k. */
  firms: number | null;
  published: boolean;
  tables: AggregateTable[];
}

const withNote = (table: AggregateTable, note: AggregateTable['notes'][number]): AggregateTable => ({
  ...table,
  notes: [...table.notes, note],
});

/** Level distribution, mean dimension scores (by size and by sector) and most frequent findings of the members. */
export function memberTables(members: readonly MemberResult[], vocabulary: MemberVocabulary, k: number): MemberTables {
  const counted = members
    .map((m) => ({ m, r: toRecord(m) }))
    .filter((x): x is { m: MemberResult; r: ResearchRecord } => x.r !== null);
  const summary = emptyWaveSummary('members');
  for (const { r } of counted) addRecord(summary, r, { answers: false });
  const plan = planWave(summary, k);
  const published = plan.base.totalPublished;
  const tables: AggregateTable[] = [
    roundedCounts(toView(levelBySectorTable(summary, plan, vocabulary.levels), 'level-by-sector'), k),
    withNote(toView(meansTable(summary, plan, vocabulary.dimensions, 'size'), 'means-by-size'), MEANS_NOTE),
    withNote(toView(meansTable(summary, plan, vocabulary.dimensions, 'sector'), 'means-by-sector'), MEANS_NOTE),
    frequentFindingsTable(
      counted.map((x) => x.m),
      plan,
      vocabulary,
    ),
  ];
  return { firms: published ? plan.base.total : null, published, tables };
}
