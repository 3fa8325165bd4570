import type { AbstractControl, FormGroup } from '@angular/forms';

/**
 * Puts the server's field errors (`{ errors: { field: message } }`) on the form's controls, so each shows next to its
 * field (they clear as soon as the user edits the value). Returns the messages of fields the form does not have.
 */
export function applyServerErrors(form: FormGroup, fields: Record<string, string>): string[] {
  const unmatched: string[] = [];
  for (const [name, message] of Object.entries(fields)) {
    const control = form.get(name);
    if (!control) {
      unmatched.push(message);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
  }
  return unmatched;
}

/** The server's message for a control, if any. */
export function serverError(control: AbstractControl | null): string | null {
  const value = control?.errors?.['server'];
  return typeof value === 'string' ? value : null;
}

/** The longest name the API accepts (person or firm; NAME_MAX in libs/api/accounts/src/lib/validation.ts). */
export const NAME_MAX = 200;

/**
 * A unified social credit code as pasted from a letterhead, a PDF or a business licence ("9131 0000 MA1F-L0XX XX",
 * lower case): spaces and hyphens dropped, upper case. The server normalises the same way.
 */
export function normaliseUscc(value: string): string {
  return value.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase();
}
