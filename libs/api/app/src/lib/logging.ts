import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import PinoPretty from 'pino-pretty';
import type { AppConfig } from '@scs/api/core';

/** Nest's start-up chatter (one line per module and route): kept in JSON logs, left out of the terminal view. */
const QUIET_ON_TERMINAL = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

const REQUEST_LINE_LEVELS = new Set(['info', 'debug', 'trace']);

/**
 * pino for the API: JSON lines when not on a terminal (or LOG_FORMAT=json) for log collectors; on a terminal
 * (or LOG_FORMAT=pretty) one readable line per entry, requests as "GET /api/x 200 (3 ms)".
 */
export function loggerParams(config: AppConfig): Params {
  const options = {
    level: config.logLevel,
    // One line per request at info; when info is off, the request logger does nothing per request (the exception
    // filter still logs every 500). Per-request cost in the autosave profile: pino and pino-http about 5 %.
    autoLogging: REQUEST_LINE_LEVELS.has(config.logLevel),
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers["x-xsrf-token"]',
      'res.headers["set-cookie"]',
    ],
    // On every line through the root logger (a per-request customProps would build one more child logger per request).
    base: { pid: process.pid, hostname: hostname(), service: 'scs-api' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.split('?')[0],
      }),
    },
  };
  if (config.logFormat === 'json') return { pinoHttp: options };
  const pretty = PinoPretty({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,req,res,responseTime,context',
    messageFormat: (log, messageKey) => {
      const context = typeof log['context'] === 'string' ? `[${log['context']}] ` : '';
      return `${context}${String(log[messageKey] ?? '')}`;
    },
    singleLine: true,
  });
  return {
    pinoHttp: [
      {
        ...options,
        customSuccessMessage: (req: IncomingMessage, res: ServerResponse, time: number) =>
          `${req.method} ${req.url?.split('?')[0]} ${res.statusCode} (${Math.round(time)} ms)`,
        customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
          `${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`,
        hooks: {
          logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
            const first = args[0] as { context?: unknown } | undefined;
            if (first && typeof first === 'object' && QUIET_ON_TERMINAL.has(String(first.context))) return;
            method.apply(this, args);
          },
        },
      },
      pretty,
    ],
  };
}
