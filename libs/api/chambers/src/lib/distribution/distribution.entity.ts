import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from '@scs/api/accounts';
import { Report } from '@scs/api/reports';
import type { ChamberReportLocale } from '@scs/shared/contracts';
import { Campaign } from '../campaigns/campaign.entity';

/** "Prepare reports for all members who submitted in this campaign": one per campaign; starting again adds new members. */
@Entity('report_distribution')
@Check('CHK_report_distribution_locale', `"locale" IN ('en', 'de')`)
@Index('UQ_report_distribution_campaign', ['campaignId'], { unique: true })
export class ReportDistribution {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_report_distribution' }) id!: string;
  @Column({ type: 'uuid', name: 'campaign_id' }) campaignId!: string;
  @Column({ type: 'uuid', name: 'chamber_id' }) chamberId!: string;
  @Column({ type: 'text' }) locale!: ChamberReportLocale;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'started_at', default: () => 'now()' }) startedAt!: Date;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_report_distribution_campaign' })
  campaign?: Relation<Campaign>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chamber_id', foreignKeyConstraintName: 'FK_report_distribution_chamber' })
  chamber?: Relation<Organisation>;
}

/**
 * pending: not looked at yet; skipped: the firm has no submitted assessment (nothing to prepare); prepared: its report
 * exists (queued, rendering, done or failed — see the report); failed: its report data could not be loaded.
 */
export type DistributionItemState = 'pending' | 'prepared' | 'skipped' | 'failed';

/** One member firm of a distribution. The chamber only ever sees counts of these, never a firm's report. */
@Entity('report_distribution_item')
@Check('CHK_report_distribution_item_state', `"state" IN ('pending', 'prepared', 'skipped', 'failed')`)
@Index('IDX_report_distribution_item_report', ['reportId'])
export class ReportDistributionItem {
  @PrimaryColumn({ type: 'uuid', name: 'distribution_id', primaryKeyConstraintName: 'PK_report_distribution_item' })
  distributionId!: string;
  @PrimaryColumn({ type: 'uuid', name: 'firm_id', primaryKeyConstraintName: 'PK_report_distribution_item' })
  firmId!: string;
  @Column({ type: 'text', default: 'pending' }) state!: DistributionItemState;
  @Column({ type: 'uuid', name: 'assessment_id', nullable: true }) assessmentId!: string | null;
  @Column({ type: 'uuid', name: 'report_id', nullable: true }) reportId!: string | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'timestamptz', name: 'notified_at', nullable: true }) notifiedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;

  @ManyToOne(() => ReportDistribution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'distribution_id', foreignKeyConstraintName: 'FK_report_distribution_item_distribution' })
  distribution?: Relation<ReportDistribution>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id', foreignKeyConstraintName: 'FK_report_distribution_item_firm' })
  firm?: Relation<Organisation>;

  @ManyToOne(() => Report, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_report_distribution_item_report' })
  report?: Relation<Report>;
}
