import { bilingual as t } from '@scs/shared/catalogue';
import type { Text, TextZh } from '@scs/shared/catalogue';
import { meansTable } from './means-table';
import { EMPTY, withoutSpread, type DimensionInfo, type TableCell, type WaveContext } from './table';

// Peer benchmark ("firms like yours")

export type PeerGroup =
  | {
      available: true;
      by: 'sector' | 'size';
      group: string;
      label: Text;
      firms: number;
      overall: TableCell;
      dimensions: { dimensionId: string; mean: TableCell }[];
    }
  | {
      available: false;
      by: 'sector' | 'size';
      reason: 'no_data' | 'group_too_small' | 'profile_incomplete';
      message: TextZh;
    };

export interface PeerBenchmark {
  wave: string | null;
  k: number;
  sector: PeerGroup;
  size: PeerGroup;
}

/** Why a group is not shown, in every UI language (English, German, Simplified Chinese). */
const REASONS: Record<'no_data' | 'group_too_small' | 'profile_incomplete', TextZh> = {
  no_data: { ...t('No comparison data yet.', 'Noch keine Vergleichsdaten.'), zh: '暂无对比数据。' },
  group_too_small: {
    ...t(
      'Too few comparable firms have shared their results to show a comparison.',
      'Zu wenige vergleichbare Unternehmen haben ihre Ergebnisse geteilt, um einen Vergleich zu zeigen.',
    ),
    zh: '分享结果的可比企业太少，无法显示对比。',
  },
  profile_incomplete: {
    ...t(
      'Complete the firm profile (sector and headcount) to see the comparison.',
      'Vervollständigen Sie das Unternehmensprofil (Branche und Beschäftigte), um den Vergleich zu sehen.',
    ),
    zh: '请完善企业概况（行业和员工人数）以查看对比。',
  },
};

/** The firm's row of the means table of its sector group and of its size band (the same suppression as the tables). */
export function peerBenchmark(
  wave: WaveContext | null,
  dims: readonly DimensionInfo[],
  firm: { sectorGroup?: string | null; headcountBand?: string | null },
  k: number,
): PeerBenchmark {
  const one = (by: 'sector' | 'size', group: string | null | undefined): PeerGroup => {
    if (!group) return { available: false, by, reason: 'profile_incomplete', message: REASONS.profile_incomplete };
    if (!wave || wave.summary.firms === 0) return { available: false, by, reason: 'no_data', message: REASONS.no_data };
    const table = meansTable(wave.summary, wave.plan, dims, by);
    const row = table.rows.find((r) => r.key === group && !r.total);
    if (!row || row.suppressed || row.n.value === null || row.n.value === 0)
      return { available: false, by, reason: 'group_too_small', message: REASONS.group_too_small };
    const [overall, ...rest] = row.cells;
    return {
      available: true,
      by,
      group,
      label: row.label,
      firms: row.n.value,
      // Firms see the means only: the spread (n, SD, CI) is for researchers (docs/privacy.md, "Spread of means").
      overall: withoutSpread(overall ?? EMPTY),
      dimensions: dims.map((d, i) => ({ dimensionId: d.id, mean: withoutSpread(rest[i] ?? EMPTY) })),
    };
  };
  return {
    wave: wave?.summary.wave ?? null,
    k: wave?.plan.k ?? k,
    sector: one('sector', firm.sectorGroup),
    size: one('size', firm.headcountBand),
  };
}
