import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { Organisation } from '../orgs/organisation.entity';

/** A firm's membership in a chamber. Leaving sets left_at (history stays); a firm can rejoin later with a new row. */
@Entity('chamber_membership')
@Index('UQ_chamber_membership_active', ['chamberId', 'firmId'], { unique: true, where: '"left_at" IS NULL' })
@Index('IDX_chamber_membership_firm', ['firmId'])
export class ChamberMembership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_chamber_membership' }) id!: string;
  @Column({ type: 'uuid', name: 'chamber_id' }) chamberId!: string;
  @Column({ type: 'uuid', name: 'firm_id' }) firmId!: string;
  @Column({ type: 'timestamptz', name: 'joined_at', default: () => 'now()' }) joinedAt!: Date;
  @Column({ type: 'timestamptz', name: 'left_at', nullable: true }) leftAt!: Date | null;
  @Column({ type: 'uuid', name: 'via_invitation_id', nullable: true }) viaInvitationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chamber_id', foreignKeyConstraintName: 'FK_chamber_membership_chamber' })
  chamber?: Relation<Organisation>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id', foreignKeyConstraintName: 'FK_chamber_membership_firm' })
  firm?: Relation<Organisation>;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'via_invitation_id', foreignKeyConstraintName: 'FK_chamber_membership_invitation' })
  invitation?: Relation<Invitation>;
}
