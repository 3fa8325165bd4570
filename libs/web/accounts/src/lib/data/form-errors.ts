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
