import type { QueueDefinition } from '@scs/api/core';
import type { ReportRequest } from './kinds/report-kind';

export const RENDER_QUEUE = 'render-report';
/** Receives render jobs that failed for good without their handler noticing (the worker died or hung). */
export const RENDER_DEAD_QUEUE = 'render-report-dead';

/** One render: the report and its whole request (kind, organisation, subject, locale, preparing organisation). */
export interface RenderJob extends ReportRequest {
  reportId: string;
}

/** Three attempts (1–2 s, then 2–4 s apart); a job whose worker vanished is retried after it expires. */
export function renderQueueDefinition(jobTimeoutSeconds: number): QueueDefinition {
  return {
    retryLimit: 2,
    retryDelaySeconds: 1,
    retryBackoff: true,
    retryDelayMaxSeconds: 30,
    expireInSeconds: jobTimeoutSeconds * 2 + 60,
    deleteAfterSeconds: 24 * 3600,
    deadLetter: RENDER_DEAD_QUEUE,
  };
}
