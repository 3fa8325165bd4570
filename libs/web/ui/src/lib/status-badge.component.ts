import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type SourceStatus = 'confirmed' | 'unconfirmed';

/** Marks a fact, source or horizon as confirmed or unconfirmed (global badge classes from styles.css). */
@Component({
  selector: 'scs-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    [class]="status() === 'confirmed' ? 'badge-confirmed' : 'badge-unconfirmed'"
    [attr.title]="title() || null"
  >
    @if (status() === 'unconfirmed') {
      <span aria-hidden="true">? </span>
    } @else {
      <span aria-hidden="true">✓ </span>
    }
    {{ label() }}
  </span>`,
  styles: `
    :host {
      display: inline-block;
      vertical-align: middle;
    }
    span {
      white-space: nowrap;
    }
  `,
})
export class StatusBadgeComponent {
  readonly status = input.required<SourceStatus>();
  readonly label = input.required<string>();
  readonly title = input<string>('');
}
