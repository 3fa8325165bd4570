import { ApiProperty } from '@nestjs/swagger';

export type CampaignStatus = 'scheduled' | 'open' | 'closed';
/** Per invited address: joined beats revoked beats bounced beats opened beats sent. */
export type InvitationStatus = 'sent' | 'opened' | 'joined' | 'bounced' | 'revoked';
export const INVITATION_STATUSES: InvitationStatus[] = ['sent', 'opened', 'joined', 'bounced', 'revoked'];
/** The outbox status of the latest mail to an address (`not_sent`: no mail server configured); null for old rows. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'not_sent';

export class MailDeliveryView {
  @ApiProperty({ description: 'False when no mail server is configured (SMTP_URL): mails are stored, not sent' })
  configured!: boolean;
  @ApiProperty({ description: 'Invitation mails of this campaign waiting for the outbox' }) pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty({ description: 'Refused by the receiving server or failed 5 times (shown as bounced)' })
  failed!: number;
  @ApiProperty({ description: 'Not sent because no mail server is configured' }) notSent!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Set when invitation mails are not actually delivered (no mail server, or mails not sent)',
  })
  warning!: string | null;
}
export type FirmStatus = 'not_started' | 'started' | 'submitted';

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() messageDe!: string;
  @ApiProperty() messageEn!: string;
  @ApiProperty() opensAt!: Date;
  @ApiProperty() closesAt!: Date;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'When it was closed by hand (passing closesAt closes it too)',
  })
  closedAt!: Date | null;
  @ApiProperty({ enum: ['scheduled', 'open', 'closed'] }) status!: CampaignStatus;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() invited!: number;
  @ApiProperty() joined!: number;
  @ApiProperty({ type: MailDeliveryView }) mail!: MailDeliveryView;
  @ApiProperty({ description: 'False once a firm joined through the campaign (then it can only be closed)' })
  deletable!: boolean;
}

export class RejectedEntryView {
  @ApiProperty({ description: '1-based line of the pasted text or file' }) line!: number;
  @ApiProperty() value!: string;
  @ApiProperty() reason!: string;
}

export class InviteResult {
  @ApiProperty({ description: 'New invitations sent (one email each)' }) invited!: number;
  @ApiProperty({ description: 'Repeated addresses within this list, merged' }) duplicates!: number;
  @ApiProperty({ description: 'Addresses already invited to this campaign, not invited again' })
  alreadyInvited!: number;
  @ApiProperty({ type: [RejectedEntryView] }) rejected!: RejectedEntryView[];
  @ApiProperty({ description: 'Most entries accepted per request' }) limit!: number;
  @ApiProperty({ description: 'False when no mail server is configured: the invitations exist, no mail goes out' })
  mailConfigured!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the mails will not actually be sent' })
  warning!: string | null;
}

export class InviteeRowView {
  @ApiProperty({ description: '1-based line of the pasted text or file' }) line!: number;
  @ApiProperty({ description: 'Company of the row (empty when the list has no company column)' }) company!: string;
  @ApiProperty({ description: 'Contact person of the row (empty when the list has no contact column)' })
  contact!: string;
  @ApiProperty({ description: 'Normalised (lower-case) address' }) email!: string;
}

export class DuplicateRowView {
  @ApiProperty() line!: number;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'Line where the address appeared first' }) firstLine!: number;
}

export class InvitePreview {
  @ApiProperty({ type: [InviteeRowView], description: 'Rows that would be invited now (one email each)' })
  rows!: InviteeRowView[];
  @ApiProperty({
    type: [InviteeRowView],
    description: 'Rows whose address was already invited to this campaign (skipped)',
  })
  alreadyInvited!: InviteeRowView[];
  @ApiProperty({ type: [DuplicateRowView], description: 'Repeats of an earlier address of the list (merged)' })
  duplicates!: DuplicateRowView[];
  @ApiProperty({ type: [RejectedEntryView] }) rejected!: RejectedEntryView[];
  @ApiProperty({ description: 'Most entries accepted per request' }) limit!: number;
}

export class ProgressView {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() invited!: number;
  @ApiProperty({ description: 'Invitation links opened (preview fetched), or used' }) opened!: number;
  @ApiProperty({ description: 'Firms that registered or accepted through a link and joined' }) joined!: number;
  @ApiProperty() started!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty({ description: 'Joined firms that share their participation status with the chamber' })
  sharingFirms!: number;
  @ApiProperty({
    description:
      'False when started/submitted count only the sharing firms (the others are too few to count without revealing one)',
  })
  complete!: boolean;
  @ApiProperty({ description: 'Smallest group of non-sharing firms that is counted' }) k!: number;
}

export class CampaignFirmView {
  @ApiProperty({ format: 'uuid' }) firmId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() joinedAt!: Date;
  @ApiProperty({ description: 'False once the firm has left the chamber' }) member!: boolean;
  @ApiProperty({
    nullable: true,
    enum: ['not_started', 'started', 'submitted'],
    description: 'Null unless the firm shares its participation status',
  })
  status!: FirmStatus | null;
}

export class CampaignInvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() invitedAt!: Date;
  @ApiProperty() opened!: boolean;
  @ApiProperty() joined!: boolean;
  @ApiProperty({ enum: INVITATION_STATUSES }) status!: InvitationStatus;
  @ApiProperty({ nullable: true, enum: ['pending', 'sent', 'failed', 'not_sent'] }) delivery!: DeliveryStatus | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the latest mail failed (bounced)' })
  deliveryError!: string | null;
  @ApiProperty() lastSentAt!: Date;
  @ApiProperty({ description: 'Mails sent with a link (1 + resends)' }) sendCount!: number;
  @ApiProperty({ nullable: true, type: Date }) openedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) joinedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'The link works until then (the campaign end)' })
  expiresAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'The firm that joined through this address' })
  firmName!: string | null;
}

export class InvitationStatusCounts {
  @ApiProperty() sent!: number;
  @ApiProperty() opened!: number;
  @ApiProperty() joined!: number;
  @ApiProperty() bounced!: number;
  @ApiProperty() revoked!: number;
}

export class CampaignInvitationPage {
  @ApiProperty({ type: [CampaignInvitationView] }) items!: CampaignInvitationView[];
  @ApiProperty({ description: 'Addresses matching the filter' }) total!: number;
  @ApiProperty({ type: InvitationStatusCounts, description: 'All addresses of the campaign by status (no filter)' })
  counts!: InvitationStatusCounts;
}

export class ReminderResult {
  @ApiProperty({ nullable: true, type: Number, description: 'Firms reminded now (null when withheld)' }) sent!:
    | number
    | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Firms not reminded because they got a reminder in the last 7 days (null when withheld)',
  })
  skippedRecentlyReminded!: number | null;
  @ApiProperty({ description: 'True when the numbers would reveal the status of firms that do not share it' })
  withheld!: boolean;
}

export class FirmCampaignView {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) chamberId!: string;
  @ApiProperty() chamberName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() messageDe!: string;
  @ApiProperty() messageEn!: string;
  @ApiProperty() closesAt!: Date;
  @ApiProperty({ enum: ['scheduled', 'open', 'closed'] }) status!: CampaignStatus;
  @ApiProperty() joinedAt!: Date;
}
