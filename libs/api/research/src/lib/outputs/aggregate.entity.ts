import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Precomputed, disclosure-controlled outputs per wave (tables, summaries), so a table is served by one key lookup. */
@Entity({ schema: 'research', name: 'aggregate_cache' })
export class AggregateCache {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_research_aggregate_cache' }) wave!: string;
  @PrimaryColumn({ type: 'text', name: 'table_id', primaryKeyConstraintName: 'PK_research_aggregate_cache' })
  tableId!: string;
  /** Table parameters (e.g. the variable of an answer table), "" when none. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_research_aggregate_cache' }) param!: string;
  @Column({ type: 'jsonb' }) payload!: unknown;
  /** The refresh generation of the wave that computed it. */
  @Column({ type: 'integer' }) generation!: number;
}

/**
 * Which waves need their aggregates recomputed. Deliberately without timestamps: the time of a refresh would date
 * the submissions that caused it.
 */
@Entity({ schema: 'research', name: 'aggregate_state' })
export class AggregateState {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_research_aggregate_state' }) wave!: string;
  @Column({ type: 'boolean', default: true }) dirty!: boolean;
  @Column({ type: 'integer', default: 0 }) generation!: number;
}
