import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Invitation, MailOutbox, Organisation } from '@scs/api/accounts';

/** A chamber's drive to get member firms to take the self-check, with its own invitation links. */
@Entity('campaign')
@Check('CHK_campaign_dates', `"closes_at" > "opens_at"`)
@Index('IDX_campaign_chamber', ['chamberId', 'createdAt'])
export class Campaign {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_campaign' }) id!: string;
  @Column({ type: 'uuid', name: 'chamber_id' }) chamberId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', name: 'message_de' }) messageDe!: string;
  @Column({ type: 'text', name: 'message_en' }) messageEn!: string;
  @Column({ type: 'timestamptz', name: 'opens_at' }) opensAt!: Date;
  @Column({ type: 'timestamptz', name: 'closes_at' }) closesAt!: Date;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chamber_id', foreignKeyConstraintName: 'FK_campaign_chamber' })
  chamber?: Relation<Organisation>;
}

/** One address invited in a campaign (at most once per campaign), linked to the accounts invitation that carries the link. */
@Entity('campaign_invitation')
@Index('UQ_campaign_invitation_email', ['campaignId', 'email'], { unique: true })
@Index('UQ_campaign_invitation_invitation', ['invitationId'], { unique: true })
export class CampaignInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_campaign_invitation' }) id!: string;
  @Column({ type: 'uuid', name: 'campaign_id' }) campaignId!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'uuid', name: 'invitation_id', nullable: true }) invitationId!: string | null;
  @Column({ type: 'timestamptz', name: 'invited_at', default: () => 'now()' }) invitedAt!: Date;
  @Column({ type: 'timestamptz', name: 'opened_at', nullable: true }) openedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'joined_at', nullable: true }) joinedAt!: Date | null;
  @Column({ type: 'uuid', name: 'firm_id', nullable: true }) firmId!: string | null;
  /** Withdrawn by the chamber: its link answers 410 until the chamber sends a fresh one. */
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  /** The latest mail with this address's link (its outbox status says sent, not sent or bounced). */
  @Column({ type: 'uuid', name: 'mail_id', nullable: true }) mailId!: string | null;
  @Column({ type: 'timestamptz', name: 'last_sent_at', default: () => 'now()' }) lastSentAt!: Date;
  /** Mails sent with a link to this address (1 + resends). */
  @Column({ type: 'integer', name: 'send_count', default: 1 }) sendCount!: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_campaign_invitation_campaign' })
  campaign?: Relation<Campaign>;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_campaign_invitation_invitation' })
  invitation?: Relation<Invitation>;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'firm_id', foreignKeyConstraintName: 'FK_campaign_invitation_firm' })
  firm?: Relation<Organisation>;

  @ManyToOne(() => MailOutbox, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mail_id', foreignKeyConstraintName: 'FK_campaign_invitation_mail' })
  mail?: Relation<MailOutbox>;
}

/** A firm that joined a campaign (through one of its links). */
@Entity('campaign_firm')
@Index('IDX_campaign_firm_firm', ['firmId'])
export class CampaignFirm {
  @PrimaryColumn({ type: 'uuid', name: 'campaign_id', primaryKeyConstraintName: 'PK_campaign_firm' })
  campaignId!: string;
  @PrimaryColumn({ type: 'uuid', name: 'firm_id', primaryKeyConstraintName: 'PK_campaign_firm' }) firmId!: string;
  @Column({ type: 'timestamptz', name: 'joined_at', default: () => 'now()' }) joinedAt!: Date;
  @Column({ type: 'uuid', name: 'campaign_invitation_id', nullable: true }) campaignInvitationId!: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_campaign_firm_campaign' })
  campaign?: Relation<Campaign>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id', foreignKeyConstraintName: 'FK_campaign_firm_firm' })
  firm?: Relation<Organisation>;

  @ManyToOne(() => CampaignInvitation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_invitation_id', foreignKeyConstraintName: 'FK_campaign_firm_invitation' })
  campaignInvitation?: Relation<CampaignInvitation>;
}

/** A reminder mailed to a firm; at most one per firm and chamber per week. */
@Entity('campaign_reminder')
@Index('IDX_campaign_reminder_firm_sent', ['firmId', 'sentAt'])
export class CampaignReminder {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_campaign_reminder' }) id!: string;
  @Column({ type: 'uuid', name: 'campaign_id' }) campaignId!: string;
  @Column({ type: 'uuid', name: 'firm_id' }) firmId!: string;
  @Column({ type: 'timestamptz', name: 'sent_at', default: () => 'now()' }) sentAt!: Date;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_campaign_reminder_campaign' })
  campaign?: Relation<Campaign>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id', foreignKeyConstraintName: 'FK_campaign_reminder_firm' })
  firm?: Relation<Organisation>;
}
