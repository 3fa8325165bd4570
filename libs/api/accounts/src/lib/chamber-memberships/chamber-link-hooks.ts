import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A firm left a chamber (inside the leaving transaction). */
export interface ChamberLeft {
  firmId: string;
  chamberId: string;
  actorId: string;
  ip: string | null;
}

/**
 * Lets another feature react to a firm leaving a chamber without accounts touching its tables (research: the consents
 * given to that chamber end). Runs inside the caller's transaction.
 */
export interface ChamberLinkHook {
  left?(m: EntityManager, event: ChamberLeft): Promise<void>;
}

@Injectable()
export class ChamberLinkHooks {
  private readonly hooks: ChamberLinkHook[] = [];

  register(hook: ChamberLinkHook): void {
    this.hooks.push(hook);
  }

  async left(m: EntityManager, event: ChamberLeft): Promise<void> {
    for (const h of this.hooks) await h.left?.(m, event);
  }
}
