import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '@scs/api/accounts';

/**
 * A firm's consent "share my participation status with my chamber": while the row exists, the chambers the firm
 * belongs to see whether it started or submitted the self-check in their campaigns. Withdrawing deletes the row.
 */
@Entity('chamber_participation_consent')
export class ParticipationConsent {
  @PrimaryColumn({ type: 'uuid', name: 'firm_id', primaryKeyConstraintName: 'PK_chamber_participation_consent' }) firmId!: string;
  @Column({ type: 'timestamptz', name: 'granted_at', default: () => 'now()' }) grantedAt!: Date;
  @Column({ type: 'uuid', name: 'granted_by', nullable: true }) grantedBy!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id', foreignKeyConstraintName: 'FK_chamber_participation_consent_firm' })
  firm?: Relation<Organisation>;
}
