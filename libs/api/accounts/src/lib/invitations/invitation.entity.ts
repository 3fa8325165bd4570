import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { OrgRoleName } from '@scs/api/core';
import { Organisation } from '../orgs/organisation.entity';
import { UserAccount } from '../users/user-account.entity';

export type InvitationKind = 'member' | 'chamber_firm';

/**
 * A single-use link sent by email. `member`: join the organisation with `role`. `chamber_firm`: a chamber invites a
 * firm; the firm's owner accepts for the firm (role is null). Only the sha256 of the token is stored.
 */
@Entity('invitation')
@Check('CHK_invitation_kind', `"kind" IN ('member', 'chamber_firm')`)
@Check('CHK_invitation_role', `("kind" = 'member') = ("role" IS NOT NULL)`)
@Check('CHK_invitation_bound_domain', `"bound_domain" IS NULL OR "kind" = 'chamber_firm'`)
@Index('UQ_invitation_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_invitation_org', ['orgId'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_invitation' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text' }) kind!: InvitationKind;
  @Column({ type: 'text' }) email!: string;
  /** Set when a chamber invites a firm by domain: any verified address of this domain may accept; else only `email`. */
  @Column({ type: 'text', name: 'bound_domain', nullable: true }) boundDomain!: string | null;
  @Column({ type: 'text', nullable: true }) role!: OrgRoleName | null;
  @Column({ type: 'text', name: 'token_hash' }) tokenHash!: string;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column({ type: 'uuid', name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', name: 'invited_by', nullable: true }) invitedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_invitation_org' })
  org?: Relation<Organisation>;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'FK_invitation_invited_by' })
  inviter?: Relation<UserAccount>;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'FK_invitation_accepted_by' })
  acceptor?: Relation<UserAccount>;
}
