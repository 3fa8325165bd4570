import { Injectable } from '@nestjs/common';

/** Resolves a resource id (from a route) to the id of the organisation that owns it, or null when unknown. */
export type OwnerResolver = (id: string) => Promise<string | null>;

/**
 * Feature modules register how their resources map to organisations (e.g. 'assessment' → firm id), so that one
 * guard can authorise every resource route the same way.
 */
@Injectable()
export class ResourceOwners {
  private readonly resolvers = new Map<string, OwnerResolver>();

  register(name: string, resolver: OwnerResolver): void {
    this.resolvers.set(name, resolver);
  }

  async ownerOf(name: string, id: string): Promise<string | null> {
    const resolver = this.resolvers.get(name);
    if (!resolver) throw new Error(`No owner resolver registered for '${name}'`);
    return resolver(id);
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
}

/** Set by the access guard on org/resource routes: the organisation the request acts for and the caller's role. */
export interface OrgContext {
  orgId: string;
  kind: 'firm' | 'chamber' | 'research';
  role: 'owner' | 'admin' | 'member' | 'researcher';
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
