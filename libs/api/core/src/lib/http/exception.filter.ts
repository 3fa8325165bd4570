import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

export interface ErrorBody {
  statusCode: number;
  error: string;
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
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one global exception filter: keeps HttpException bodies, maps body-parser errors to 400/413,
 * and turns everything else into a generic 500 with the request id — never SQL, stack traces or internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string | number }>();
    const res = ctx.getResponse<Response>();
    const requestId = req.id === undefined ? undefined : String(req.id);
    const body = this.toBody(exception, requestId);
    if (body.statusCode >= 500) {
      this.logger.error(
        {
          requestId,
          path: req.originalUrl,
          err:
            exception instanceof Error
              ? { name: exception.name, message: exception.message, stack: exception.stack }
              : exception,
        },
        'Unhandled error',
      );
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string | undefined): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string')
        return { statusCode: status, error: reasons[status] ?? 'Error', message: response, requestId };
      const r = response as Record<string, unknown>;
      return {
        ...r,
        statusCode: status,
        error: typeof r['error'] === 'string' ? (r['error'] as string) : (reasons[status] ?? 'Error'),
        message: (r['message'] as string | string[] | undefined) ?? exception.message,
        requestId,
      };
    }
    const e = (exception ?? {}) as HttpishError;
    const status = e.status ?? e.statusCode;
    if (e.type === 'entity.parse.failed') {
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: `Malformed JSON in request body: ${e.message ?? 'parse error'}`,
        requestId,
      };
    }
    if (e.type === 'entity.too.large') {
      return { statusCode: 413, error: 'Payload Too Large', message: 'Request body exceeds the size limit', requestId };
    }
    if (typeof status === 'number' && status >= 400 && status < 500 && e.type) {
      return { statusCode: status, error: reasons[status] ?? 'Error', message: e.message ?? 'Bad request', requestId };
    }
    if (isOutOfRangeInput(exception)) {
      // A backstop: DTOs validate ranges, but a number or date PostgreSQL cannot hold is the client's error, never a 500.
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: 'A number or date in the request is out of range',
        requestId,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: 'The database is not reachable; try again shortly',
        requestId,
      };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred; quote the request id when reporting it',
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
