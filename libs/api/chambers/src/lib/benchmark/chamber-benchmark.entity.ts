import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '@scs/api/accounts';
import { Report } from '@scs/api/reports';
import type { ChamberBenchmarkData } from '@scs/shared/contracts';

/** The published figures a member benchmark report is rendered from (fixed when it is requested, so re-rendering reproduces it). */
@Entity('chamber_benchmark')
@Index('IDX_chamber_benchmark_chamber', ['chamberId'])
export class ChamberBenchmark {
  @PrimaryColumn({ type: 'uuid', name: 'report_id', primaryKeyConstraintName: 'PK_chamber_benchmark' })
  reportId!: string;
  @Column({ type: 'uuid', name: 'chamber_id' }) chamberId!: string;
  @Column({ type: 'jsonb' }) figures!: ChamberBenchmarkData;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_chamber_benchmark_report' })
  report?: Relation<Report>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chamber_id', foreignKeyConstraintName: 'FK_chamber_benchmark_chamber' })
  chamber?: Relation<Organisation>;
}
