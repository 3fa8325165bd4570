import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { OrgRoleName } from '@scs/api/core';
import { UserAccount } from '../users/user-account.entity';
import { Organisation } from './organisation.entity';

export const ORG_ROLES: OrgRoleName[] = ['owner', 'admin', 'member', 'researcher'];

/** A user's role in an organisation (one row per user and organisation). */
@Entity('membership')
@Check('CHK_membership_role', `"role" IN ('owner', 'admin', 'member', 'researcher')`)
@Index('IDX_membership_org', ['orgId'])
export class Membership {
  @PrimaryColumn({ type: 'uuid', name: 'user_id', primaryKeyConstraintName: 'PK_membership' }) userId!: string;
  @PrimaryColumn({ type: 'uuid', name: 'org_id', primaryKeyConstraintName: 'PK_membership' }) orgId!: string;
  @Column({ type: 'text' }) role!: OrgRoleName;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_membership_user' })
  user?: Relation<UserAccount>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_membership_org' })
  org?: Relation<Organisation>;
}
