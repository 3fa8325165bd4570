import type { EntityManager } from 'typeorm';
import type { OrgKind, OrgRoleName } from '@scs/api/core';
import { FirmProfile } from '../profile/firm-profile.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';

/** Roles a member of an organisation of each kind can hold. */
export const ROLES_BY_KIND: Record<OrgKind, OrgRoleName[]> = {
  firm: ['owner', 'admin', 'member'],
  chamber: ['owner', 'admin', 'member'],
  research: ['researcher'],
};

export async function createOrganisation(m: EntityManager, kind: OrgKind, name: string): Promise<Organisation> {
  return m.save(m.create(Organisation, { kind, name: name.trim() }));
}

export async function addMembership(m: EntityManager, userId: string, orgId: string, role: OrgRoleName): Promise<void> {
  await m.insert(Membership, { userId, orgId, role });
}

/** A firm with its owner and profile version 1 (just the name; the owner completes it in the profile editor). */
export async function createFirm(m: EntityManager, name: string, ownerId: string): Promise<Organisation> {
  const firm = await createOrganisation(m, 'firm', name);
  await addMembership(m, ownerId, firm.id, 'owner');
  await m.insert(FirmProfile, { orgId: firm.id, version: 1, data: { name: firm.name }, createdBy: ownerId });
  return firm;
}
