import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Invitation } from './invitation.entity';

/**
 * Lets another feature take part in invitation links without accounts knowing it (chambers: campaign invitations,
 * which are `chamber_firm` invitations with a campaign behind them). Every method runs inside the caller's
 * transaction and may throw a DomainError (e.g. GoneError, 410, when the campaign behind the link has closed).
 */
export interface InvitationHook {
  /** The preview of a usable invitation was fetched (the link was opened). */
  previewed?(m: EntityManager, invitation: Invitation): Promise<void>;
  /** A usable invitation (locked) is about to be accepted, by registering or by a signed-in user. */
  accepting?(m: EntityManager, invitation: Invitation): Promise<void>;
  /** True when a firm that already belongs to the chamber may still accept this `chamber_firm` invitation (it joins a campaign). */
  acceptsExistingMember?(m: EntityManager, invitation: Invitation): Promise<boolean>;
  /** A `chamber_firm` invitation was accepted: `firmId` belongs to the chamber now (or already did). */
  chamberFirmAccepted?(m: EntityManager, invitation: Invitation, firmId: string, userId: string): Promise<void>;
}

@Injectable()
export class InvitationHooks {
  private readonly hooks: InvitationHook[] = [];

  register(hook: InvitationHook): void {
    this.hooks.push(hook);
  }

  async previewed(m: EntityManager, invitation: Invitation): Promise<void> {
    for (const h of this.hooks) await h.previewed?.(m, invitation);
  }

  async accepting(m: EntityManager, invitation: Invitation): Promise<void> {
    for (const h of this.hooks) await h.accepting?.(m, invitation);
  }

  async acceptsExistingMember(m: EntityManager, invitation: Invitation): Promise<boolean> {
    for (const h of this.hooks) if (await h.acceptsExistingMember?.(m, invitation)) return true;
    return false;
  }

  async chamberFirmAccepted(m: EntityManager, invitation: Invitation, firmId: string, userId: string): Promise<void> {
    for (const h of this.hooks) await h.chamberFirmAccepted?.(m, invitation, firmId, userId);
  }
}
