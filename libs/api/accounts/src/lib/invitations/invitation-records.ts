import { In, IsNull, type EntityManager } from 'typeorm';
import { type DomainError, fieldError, ForbiddenError, GoneError, NotFoundError } from '@scs/api/core';
import type { OrgRoleName } from '@scs/api/core';
import { randomBytes } from 'node:crypto';
import { randomToken, sha256 } from '../auth/crypto';
import { Invitation, type InvitationKind } from './invitation.entity';

export const INVITATION_TTL_DAYS: Record<InvitationKind, number> = { member: 14, chamber_firm: 30 };

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(
  i: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now = new Date(),
): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt <= now) return 'expired';
  return 'pending';
}

/**
 * Creates an invitation and returns its token (only its hash is stored). Earlier pending invitations of the same
 * organisation, kind and email are revoked, so only the newest link works.
 */
export async function createInvitation(
  m: EntityManager,
  input: {
    orgId: string;
    kind: InvitationKind;
    email: string;
    role: OrgRoleName | null;
    invitedBy: string | null;
    boundDomain?: string | null;
  },
): Promise<{ invitation: Invitation; token: string }> {
  const email = input.email.trim().toLowerCase();
  await m.update(
    Invitation,
    { orgId: input.orgId, kind: input.kind, email, acceptedAt: IsNull(), revokedAt: IsNull() },
    { revokedAt: new Date() },
  );
  const token = randomToken();
  const invitation = await m.save(
    m.create(Invitation, {
      orgId: input.orgId,
      kind: input.kind,
      email,
      role: input.kind === 'member' ? input.role : null,
      boundDomain: input.kind === 'chamber_firm' ? (input.boundDomain ?? null) : null,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS[input.kind] * 86_400_000),
      invitedBy: input.invitedBy,
    }),
  );
  return { invitation, token };
}

/**
 * Bulk variant of createInvitation for one organisation and kind (e.g. a chamber campaign inviting thousands of
 * firms): multi-row statements instead of two queries per address. Same rules: earlier pending invitations of the
 * same addresses are revoked — unless `keepEarlier` (a caller that tracks its links itself, e.g. one per campaign,
 * revokes what it replaces). `expiresAt` overrides the kind's lifetime (a campaign's links end with the campaign).
 * Returns the new invitations with their tokens, in the order of `emails`.
 */
