import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/** A spinner with a text that screen readers announce. */
@Component({
  selector: 'scs-loading',
  imports: [MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="loading" role="status">
    <mat-progress-spinner mode="indeterminate" [diameter]="28" aria-hidden="true" />
    <span>{{ label() }}</span>
  </div>`,
  styles: `
    .loading {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 24px 0;
      color: #444;
    }
  `,
})
export class LoadingComponent {
  readonly label = input.required<string>();
}
