// Public face of the accounts feature: the module, the services other features use, entities and route helpers.
export { AccountsModule } from './lib/accounts.module';
export { accountsEntities } from './lib/entities';

export { AuditService, type AuditEntry } from './lib/audit/audit.service';
export { MailService, type OutgoingMail } from './lib/mail/mail.service';
export { ProfileService, type FirmSummary } from './lib/profile/profile.service';
export { IsUscc, normaliseUscc } from './lib/profile/dto/profile.dto';
export { MembershipsService, type MembershipInfo } from './lib/orgs/memberships.service';
export { SessionCache } from './lib/auth/session-cache';
export { RESEARCH_EXPORT_LOG, type ResearchExportEntry, type ResearchExportLog } from './lib/admin/research-export-log';
export { DirectoryService, type MemberContact } from './lib/directory/directory.service';
export { ChamberLinksService } from './lib/chamber-memberships/chamber-links.service';
export { ChamberLinkHooks, type ChamberLinkHook, type ChamberLeft } from './lib/chamber-memberships/chamber-link-hooks';

export { UserAccount } from './lib/users/user-account.entity';
export { Organisation } from './lib/orgs/organisation.entity';
export { Membership } from './lib/orgs/membership.entity';
export { FirmProfile } from './lib/profile/firm-profile.entity';
export { ChamberMembership } from './lib/chamber-memberships/chamber-membership.entity';
export { Invitation, type InvitationKind } from './lib/invitations/invitation.entity';
export { InvitationHooks, type InvitationHook } from './lib/invitations/invitation-hooks';
export {
  createInvitations,
  INVITATION_TTL_DAYS,
  invitationStates,
  revokePendingInvitations,
  setPendingInvitationsExpiry,
} from './lib/invitations/invitation-records';
export { invitationLink } from './lib/links';
export { AuditLog } from './lib/audit/audit-log.entity';
export { MailOutbox, type MailStatus } from './lib/mail/mail-outbox.entity';

export * from './lib/profile/profile-fields';
export { isValidUscc, usccProblem, usccProblemKey } from './lib/profile/uscc';
export { passwordProblem } from './lib/auth/password-rules';
export { withHashSlot } from './lib/auth/crypto'; // the bounded argon2 slots (tests hold one to stand for a burst)
export { routeTable, routeTableOf, type RouteInfo } from './lib/auth/route-table';
export { ACCESS_COOKIE, REFRESH_COOKIE, XSRF_COOKIE, XSRF_HEADER } from './lib/auth/cookies';
export {
  CommandError,
  createAdmin,
  createChamber,
  createResearchTeam,
  type CommandResult,
} from './lib/admin/admin-commands';
