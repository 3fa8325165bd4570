import type { LevelId } from '@scs/shared/catalogue';
import type {
  AggregateCell,
  AggregateTable,
  BenchmarkCampaign,
  ChamberBenchmarkData,
  ReportBranding,
  ChamberReportLocale,
} from '@scs/shared/contracts';
import type { MemberTables, MemberVocabulary } from '../aggregates/member-tables';

/** The report kind of the member benchmark. */
export const MEMBER_BENCHMARK = 'chamber_benchmark';

export interface Participation {
  invited: number;
  joined: number;
  submitted: number | null;
  campaigns: BenchmarkCampaign[];
}

/** Level names of docs/glossary.md (the catalogue's own labels predate it: "Mäßig"); merged columns join them. */
const LEVEL_NAMES: Record<ChamberReportLocale, Record<LevelId, string>> = {
  en: { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' },
  de: { low: 'Niedrig', moderate: 'Mittel', high: 'Hoch', critical: 'Kritisch' },
};

const published = (c: AggregateCell | undefined): c is AggregateCell & { value: number } =>
  c?.status === 'value' && c.value !== null;

/**
 * The figures of the member benchmark report, taken from the disclosure-controlled tables only: the "all members" row
 * of the level and means tables and the listed findings. A suppressed, "<3" or empty cell is left out (and counted in
 * `suppressedCells`), so the report cannot print a number the tables withheld.
 */
export function benchmarkData(
  input: {
    tables: MemberTables;
    vocabulary: MemberVocabulary;
    participation: Participation;
    branding: ReportBranding;
    locale: ChamberReportLocale;
    k: number;
    introduction?: string | null;
  },
  now = new Date(),
): ChamberBenchmarkData {
  const { tables, vocabulary, locale } = input;
  const table = (id: AggregateTable['id']) => tables.tables.find((x) => x.id === id) as AggregateTable;
  let suppressed = 0;
  const keep = (c: AggregateCell | undefined) => {
    if (published(c)) return true;
    if (c?.status !== 'empty') suppressed++;
    return false;
  };

  const levelTable = table('level-by-sector');
  const levelTotal = levelTable.rows.find((r) => r.total);
  const firms = tables.published && levelTotal && published(levelTotal.n) ? levelTotal.n.value : null;
  const levels: ChamberBenchmarkData['levels'] = [];
  levelTable.columns.forEach((col, i) => {
    const cell = levelTotal?.cells[i];
    // A merged column ("high / critical", see the tables' coarsening) is printed as it is published, coloured by its
    // most severe level; "no score" is not a level. Every level is printed: a withheld one says so (never vanishes),
    // an empty one is 0.
    const codes = col.key.split('+').filter((code) => vocabulary.levels.some((l) => l.code === code));
    if (!codes.length || !firms) return;
    const value = keep(cell) ? (cell as { value: number }).value : cell?.status === 'empty' ? 0 : null;
    levels.push({
      level: codes.at(-1) as LevelId,
      label: codes.map((code) => LEVEL_NAMES[locale][code as LevelId] ?? code).join(' / '),
      firms: value,
      share: null,
    });
  });
  // Released counts carry noise and are rounded to multiples of k, so their sum differs from the members counted:
  // shares are of the released counts (they add up to 100 %), and the report says so.
  const levelsTotal = firms ? levels.reduce((sum, l) => sum + (l.firms ?? 0), 0) : null;
  for (const l of levels) l.share = l.firms !== null && levelsTotal ? l.firms / levelsTotal : null;

  const means = table('means-by-size');
  const meansTotal = means.rows.find((r) => r.total);
  let overallMean: number | null = null;
  const dimensions: ChamberBenchmarkData['dimensions'] = [];
  means.columns.forEach((col, i) => {
    const cell = meansTotal?.cells[i];
    const published = keep(cell);
    if (!firms) return; // below k members nothing is printed, not even "withheld" rows
    const value = published ? (cell as { value: number }).value : null;
    if (col.key === 'overall') overallMean = value;
    else {
      // A dimension no member has is left out; a withheld one is printed as withheld.
      const dim = vocabulary.dimensions.find((d) => d.id === col.key);
      if (dim && (published || cell?.status !== 'empty'))
        dimensions.push({ code: dim.code, name: dim.name[locale], mean: value });
    }
  });

  const findings: ChamberBenchmarkData['findings'] = [];
  for (const row of table('frequent-findings').rows) {
    const info = vocabulary.findings.get(row.key);
    if (row.total || !info || !keep(row.n) || !firms) continue;
    findings.push({
      title: info.label[locale],
      dimensionCode: info.dimensionCode,
      dimensionName: info.dimensionName[locale],
      severity: info.severity,
      firms: (row.n as { value: number }).value,
      share: Math.min(1, (row.n as { value: number }).value / firms),
    });
  }

  return {
    locale,
    generatedAt: now.toISOString(),
    branding: input.branding,
    k: input.k,
    participation: input.participation,
    firms,
    overallMean,
    levels,
    levelsTotal,
    dimensions,
    findings,
    introduction: input.introduction?.trim() || null,
    suppressedCells: suppressed,
  };
}
