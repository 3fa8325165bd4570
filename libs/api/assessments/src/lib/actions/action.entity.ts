import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from '@scs/api/accounts';
import { Assessment } from '../assessment.entity';

export type ActionStatus = 'open' | 'in_progress' | 'done';

/** A remediation task of a firm. Belongs to the firm, not to one assessment, so it carries over when re-assessing. */
@Entity('action')
@Index('IDX_action_org_status', ['orgId', 'status'])
@Index('UQ_action_org_source_key', ['orgId', 'sourceKey'], { unique: true, where: '"source_key" IS NOT NULL' })
@Check('CHK_action_status', `"status" IN ('open', 'in_progress', 'done')`)
export class Action {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'uuid', name: 'assessment_id', nullable: true }) assessmentId!: string | null;
  @Column({ type: 'text', name: 'question_id', nullable: true }) questionId!: string | null;
  @Column({ type: 'text', name: 'option_id', nullable: true }) optionId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'uuid', name: 'owner_user_id', nullable: true }) ownerUserId!: string | null;
  @Column({ type: 'date', name: 'due_date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'text', default: 'open' }) status!: ActionStatus;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Where a generated action comes from (e.g. `repair:<assessment>:<question>:<record>`); unique per firm. */
  @Column({ type: 'text', name: 'source_key', nullable: true }) sourceKey!: string | null;
  /** Closed because this assessment resolved the action's finding (`compareFindings`). */
  @Column({ type: 'uuid', name: 'resolved_by_assessment_id', nullable: true }) resolvedByAssessmentId!: string | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_action_org' })
  org?: Relation<Organisation>;

  @ManyToOne(() => Assessment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_action_assessment' })
  assessment?: Relation<Assessment>;

  @ManyToOne(() => Assessment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by_assessment_id', foreignKeyConstraintName: 'FK_action_resolved_by_assessment' })
  resolvedByAssessment?: Relation<Assessment>;
}
