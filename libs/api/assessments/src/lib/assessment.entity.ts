import type { AdverseRecord, AnswerFields } from '@scs/shared/answers';
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
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from '@scs/api/accounts';
import { CatalogueVersion } from '@scs/api/catalogue';
import type { FirmProfile } from '@scs/shared/catalogue';
import type { ScoreResult } from '@scs/shared/scoring';

export type AssessmentStatus = 'draft' | 'submitted';

@Entity('assessment')
@Index('IDX_assessment_org_created', ['orgId', 'createdAt'])
@Check('CHK_assessment_status', `"status" IN ('draft', 'submitted')`)
export class Assessment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assessment' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text', name: 'catalogue_version' }) catalogueVersion!: string;
  @Column({ type: 'jsonb', name: 'profile_snapshot' }) profileSnapshot!: FirmProfile;
  @Column({ type: 'text', default: 'draft' }) status!: AssessmentStatus;
  @Column({ type: 'uuid', name: 'previous_id', nullable: true }) previousId!: string | null;
  @Column({ type: 'jsonb', name: 'changed_questions', default: () => "'[]'" }) changedQuestions!: string[];
  @Column({ type: 'uuid', name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'uuid', name: 'submitted_by', nullable: true }) submittedBy!: string | null;
  @Column({ type: 'jsonb', nullable: true }) result!: ScoreResult | null;
  @Column({ type: 'double precision', name: 'overall_score', nullable: true }) overallScore!: number | null;
  @Column({ type: 'text', nullable: true }) level!: string | null;
  @Column({ type: 'jsonb', name: 'research_answers', default: () => "'{}'" }) researchAnswers!: Record<
    string,
    string | string[]
  >;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_assessment_org' })
  org?: Relation<Organisation>;

  @ManyToOne(() => CatalogueVersion, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'catalogue_version', foreignKeyConstraintName: 'FK_assessment_catalogue' })
  catalogue?: Relation<CatalogueVersion>;

  @ManyToOne(() => Assessment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'previous_id', foreignKeyConstraintName: 'FK_assessment_previous' })
  previous?: Relation<Assessment>;
}

@Entity('assessment_answer')
@Check('CHK_assessment_answer_note', `char_length("note") <= 2000`)
@Check(
  'CHK_assessment_answer_records',
  `"records" IS NULL OR (jsonb_typeof("records") = 'array' AND "option_id" IS NULL)`,
)
/** One stored answer: the shared answer shape (@scs/shared/answers) encoded in `option_id` and `records`. */
export class AssessmentAnswer implements AnswerFields {
  @PrimaryColumn({ type: 'uuid', name: 'assessment_id', primaryKeyConstraintName: 'PK_assessment_answer' })
  assessmentId!: string;
  @PrimaryColumn({ type: 'text', name: 'question_id', primaryKeyConstraintName: 'PK_assessment_answer' })
  questionId!: string;
  @Column({ type: 'text', name: 'option_id', nullable: true }) optionId!: string | null;
  /** Dated adverse records (answer kind `records`; then option_id is null). */
  @Column({ type: 'jsonb', nullable: true }) records!: AdverseRecord[] | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Optimistic concurrency: every write names the revision it was based on. */
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'uuid', name: 'updated_by' }) updatedBy!: string;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;

  @ManyToOne(() => Assessment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_assessment_answer_assessment' })
  assessment?: Relation<Assessment>;
}
