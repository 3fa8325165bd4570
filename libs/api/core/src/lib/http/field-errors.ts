import { BadRequestException, HttpException, HttpStatus, type ValidationError } from '@nestjs/common';

/**
 * Error bodies with per-field messages: `{ message, errors: { field: message } }`, so the web app can show each
 * message next to its field. Nested fields use dotted paths (`address.city`).
 */
export type FieldErrors = Record<string, string>;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Flattens class-validator errors to one message per field (the first failing constraint). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const first = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (first !== undefined) {
      // Default messages start with the property name ("email must be an email"); next to the field it is redundant.
      const trimmed = first.startsWith(`${e.property} `) ? first.slice(e.property.length + 1) : first;
      out[path] = capitalise(trimmed);
    }
    if (e.children?.length) Object.assign(out, toFieldErrors(e.children, path));
  }
  return out;
}

/** For the global ValidationPipe's `exceptionFactory`. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const fields = toFieldErrors(errors);
  const summary = Object.entries(fields)
    .map(([f, m]) => `${f}: ${m}`)
    .join('; ');
  return new BadRequestException({ message: `Invalid request. ${summary}`, errors: fields });
}

/** An error about one or more fields, e.g. `fieldError('email', 'Already registered', 409)`. */
export function fieldError(field: string, message: string, status: number = HttpStatus.BAD_REQUEST): HttpException {
  return new HttpException({ message, errors: { [field]: message } }, status);
}
