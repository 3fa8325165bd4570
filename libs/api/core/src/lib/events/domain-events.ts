import { Injectable, Logger } from '@nestjs/common';

/** Events one feature publishes and others react to, without importing each other. */
export interface DomainEventMap {
  'assessment.submitted': {
    assessmentId: string;
    orgId: string;
    submittedBy: string;
    submittedAt: Date;
  };
}

type Handler<K extends keyof DomainEventMap> = (payload: DomainEventMap[K]) => Promise<void> | void;

/**
 * In-process publish/subscribe. Handlers run after the publisher's transaction committed; a failing handler is
 * logged and never fails the publisher (each subscriber owns its retries, e.g. through the job queue).
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<keyof DomainEventMap, Handler<never>[]>();

  on<K extends keyof DomainEventMap>(event: K, handler: Handler<K>): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(event, list);
  }

  async publish<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): Promise<void> {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        await (handler as Handler<K>)(payload);
      } catch (e) {
        this.logger.error(
          { err: e instanceof Error ? { message: e.message, stack: e.stack } : e, event },
          'Event handler failed',
        );
      }
    }
  }
}
