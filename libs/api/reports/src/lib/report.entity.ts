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
import { Organisation, UserAccount } from '@scs/api/accounts';
import type { ReportKind, ReportLocale, ReportStatus } from '@scs/shared/contracts';

/**
 * A rendered (or rendering) PDF report of a registered kind (ReportKinds). `cache_key` identifies its content (the
 * kind's content key, template version, locale): the same key is rendered once. The bytes live in report_file, so
 * listings never load them. Written only by ReportStore.
 */
@Entity('report')
@Index('UQ_report_cache_key', ['cacheKey'], { unique: true })
@Index('IDX_report_subject', ['subjectId'])
@Index('IDX_report_org', ['orgId'])
@Index('IDX_report_prepared_by', ['preparedBy'])
@Check('CHK_report_locale', `"locale" IN ('en', 'de', 'zh')`)
@Check('CHK_report_status', `"status" IN ('queued', 'rendering', 'done', 'failed')`)
export class Report {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_report' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  /** What the report is about (an assessment, the organisation itself …; see the kind's `subject`). No foreign key. */
  @Column({ type: 'uuid', name: 'subject_id' }) subjectId!: string;
  @Column({ type: 'text' }) kind!: ReportKind;
  @Column({ type: 'text' }) locale!: ReportLocale;
  @Column({ type: 'text', name: 'cache_key' }) cacheKey!: string;
  @Column({ type: 'text', default: 'queued' }) status!: ReportStatus;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'text', nullable: true }) sha256!: string | null;
  @Column({ type: 'integer', nullable: true }) pages!: number | null;
  @Column({ type: 'integer', nullable: true }) bytes!: number | null;
  /** Download name, fixed when the report is rendered (e.g. firm and assessment date). */
  @Column({ type: 'text', nullable: true }) filename!: string | null;
  @Column({ type: 'uuid', name: 'requested_by', nullable: true }) requestedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  /** The organisation (a chamber) that prepared this firm report with its branding; null when the firm requested it. */
  @Column({ type: 'uuid', name: 'prepared_by', nullable: true }) preparedBy!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_report_org' })
  org?: Relation<Organisation>;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'prepared_by', foreignKeyConstraintName: 'FK_report_prepared_by' })
  preparedByOrg?: Relation<Organisation>;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'FK_report_requested_by' })
  requester?: Relation<UserAccount>;
}

/** The PDF of a report (100–900 kB), apart from its metadata. */
@Entity('report_file')
export class ReportFile {
  @PrimaryColumn({ type: 'uuid', name: 'report_id', primaryKeyConstraintName: 'PK_report_file' }) reportId!: string;
  @Column({ type: 'bytea' }) pdf!: Buffer;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' }) // one-to-one through the primary key
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_report_file_report' })
  report?: Relation<Report>;
}

export const reportsEntities = [Report, ReportFile];
