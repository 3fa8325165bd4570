import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { UserAccount } from '../users/user-account.entity';

/** A mailed e-mail verification link (sha256 of the token). `invitationId`: accepted once the address is verified. */
@Entity('email_verification')
@Index('IDX_email_verification_user', ['userId'])
export class EmailVerification {
  @PrimaryColumn({ type: 'text', name: 'token_hash', primaryKeyConstraintName: 'PK_email_verification' })
  tokenHash!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column({ type: 'uuid', name: 'invitation_id', nullable: true }) invitationId!: string | null;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_email_verification_user' })
  user?: Relation<UserAccount>;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_email_verification_invitation' })
  invitation?: Relation<Invitation>;
}
