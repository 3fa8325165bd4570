import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserAccount } from '../users/user-account.entity';

/** A sign-in. Access tokens name their session, so revoking it ends both the refresh token and the access tokens. */
@Entity('session')
@Index('UQ_session_refresh_token_hash', ['refreshTokenHash'], { unique: true })
@Index('IDX_session_user', ['userId'])
export class Session {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_session' }) id!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column({ type: 'text', name: 'refresh_token_hash' }) refreshTokenHash!: string;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'text', name: 'user_agent', nullable: true }) userAgent!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_session_user' })
  user?: Relation<UserAccount>;
}
