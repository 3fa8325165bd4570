import { answersByLegalForm } from './answers-by-legal-form.table';
import { levelBySector } from './level-by-sector.table';
import { meansBySector } from './means-by-sector.table';
import { meansBySize } from './means-by-size.table';
import type { TableDefinition, TableInstance, TableVocabulary, WaveContext } from './table';
import { waveChange } from './wave-change.table';

// The predefined tables, one file each. Every number a researcher, a chamber or a firm sees comes out of these
// builders, always together with the wave's suppression plan, so no output can skip disclosure control.
// Adding a table = one `<id>.table.ts` file + one line here.

export const TABLES = {
  levelBySector,
  meansBySize,
  meansBySector,
  answersByLegalForm,
  waveChange,
} as const;

/** The ids of the predefined tables (the union every caller types a table id with). */
export type PredefinedTableId = (typeof TABLES)[keyof typeof TABLES]['id'];

export const PREDEFINED_TABLES: readonly TableDefinition<PredefinedTableId>[] = Object.values(TABLES);

export const isPredefinedTableId = (id: string): id is PredefinedTableId => PREDEFINED_TABLES.some((d) => d.id === id);

/** Every instance of every wave table of a registry for one wave (what the research store caches per wave). */
export function waveTableInstances(
  ctx: WaveContext,
  vocabulary: TableVocabulary,
  registry: readonly TableDefinition[] = PREDEFINED_TABLES,
): (TableInstance & { tableId: string })[] {
  return registry.flatMap((def) =>
    def.scope === 'wave' ? def.build(ctx, vocabulary).map((i) => ({ tableId: def.id, ...i })) : [],
  );
}
