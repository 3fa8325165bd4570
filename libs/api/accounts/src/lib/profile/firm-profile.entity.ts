import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../orgs/organisation.entity';
import { UserAccount } from '../users/user-account.entity';
import type { FirmProfileData } from './profile-fields';

/**
 * One version of a firm's profile. Rows are never updated: an edit inserts version n+1, the highest version is
 * current, and assessments pin the version they were started with.
 */
@Entity('firm_profile')
export class FirmProfile {
  @PrimaryColumn({ type: 'uuid', name: 'org_id', primaryKeyConstraintName: 'PK_firm_profile' }) orgId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_firm_profile' }) version!: number;
  @Column({ type: 'jsonb' }) data!: FirmProfileData;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_firm_profile_org' })
  org?: Relation<Organisation>;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_firm_profile_created_by' })
  creator?: Relation<UserAccount>;
}
