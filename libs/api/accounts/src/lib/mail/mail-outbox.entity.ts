import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sent' | 'failed' | 'not_sent';

/** Transactional outbox: mails are written with the change that causes them and sent by a poller. */
@Entity('mail_outbox')
@Check('CHK_mail_outbox_status', `"status" IN ('pending', 'sent', 'failed', 'not_sent')`)
@Index('IDX_mail_outbox_pending', ['nextAttemptAt'], { where: `"status" = 'pending'` })
export class MailOutbox {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_outbox' }) id!: string;
  @Column({ type: 'text' }) to!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text', nullable: true }) html!: string | null;
  @Column({ type: 'text', default: 'pending' }) status!: MailStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'next_attempt_at', default: () => 'now()' }) nextAttemptAt!: Date;
}
