import type { Locale } from '../i18n/translate';
import { Injectable } from '@nestjs/common';

/** Resolves a resource id (from a route) to the id of the organisation that owns it, or null when unknown. */
export type OwnerResolver = (id: string) => Promise<string | null>;

/** Owners remembered per process (positive answers only); about 100 bytes each. */
const OWNER_CACHE_SIZE = 50_000;

/**
 * Feature modules register how their resources map to organisations (e.g. 'assessment' → firm id), so that one
 * guard can authorise every resource route the same way.
 *
 * A resource never moves to another organisation, so a found owner is remembered (bounded, oldest out first): the
 * guard's hot path — autosave — then needs no owner lookup. Unknown ids are always asked again, and a deleted resource
 * whose owner is still remembered is answered 404 by its handler.
 */
@Injectable()
export class ResourceOwners {
  private readonly resolvers = new Map<string, OwnerResolver>();
  private readonly known = new Map<string, string>();

  register(name: string, resolver: OwnerResolver): void {
    this.resolvers.set(name, resolver);
  }

  async ownerOf(name: string, id: string): Promise<string | null> {
    const resolver = this.resolvers.get(name);
    if (!resolver) throw new Error(`No owner resolver registered for '${name}'`);
    const key = `${name}:${id}`;
    const cached = this.known.get(key);
    if (cached) return cached;
    const owner = await resolver(id);
    if (owner) this.store(key, owner);
    return owner;
  }

  /**
   * Records the owner of a resource the caller has just created (an owner never changes), so that the first request
   * for it needs no lookup.
   */
  remember(name: string, id: string, owner: string): void {
    if (!this.resolvers.has(name)) throw new Error(`No owner resolver registered for '${name}'`);
    this.store(`${name}:${id}`, owner);
  }

  private store(key: string, owner: string): void {
    if (this.known.size >= OWNER_CACHE_SIZE) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, owner);
  }
}

/** The principal attached to every authenticated request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  /** The token's session, for logout and refresh revocation. */
  sessionId: string;
  /** The UI language the user last signed in with, when known (the fallback for answers without Accept-Language). */
  locale?: Locale;
}

/** Set by the access guard on org/resource routes: the organisation the request acts for and the caller's role. */
export interface OrgContext {
  orgId: string;
  kind: 'firm' | 'chamber' | 'research';
  role: 'owner' | 'admin' | 'member' | 'researcher';
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