export async function createInvitations(
  m: EntityManager,
  input: {
    orgId: string;
    kind: Exclude<InvitationKind, 'member'>;
    emails: string[];
    invitedBy: string | null;
    expiresAt?: Date;
    keepEarlier?: boolean;
  },
): Promise<{ invitation: Invitation; token: string }[]> {
  const emails = input.emails.map((e) => e.trim().toLowerCase());
  const out: { invitation: Invitation; token: string }[] = [];
  const expiresAt = input.expiresAt ?? new Date(Date.now() + INVITATION_TTL_DAYS[input.kind] * 86_400_000);
  for (let i = 0; i < emails.length; i += 1000) {
    const chunk = emails.slice(i, i + 1000);
    if (!input.keepEarlier)
      await m.update(
        Invitation,
        { orgId: input.orgId, kind: input.kind, email: In(chunk), acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    // One randomBytes call per chunk (per-token calls cost ~80 µs each), same 32 random bytes per token as randomToken().
    const random = randomBytes(32 * chunk.length);
    const tokens = chunk.map((_, j) => random.subarray(32 * j, 32 * (j + 1)).toString('base64url'));
    const hashes = tokens.map(sha256);
    // One statement per chunk over arrays: thousands of rows without building an entity (and its SQL) per row.
    const rows: { id: string; email: string; createdAt: Date }[] = await m.query(
      `INSERT INTO "invitation" ("org_id", "kind", "email", "role", "token_hash", "expires_at", "invited_by")
       SELECT $1, $2, t."email", NULL, t."hash", $3, $4 FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS t("email", "hash", "n")
       ORDER BY t."n" RETURNING "id", "email", "created_at" AS "createdAt"`,
      [input.orgId, input.kind, expiresAt, input.invitedBy, chunk, hashes],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    chunk.forEach((email, j) => {
      const row = byEmail.get(email) as { id: string; createdAt: Date };
      const invitation = Object.assign(new Invitation(), {
        id: row.id,
        orgId: input.orgId,
        kind: input.kind,
        email,
        role: null,
        boundDomain: null,
        tokenHash: hashes[j],
        expiresAt,
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
        invitedBy: input.invitedBy,
        createdAt: row.createdAt,
      });
      out.push({ invitation, token: tokens[j] });
    });
  }
  return out;
}

/** Withdraws the invitations among `ids` that are still pending (neither accepted nor withdrawn). */
export async function revokePendingInvitations(m: EntityManager, ids: readonly (string | null)[]): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!unique.length) return;
  await m.query(
    `UPDATE "invitation" SET "revoked_at" = now() WHERE "id" = ANY($1::uuid[]) AND "accepted_at" IS NULL AND "revoked_at" IS NULL`,
    [unique],
  );
}

/** The invitations among `ids` that are still pending end at `expiresAt` (e.g. with the campaign that sent them). */
export async function setPendingInvitationsExpiry(
  m: EntityManager,
  ids: readonly (string | null)[],
  expiresAt: Date,
): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!unique.length) return;
  await m.query(
    `UPDATE "invitation" SET "expires_at" = $2 WHERE "id" = ANY($1::uuid[]) AND "accepted_at" IS NULL AND "revoked_at" IS NULL`,
    [unique, expiresAt],
  );
}

/** Accepted, withdrawn and expiry of the invitations with these ids (unknown ids are missing from the map). */
export async function invitationStates(
  m: EntityManager,
  ids: readonly (string | null)[],
): Promise<Map<string, Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!unique.length) return new Map();
  const rows: { id: string; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }[] = await m.query(
    `SELECT "id", "accepted_at" AS "acceptedAt", "revoked_at" AS "revokedAt", "expires_at" AS "expiresAt"
       FROM "invitation" WHERE "id" = ANY($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map(({ id, ...state }) => [id, state]));
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** True when `email` is the address the invitation is bound to (or, for a domain invitation, an address of its domain). */
export function invitationAdmits(invitation: Pick<Invitation, 'email' | 'boundDomain'>, email: string): boolean {
  const address = email.trim().toLowerCase();
  return invitation.boundDomain ? domainOf(address) === invitation.boundDomain : address === invitation.email;
}

/** 403 naming whom the invitation is for (the link's preview shows the same). */
export function notForThisAddress(invitation: Pick<Invitation, 'email' | 'boundDomain'>, field = 'email'): DomainError {
  return invitation.boundDomain
    ? fieldError(field, 'errors.invitation.forDomain', { domain: invitation.boundDomain }, ForbiddenError)
    : fieldError(field, 'errors.invitation.forAddress', { email: invitation.email }, ForbiddenError);
}

/** The invitation of a token (locked for update unless `lock` is false), if it can still be accepted: 404 unknown, 410 used/revoked/expired. */
export async function lockUsableInvitation(
  m: EntityManager,
  token: string,
  field = 'token',
  lock = true,
): Promise<Invitation> {
  const invitation = await m.findOne(Invitation, {
    where: { tokenHash: sha256(token) },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!invitation) throw fieldError(field, 'errors.invitation.invalidLink', {}, NotFoundError);
  const status = invitationStatus(invitation);
  if (status !== 'pending') {
    const code = (
      {
        accepted: 'errors.invitation.used',
        revoked: 'errors.invitation.withdrawn',
        expired: 'errors.invitation.expired',
      } as const
    )[status];
    throw new GoneError(code, {}, { fields: { [field]: code }, details: { status } });
  }
  return invitation;
}
