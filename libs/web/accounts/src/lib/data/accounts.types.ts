import type { FirmProfile } from '@scs/shared/catalogue';
import type { OrgKind, OrgRole, SessionUser } from '@scs/web/core';

// Response shapes of the accounts API (@scs/api/accounts).

export interface SessionResponse {
  accessToken?: string;
  refreshToken?: string;
  expiresIn: number;
  user: SessionUser;
}

/** Registration answers the same whether or not the address has an account: check the e-mail. */
export interface RegisterResponse {
  message: string;
}

export interface VerifiedResponse extends SessionResponse {
  orgId: string | null;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  firmName?: string;
  invitationToken?: string;
}

export type ProfileData = { name: string; uscc?: string | null } & Partial<FirmProfile>;

export interface ProfileView {
  orgId: string;
  version: number;
  data: ProfileData;
  createdAt: string;
  createdBy: string | null;
  complete: boolean;
  missing: string[];
}

export interface ProfileVersionView extends ProfileView {
  createdByName: string | null;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  joinedAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationView {
  id: string;
  kind: 'member' | 'chamber_firm';
  email: string;
  role: OrgRole | null;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  link?: string;
}

export interface InvitationPreview {
  kind: 'member' | 'chamber_firm';
  orgName: string;
  orgKind: OrgKind;
  role: OrgRole | null;
  email: string;
  /** Set for a chamber's invitation by domain: any confirmed address of this domain may accept. */
  boundDomain?: string | null;
  expiresAt: string;
}

export interface AcceptedInvitation {
  kind: 'member' | 'chamber_firm';
  orgId: string;
  firmId?: string;
}

export interface FirmChamberView {
  chamberId: string;
  name: string;
  joinedAt: string;
}
