import { signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { describeError } from '@scs/web/core';

export type DescribedError = ReturnType<typeof describeError>;

/**
 * Busy flag, error message and the submit routine the account pages share: a form that is invalid gets every
 * control marked touched (so its field errors show) and is not sent; otherwise the action runs with `busy` set and
 * the previous error cleared, and a failure becomes the message `onError` picks (the server's message by default;
 * `null` for none, e.g. when every problem was shown next to its field).
 */
export class AuthFormSubmit {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  async run(
    form: AbstractControl | null,
    action: () => Promise<void>,
    onError: (error: DescribedError) => string | null = (e) => e.message,
  ): Promise<void> {
    // A double click submits twice before the disabled button is rendered: send once.
    if (this.busy()) return;
    if (form?.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (e) {
      this.error.set(onError(describeError(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
