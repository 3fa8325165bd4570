import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { type FieldProblem, InvalidInputError } from '../errors/domain-errors';
import { isMessageKey, type LocalisedText, type MessageKey, type MessageParam } from '../i18n/translate';

/**
 * Error bodies with per-field messages: `{ code, message, errors: { field: message }, codes: { field: code } }`, so
 * the web app can show each message next to its field. Nested fields use dotted paths (`address.city`).
 */
export type FieldErrors = Record<string, string>;

interface MessageContext {
  /** The field's name in the user's words (else the catalogue's `field.<property>`, else the property). */
  label?: LocalisedText;
  /** The allowed values in the user's words, for `validation.oneOf` / `validation.isIn`. */
  labels?: Readonly<Record<string, LocalisedText>>;
}

/** Options for a class-validator decorator whose message is a catalogue key (translated per request). */
export function msg(key: MessageKey, label?: LocalisedText): { message: MessageKey; context?: MessageContext } {
  return label ? { message: key, context: { label } } : { message: key };
}

/** Options for `@IsIn` naming each allowed value in the user's words (`validation.oneOf` lists the labels). */
export function oneOfLabels(
  labels: Readonly<Record<string, LocalisedText>>,
  options: { each?: boolean; label?: LocalisedText } = {},
): { message: MessageKey; context: MessageContext; each: boolean } {
  return { message: 'validation.oneOf', context: { labels, label: options.label }, each: options.each ?? false };
}

/** The field's name in the user's words: from the decorator's context, else the catalogue's `field.<property>`. */
function labelOf(e: ValidationError, name: string): MessageKey | LocalisedText | undefined {
  const fromContext = (e.contexts?.[name] as MessageContext | undefined)?.label;
  if (fromContext) return fromContext;
  const key = `field.${e.property}`;
  return isMessageKey(key) ? key : undefined;
}

interface Constraint {
  constraints: unknown[];
  each: boolean;
  /** The decorator set its own message (not a key): a feature not converted yet; kept as it is. */
  customText: boolean;
}

/** The decorator behind a failed constraint (for its arguments: the maximum length, the allowed values ...). */
function constraintOf(e: ValidationError, name: string): Constraint | undefined {
  const target = e.target as object | undefined;
  if (!target) return undefined;
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === e.property && (m.name ?? m.type) === name);
  return meta
    ? {
        constraints: meta.constraints ?? [],
        each: meta.each ?? false,
        customText: typeof meta.message === 'string' && !isMessageKey(meta.message),
      }
    : undefined;
}

function paramsOf(e: ValidationError, name: string): Record<string, MessageParam> {
  const params: Record<string, MessageParam> = { property: e.property };
  const c = constraintOf(e, name);
  const first = c?.constraints[0];
  params['each'] = c?.each ? 'yes' : 'no';
  if (typeof first === 'number') {
    params['n'] = String(first); // plain digits: a year stays 2012, not 2,012
    params['count'] = first; // for plurals
  }
  if (Array.isArray(first)) {
    const labels = (e.contexts?.[name] as MessageContext | undefined)?.labels;
    params['options'] = first.map((v: unknown) => labels?.[String(v)] ?? String(v));
    params['values'] = first.map(String);
  }
  return params;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function problemOf(e: ValidationError, name: string, message: string): FieldProblem {
  const label = labelOf(e, name);
  const withLabel = (p: FieldProblem): FieldProblem => (label ? { ...p, label } : p);
  if (isMessageKey(message)) return withLabel({ code: message, params: paramsOf(e, name) });
  const generic = `validation.${name}`;
  if (isMessageKey(generic) && !constraintOf(e, name)?.customText)
    return withLabel({ code: generic, params: paramsOf(e, name) });
  // A custom validator's own (English) text: kept, under a code that says so. Default messages start with the
  // property name ("email must be an email"); next to the field it is redundant.
  const trimmed = message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message;
  return withLabel({ code: 'validation.invalid', params: { detail: capitalise(trimmed) } });
}

/** Flattens class-validator errors to one problem per field (the first failing constraint). */
export function toFieldProblems(errors: ValidationError[], parent = ''): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const first = e.constraints ? Object.entries(e.constraints)[0] : undefined;
    if (first !== undefined) out[path] = problemOf(e, first[0], first[1]);
    if (e.children?.length) Object.assign(out, toFieldProblems(e.children, path));
  }
  return out;
}

/** For the global ValidationPipe's `exceptionFactory`: translated per request by the exception filter. */
export function validationExceptionFactory(errors: ValidationError[]): InvalidInputError {
  return new InvalidInputError('validation.request', {}, { fields: toFieldProblems(errors) });
}
