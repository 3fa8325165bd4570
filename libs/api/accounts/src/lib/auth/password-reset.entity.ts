import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserAccount } from '../users/user-account.entity';

/** A single-use password reset link; only the sha256 of the token is stored. */
@Entity('password_reset')
@Index('IDX_password_reset_user', ['userId'])
export class PasswordReset {
  @PrimaryColumn({ type: 'text', name: 'token_hash', primaryKeyConstraintName: 'PK_password_reset' })
  tokenHash!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_reset_user' })
  user?: Relation<UserAccount>;
}
