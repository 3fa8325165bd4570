import { AuditLog } from './audit/audit-log.entity';
import { EmailVerification } from './auth/email-verification.entity';
import { PasswordReset } from './auth/password-reset.entity';
import { RetiredRefreshToken } from './auth/retired-refresh-token.entity';
import { Session } from './auth/session.entity';
import { ChamberMembership } from './chamber-memberships/chamber-membership.entity';
import { Invitation } from './invitations/invitation.entity';
import { MailOutbox } from './mail/mail-outbox.entity';
import { Membership } from './orgs/membership.entity';
import { Organisation } from './orgs/organisation.entity';
import { FirmProfile } from './profile/firm-profile.entity';
import { UserAccount } from './users/user-account.entity';

/** The entities of this feature, for the application's entity list. */
export const accountsEntities = [
  UserAccount,
  Organisation,
  Membership,
  FirmProfile,
  Session,
  RetiredRefreshToken,
  PasswordReset,
  EmailVerification,
  Invitation,
  ChamberMembership,
  MailOutbox,
  AuditLog,
];
