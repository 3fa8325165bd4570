import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EXPORT_KINDS = ['table', 'table_csv', 'microdata', 'codebook'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Every output a researcher takes: who, what, with which parameters, when, how many rows. Visible to platform admins. */
@Entity({ schema: 'research', name: 'export_log' })
@Index('IDX_research_export_log_at', ['at'])
export class ExportLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_research_export_log' })
  id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text' }) kind!: ExportKind;
  @Column({ type: 'text', name: 'table_id', nullable: true }) tableId!: string | null;
  @Column({ type: 'jsonb' }) params!: Record<string, unknown>;
  @Column({ type: 'integer', name: 'row_count' }) rowCount!: number;
}
