import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BackoffCounters, DatabaseThrottlerStorage, ResourceOwners } from '@scs/api/core';
import { AdminController } from './admin/admin.controller';
import { AdminListsService } from './admin/admin-lists.service';
import { AdminService } from './admin/admin.service';
import { AuditService } from './audit/audit.service';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { CsrfService } from './auth/csrf.service';
import { LoginBackoffService } from './auth/login-backoff.service';
import { LOGIN_THROTTLE_STORAGE, LoginThrottleGuard } from './auth/login-throttle.guard';
import { SameOriginJsonGuard } from './auth/same-origin-json.guard';
import { RouteAudit } from './auth/route-table';
import { SessionCache } from './auth/session-cache';
import { SessionsService } from './auth/sessions.service';
import { TokenService } from './auth/tokens.service';
import { ChamberLinksController } from './chamber-memberships/chamber-links.controller';
import { ChamberLinkHooks } from './chamber-memberships/chamber-link-hooks';
import { ChamberLinksService } from './chamber-memberships/chamber-links.service';
import { DirectoryService } from './directory/directory.service';
import { InvitationLinksController, OrgInvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { InvitationHooks } from './invitations/invitation-hooks';
import { MailService } from './mail/mail.service';
import { MembersController } from './orgs/members.controller';
import { MembersService } from './orgs/members.service';
import { MembershipsService } from './orgs/memberships.service';
import { ProfileController } from './profile/profile.controller';
import { ProfileService } from './profile/profile.service';

/**
 * Accounts, organisations and the global access guard. Global, so that every feature module can inject
 * ResourceOwners (to register its owner resolvers), MailService, AuditService, ProfileService, DirectoryService (names,
 * members) and ChamberLinksService (who belongs to a chamber) without importing it.
 */
@Global()
@Module({
  imports: [JwtModule.register({}), DiscoveryModule],
  controllers: [
    AuthController,
    ProfileController,
    MembersController,
    OrgInvitationsController,
    InvitationLinksController,
    ChamberLinksController,
    AdminController,
  ],
  providers: [
    ResourceOwners,
    TokenService,
    SessionCache,
    SessionsService,
    CsrfService,
    MembershipsService,
    AuthService,
    ProfileService,
    MembersService,
    InvitationsService,
    InvitationHooks,
    ChamberLinksService,
    ChamberLinkHooks,
    DirectoryService,
    MailService,
    AuditService,
    AdminService,
    AdminListsService,
    RouteAudit,
    LoginThrottleGuard,
    LoginBackoffService,
    BackoffCounters,
    SameOriginJsonGuard,
    { provide: LOGIN_THROTTLE_STORAGE, useClass: DatabaseThrottlerStorage }, // counters shared by all API replicas
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    ResourceOwners,
    MailService,
    AuditService,
    ProfileService,
    MembershipsService,
    InvitationHooks,
    DirectoryService,
    ChamberLinksService,
    ChamberLinkHooks,
  ],
})
export class AccountsModule {}
