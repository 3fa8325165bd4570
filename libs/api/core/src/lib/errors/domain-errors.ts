import {
  isMessageKey,
  type Locale,
  type LocalisedText,
  type MessageKey,
  type MessageParams,
  translate,
} from '../i18n/translate';

/**
 * Typed domain errors: services throw these (never Nest HttpExceptions); the global exception filter is the one place
 * that maps them to HTTP (STATUS_OF_KIND) and translates them into the language of the request. Each carries a
 * stable machine `code` (a message key) and the parameters of its text.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

/** A problem with one field: its own code and parameters; `label` names the field in the user's words. */
export interface FieldProblem {
  code: MessageKey;
  params?: MessageParams;
  label?: MessageKey | LocalisedText;
}

export interface DomainErrorOptions {
  /** Per-field problems, shown next to the field (`errors: { field: message }`). A key alone means no parameters. */
  fields?: Readonly<Record<string, FieldProblem | MessageKey>>;
  /** Extra machine-readable body properties (ids, versions, lists), e.g. `{ currentVersion: 4 }`. */
  details?: Readonly<Record<string, unknown>>;
  /** Response headers, e.g. `Retry-After`. */
  headers?: Readonly<Record<string, string>>;
}

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  readonly fields: Readonly<Record<string, FieldProblem>>;
  readonly details: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    options: DomainErrorOptions = {},
  ) {
    super();
    this.name = new.target.name;
    this.fields = Object.fromEntries(
      Object.entries(options.fields ?? {}).map(([f, p]) => [f, typeof p === 'string' ? { code: p } : p]),
    );
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
    // The English text as the Error message: logs, a job's stored failure reason.
    this.message = renderError(this, 'en').message;
  }
}

export interface RenderedError {
  message: string;
  /** Per-field messages, when the error has fields. */
  errors?: Record<string, string>;
  /** Per-field codes, when the error has fields. */
  codes?: Record<string, MessageKey>;
}

/**
 * The error's texts in one language. A message may use `{fields}`: the field problems as "Label: message; ...",
 * each field named in the user's words (its `label`, else the field's path).
 */
export function renderError(e: DomainError, locale: Locale): RenderedError {
  const entries = Object.entries(e.fields);
  const errors: Record<string, string> = {};
  const codes: Record<string, MessageKey> = {};
  const summary: string[] = [];
  for (const [field, p] of entries) {
    errors[field] = translate(p.code, p.params, locale);
    codes[field] = p.code;
    const label =
      p.label === undefined
        ? field
        : typeof p.label === 'string'
          ? isMessageKey(p.label)
            ? translate(p.label, {}, locale)
            : p.label
          : (p.label[locale] ?? p.label.en);
    summary.push(`${label}: ${errors[field]}`);
  }
  const message = translate(e.code, { fields: summary.join('; '), ...e.params }, locale);
  return entries.length ? { message, errors, codes } : { message };
}

/** 400: the request is malformed or a field's value is not acceptable. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid_input';
}
/** 401: not signed in, or the session is over. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}
/** 403: signed in, but not allowed. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}
/** 404 */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}
/** 409: the current state does not allow it (closed, already done, changed by someone else). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}
/** 410: existed, but is over for good (a used or expired link, a closed campaign). */
export class GoneError extends DomainError {
  readonly kind = 'gone';
}
/** 413 */
export class PayloadTooLargeError extends DomainError {
  readonly kind = 'payload_too_large';
}
/** 415 */
export class UnsupportedMediaTypeError extends DomainError {
  readonly kind = 'unsupported_media_type';
}
/** 422: well-formed, but the thing is not ready for it (profile incomplete, questions open). */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
}
/** 429 */
export class RateLimitedError extends DomainError {
  readonly kind = 'rate_limited';
}
/** 503: a dependency is down; retrying later may succeed (the report worker retries these). */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}

/** The one mapping of error kinds to HTTP statuses (exhaustive: a new kind does not compile without its status). */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * Whether a failed job should be tried again: a dependency that was down (503-like) or an unknown error, yes; a
 * domain error (not found, conflict, invalid) will fail the same way again. For workers deciding by error type.
 */
export function isRetryable(e: unknown): boolean {
  return e instanceof DomainError ? e.kind === 'unavailable' : true;
}

/** A one-field error, e.g. `fieldError('email', 'errors.invitation.alreadyMember', {}, ConflictError)` (default 400). */
export function fieldError(
  field: string,
  code: MessageKey,
  params: MessageParams = {},
  kind: new (code: MessageKey, params?: MessageParams, options?: DomainErrorOptions) => DomainError = InvalidInputError,
): DomainError {
  return new kind(code, params, { fields: { [field]: { code, params } } });
}
