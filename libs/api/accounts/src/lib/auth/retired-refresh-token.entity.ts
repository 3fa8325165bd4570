import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Session } from './session.entity';

/** A refresh token that was rotated away. Seeing it again means it was copied: the session (the family) ends. */
@Entity('retired_refresh_token')
@Index('IDX_retired_refresh_token_session', ['sessionId'])
export class RetiredRefreshToken {
  @PrimaryColumn({ type: 'text', name: 'token_hash', primaryKeyConstraintName: 'PK_retired_refresh_token' })
  tokenHash!: string;
  @Column({ type: 'uuid', name: 'session_id' }) sessionId!: string;
  @Column({ type: 'timestamptz', name: 'retired_at', default: () => 'now()' }) retiredAt!: Date;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_retired_refresh_token_session' })
  session?: Relation<Session>;
}
