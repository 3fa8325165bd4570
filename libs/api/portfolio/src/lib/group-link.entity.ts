import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organisation, UserAccount } from '@scs/api/accounts';
import type { GroupLinkStatus } from '@scs/shared/contracts';

/**
 * A firm (the group) links another firm organisation (one of its entities in China, with its own team and
 * self-check). The entity's owner accepts or declines; either side ends it. Rows are kept after the end (history).
 * At most one open (pending or active) link per pair.
 */
@Entity('group_link')
@Index('UQ_group_link_open_pair', ['groupOrgId', 'entityOrgId'], {
  unique: true,
  where: `"status" IN ('pending', 'active')`,
})
@Index('IDX_group_link_entity', ['entityOrgId'])
@Check('CHK_group_link_status', `"status" IN ('pending', 'active', 'declined', 'ended')`)
@Check('CHK_group_link_not_self', `"group_org_id" <> "entity_org_id"`)
@Check('CHK_group_link_ended_by', `"ended_by_side" IS NULL OR "ended_by_side" IN ('group', 'entity')`)
export class GroupLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_group_link' }) id!: string;
  @Column({ type: 'uuid', name: 'group_org_id' }) groupOrgId!: string;
  @Column({ type: 'uuid', name: 'entity_org_id' }) entityOrgId!: string;
  @Column({ type: 'text', default: 'pending' }) status!: GroupLinkStatus;
  /** The entity lets the group read the answers of its latest self-check (default: no). */
  @Column({ type: 'boolean', name: 'answers_granted', default: false }) answersGranted!: boolean;
  @Column({ type: 'uuid', name: 'invited_by', nullable: true }) invitedBy!: string | null;
  @Column({ type: 'timestamptz', name: 'invited_at', default: () => 'now()' }) invitedAt!: Date;
  @Column({ type: 'timestamptz', name: 'responded_at', nullable: true }) respondedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'text', name: 'ended_by_side', nullable: true }) endedBySide!: 'group' | 'entity' | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_org_id', foreignKeyConstraintName: 'FK_group_link_group' })
  group?: Relation<Organisation>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_org_id', foreignKeyConstraintName: 'FK_group_link_entity' })
  entity?: Relation<Organisation>;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'FK_group_link_invited_by' })
  inviter?: Relation<UserAccount>;
}
