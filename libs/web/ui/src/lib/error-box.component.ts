import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** An error message (role=alert) with an optional retry button. */
@Component({
  selector: 'scs-error-box',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="error" role="alert">
    <mat-icon aria-hidden="true">error</mat-icon>
    <div class="text">
      @if (heading()) {
        <strong>{{ heading() }}</strong>
      }
      <span>{{ message() }}</span>
      <ng-content />
    </div>
    @if (retryLabel()) {
      <button mat-stroked-button type="button" (click)="retry.emit()">{{ retryLabel() }}</button>
    }
  </div>`,
  styles: `
    .error {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding: 12px 16px;
      border: 1px solid #f1b0b0;
      background: #fdf0f0;
      border-radius: 8px;
      color: #7f1414;
      margin: 12px 0;
    }
    .text {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    mat-icon {
      color: #b00020;
      flex: none;
    }
  `,
})
export class ErrorBoxComponent {
  readonly message = input.required<string>();
  readonly heading = input<string>('');
  readonly retryLabel = input<string>('');
  readonly retry = output<void>();
}
