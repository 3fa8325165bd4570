import type { DataSource, EntityManager } from 'typeorm';
import type { OrgKind, OrgRoleName } from '@scs/api/core';
import { AuditLog } from '../audit/audit-log.entity';
import { createInvitation } from '../invitations/invitation-records';
import { invitationLink } from '../links';
import { MailOutbox } from '../mail/mail-outbox.entity';
import { memberInvitationMail } from '../mail/templates';
import { addMembership, createOrganisation } from '../orgs/organisations';
import { Organisation } from '../orgs/organisation.entity';
import { UserAccount } from '../users/user-account.entity';
import { createUser, findUserByEmail } from '../users/users';

// Operator commands for the admin CLI (apps/api/src/cli.ts). They run on a plain DataSource, without the Nest app.

export interface CommandResult {
  message: string;
  /** An invitation link, when the named person has no account yet (also mailed through the outbox). */
  link?: string;
}

export class CommandError extends Error {}

async function audit(m: EntityManager, action: string, target: string, orgId: string | null = null): Promise<void> {
  await m.insert(AuditLog, { action, target, orgId, actorUserId: null, ip: null, details: { via: 'cli' } });
}

/** Creates a platform admin, or promotes an existing user (whose password stays as it is). */
export async function createAdmin(
  ds: DataSource,
  input: { email: string; name: string; password: () => Promise<string> },
): Promise<CommandResult> {
  const email = input.email.trim().toLowerCase();
  const existing = await findUserByEmail(ds.manager, email);
  if (existing) {
    if (existing.platformAdmin) return { message: `${email} is already a platform admin` };
    await ds.transaction(async (m) => {
      await m.update(UserAccount, { id: existing.id }, { platformAdmin: true });
      await audit(m, 'admin.promoted', `user:${existing.id}`);
    });
    return { message: `Promoted existing user ${email} to platform admin` };
  }
  const password = await input.password();
  return ds.transaction(async (m) => {
    const user = await createUser(m, { email, name: input.name, password, platformAdmin: true, emailVerified: true });
    await audit(m, 'admin.created', `user:${user.id}`);
    return { message: `Created platform admin ${email}` };
  });
}

/**
 * Creates an organisation and gives the named person `role` in it: at once when they have an account, otherwise by
 * an invitation (mailed via the outbox and printed), through which they register without creating a firm.
 */
async function createOrgWithLead(
  ds: DataSource,
  kind: OrgKind,
  name: string,
  email: string,
  role: OrgRoleName,
  publicUrl: string,
): Promise<CommandResult> {
  const trimmed = name.trim();
  if (!trimmed) throw new CommandError('--name must not be empty');
  return ds.transaction(async (m) => {
    const clash = await m
      .createQueryBuilder(Organisation, 'o')
      .where('o.kind = :kind AND lower(o.name) = lower(:name)', { kind, name: trimmed })
      .getExists();
    if (clash) throw new CommandError(`A ${kind} organisation named "${trimmed}" already exists`);
    const org = await createOrganisation(m, kind, trimmed);
    await audit(m, 'org.created', `org:${org.id}`, org.id);
    const user = await findUserByEmail(m, email);
    if (user) {
      await addMembership(m, user.id, org.id, role);
      await audit(m, 'member.added', `user:${user.id}`, org.id);
      return { message: `Created ${kind} "${org.name}" (${org.id}); ${user.email} is ${role}` };
    }
    const { token } = await createInvitation(m, { orgId: org.id, kind: 'member', email, role, invitedBy: null });
    const link = invitationLink(publicUrl, token);
    const mail = memberInvitationMail(email.trim().toLowerCase(), org.name, 'SCS Check', role, link);
    await m.insert(MailOutbox, { to: mail.to, subject: mail.subject, text: mail.text });
    return {
      message: `Created ${kind} "${org.name}" (${org.id}); ${email} has no account yet and was invited as ${role}`,
      link,
    };
  });
}

export function createResearchTeam(
  ds: DataSource,
  input: { name: string; ownerEmail: string; publicUrl: string },
): Promise<CommandResult> {
  return createOrgWithLead(ds, 'research', input.name, input.ownerEmail, 'researcher', input.publicUrl);
}

export function createChamber(
  ds: DataSource,
  input: { name: string; adminEmail: string; publicUrl: string },
): Promise<CommandResult> {
  return createOrgWithLead(ds, 'chamber', input.name, input.adminEmail, 'owner', input.publicUrl);
}
