import { HttpException } from '@nestjs/common';

/**
 * A failure as one readable line in English (a domain error's or HttpException's message, or messages joined), e.g.
 * for a job's stored reason.
 */
export function errorReason(e: unknown): string {
  if (e instanceof HttpException) {
    const r = e.getResponse();
    const message = typeof r === 'string' ? r : (r as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message ?? e.message);
  }
  return e instanceof Error ? e.message : String(e);
}
