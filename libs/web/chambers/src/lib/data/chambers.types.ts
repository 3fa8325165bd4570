// Shapes of the chambers API (libs/api/chambers), as the web app uses them.

export type ReportLanguage = 'de' | 'en';
export type CampaignStatus = 'scheduled' | 'open' | 'closed';
export type FirmStatus = 'not_started' | 'started' | 'submitted';

export interface LogoView {
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  size: number;
  url: string;
  uploadedAt: string;
}

export interface BrandingView {
  chamberId: string;
  displayName: string;
  contactLine: string | null;
  website: string | null;
  reportLanguage: ReportLanguage;
  /** Introduction of the member benchmark PDF. */
  benchmarkIntro: string | null;
  customised: boolean;
  logo: LogoView | null;
  updatedAt: string | null;
}

export interface BrandingInput {
  displayName: string;
  contactLine: string | null;
  website: string | null;
  reportLanguage: ReportLanguage;
  benchmarkIntro: string | null;
}

export interface CampaignView {
  id: string;
  title: string;
  messageDe: string;
  messageEn: string;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  status: CampaignStatus;
  createdAt: string;
  invited: number;
  joined: number;
  /** Where the campaign's invitation mails stand; `warning` is set when they do not actually go out. */
  mail: MailDeliveryView;
  /** False once a firm joined through the campaign (then it can only be closed). */
  deletable: boolean;
}

export interface MailDeliveryView {
  configured: boolean;
  pending: number;
  sent: number;
  failed: number;
  notSent: number;
  warning: string | null;
}

/** Per invited address: joined beats revoked beats bounced beats opened beats sent. */
export type InvitationStatus = 'sent' | 'opened' | 'joined' | 'bounced' | 'revoked';
export const INVITATION_STATUSES: InvitationStatus[] = ['sent', 'opened', 'joined', 'bounced', 'revoked'];

export interface CampaignInvitationView {
  id: string;
  email: string;
  invitedAt: string;
  opened: boolean;
  joined: boolean;
  status: InvitationStatus;
  delivery: 'pending' | 'sent' | 'failed' | 'not_sent' | null;
  deliveryError: string | null;
  lastSentAt: string;
  sendCount: number;
  openedAt: string | null;
  joinedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  firmName: string | null;
}

export interface CampaignInvitationPage {
  items: CampaignInvitationView[];
  total: number;
  counts: Record<InvitationStatus, number>;
}

export interface CampaignInput {
  title: string;
  messageDe: string;
  messageEn: string;
  opensAt: string;
  closesAt: string;
}

export interface RejectedEntry {
  line: number;
  value: string;
  reason: string;
}

export interface InviteResult {
  invited: number;
  duplicates: number;
  alreadyInvited: number;
  rejected: RejectedEntry[];
  limit: number;
  /** False when no mail server is configured: the invitations exist, but no mail goes out. */
  mailConfigured: boolean;
  warning: string | null;
}

/** One row of a member list that would be invited (company and contact are empty when the list does not name them). */
export interface InviteeRow {
  line: number;
  company: string;
  contact: string;
  email: string;
}

/** What an import would do, before anything is sent. */
export interface InvitePreview {
  rows: InviteeRow[];
  alreadyInvited: InviteeRow[];
  duplicates: { line: number; email: string; firstLine: number }[];
  rejected: RejectedEntry[];
  limit: number;
}

export interface ProgressView {
  campaignId: string;
  invited: number;
  opened: number;
  joined: number;
  started: number;
  submitted: number;
  sharingFirms: number;
  complete: boolean;
  k: number;
}

export interface CampaignFirmView {
  firmId: string;
  name: string;
  joinedAt: string;
  member: boolean;
  status: FirmStatus | null;
}

export interface ReminderResult {
  sent: number | null;
  skippedRecentlyReminded: number | null;
  withheld: boolean;
}
