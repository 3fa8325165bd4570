import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, renderError, STATUS_OF_KIND } from '../errors/domain-errors';
import { requestLocale } from '../i18n/request-locale';
import { isMessageKey, type Locale, type MessageKey, translate } from '../i18n/translate';
import { MAX_JSON_DEPTH } from './json-depth';

export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable machine code of the error (a message key); the `message` is its text in the request's language. */
  code: string;
  message: string | string[];
  requestId?: string;
  [extra: string]: unknown;
}

/** Body-parser and similar low-level errors carry an HTTP status and a type but are not HttpExceptions. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of an HttpException that is not a domain error (Nest's own, or a feature not converted yet). */
const HTTP_CODES: Record<number, MessageKey> = {
  400: 'errors.http.badRequest',
  401: 'errors.http.unauthorized',
  403: 'errors.http.forbidden',
  404: 'errors.http.notFound',
  409: 'errors.http.conflict',
  413: 'errors.http.payloadTooLarge',
  429: 'errors.rateLimited',
  503: 'errors.http.unavailable',
};

/**
 * The one global exception filter and the one place where errors become HTTP: domain errors get their status from
 * STATUS_OF_KIND and their text in the request's language; HttpException bodies are kept (plus a `code`); body-parser
 * errors become 400/413; everything else a generic 500 with the request id — never SQL, stack traces or internals.
 * Written against Nest's HTTP adapter, so it serves Express and Fastify alike.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<{ id?: string | number; headers: Record<string, string | string[] | undefined> }>();
    const res = ctx.getResponse<unknown>();
    const requestId = req.id === undefined ? undefined : String(req.id);
    const locale = requestLocale(req);
    const body = this.toBody(exception, requestId, locale);
    if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
      this.logger.error(
        {
          requestId,
          path: httpAdapter.getRequestUrl(req) as string,
          err:
            exception instanceof Error
              ? { name: exception.name, message: exception.message, stack: exception.stack }
              : exception,
        },
        'Unhandled error',
      );
    }
    if (httpAdapter.isHeadersSent(res)) return;
    if (exception instanceof DomainError) {
      for (const [name, value] of Object.entries(exception.headers)) httpAdapter.setHeader(res, name, value);
    }
    httpAdapter.setHeader(res, 'Content-Language', locale);
    httpAdapter.reply(res, body, body.statusCode);
  }

  private toBody(exception: unknown, requestId: string | undefined, locale: Locale): ErrorBody {
    const keyed = (statusCode: number, code: MessageKey): ErrorBody => ({
      statusCode,
      error: reasons[statusCode] ?? 'Error',
      code,
      message: translate(code, {}, locale),
      requestId,
    });
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind];
      return {
        ...exception.details,
        statusCode: status,
        error: reasons[status] ?? 'Error',
        code: exception.code,
        ...renderError(exception, locale),
        requestId,
      };
    }
    if (exception instanceof HttpException) return this.httpExceptionBody(exception, requestId, locale);
    const e = (exception ?? {}) as HttpishError;
    const status = e.status ?? e.statusCode;
    if (e.type === 'entity.parse.failed') {
      return {
        ...keyed(400, 'errors.malformedJson'),
        message: translate('errors.malformedJson', { detail: e.message ?? 'parse error' }, locale),
      };
    }
    if (e.type === 'entity.too.large') return keyed(413, 'errors.bodyTooLarge');
    if (e.type === 'entity.too.deep') {
      const max = String(MAX_JSON_DEPTH);
      return { ...keyed(400, 'errors.jsonTooDeep'), message: translate('errors.jsonTooDeep', { max }, locale) };
    }
    if (typeof status === 'number' && status >= 400 && status < 500 && e.type) {
      return { ...keyed(status, 'errors.http.badRequest'), message: e.message ?? 'Bad request' };
    }
    // A backstop: DTOs validate ranges, but a number or date PostgreSQL cannot hold is the client's error, never a 500.
    if (isOutOfRangeInput(exception)) return keyed(400, 'errors.outOfRange');
    if (isDatabaseUnavailable(exception)) return keyed(503, 'errors.databaseUnavailable');
    return keyed(500, 'errors.unexpected');
  }

  private httpExceptionBody(exception: HttpException, requestId: string | undefined, locale: Locale): ErrorBody {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const r = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const message = (r['message'] as string | string[] | undefined) ?? exception.message;
    // A message that is a key (the login throttler's) and Nest's own texts are translated: an unknown route
    // ("Cannot GET /api/x") and the throttler's default.
    const own: MessageKey | undefined =
      typeof message === 'string' && isMessageKey(message)
        ? message
        : status === 404 && typeof message === 'string' && /^Cannot [A-Z]+ \//.test(message)
          ? 'errors.routeNotFound'
          : status === 429
            ? 'errors.rateLimited'
            : undefined;
    return {
      ...r,
      statusCode: status,
      error: typeof r['error'] === 'string' ? (r['error'] as string) : (reasons[status] ?? 'Error'),
      code: typeof r['code'] === 'string' ? (r['code'] as string) : (own ?? HTTP_CODES[status] ?? 'errors.http.other'),
      message: own ? translate(own, {}, locale) : message,
      requestId,
    };
  }
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** True for errors that mean "the database is down", so clients get a 503 they can retry. */
export function isDatabaseUnavailable(exception: unknown): boolean {
  let e: unknown = exception;
  for (let depth = 0; e && depth < 4; depth++) {
    const err = e as { code?: string; message?: string; driverError?: unknown; cause?: unknown };
    if (err.code && unavailableCodes.has(err.code)) return true;
    if (
      err.message &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        err.message,
      )
    )
      return true;
    e = err.driverError ?? err.cause;
  }
  return false;
}

// numeric_value_out_of_range, invalid_text_representation, datetime_field_overflow, invalid_datetime_format
const outOfRangeCodes = new Set(['22003', '22P02', '22008', '22007']);

/** True for PostgreSQL errors caused by a value the client sent (an integer beyond the column, a date beyond the calendar). */
export function isOutOfRangeInput(exception: unknown): boolean {
  const err = exception as { code?: string; driverError?: { code?: string } } | null;
  const code = err?.driverError?.code ?? err?.code;
  return typeof code === 'string' && outOfRangeCodes.has(code);
}
