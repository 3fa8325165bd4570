import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** Friendly empty state: an icon, a heading, explanatory text and actions projected by the caller. */
@Component({
  selector: 'scs-empty-state',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<section class="empty">
    <mat-icon aria-hidden="true" class="icon">{{ icon() }}</mat-icon>
    @if (level() === 3) {
      <h3>{{ heading() }}</h3>
    } @else {
      <h2>{{ heading() }}</h2>
    }
    <div class="body"><ng-content /></div>
    <div class="actions"><ng-content select="[scsEmptyActions]" /></div>
  </section>`,
  styles: `
    .empty {
      text-align: center;
      padding: 32px 16px;
      background: #fff;
      border: 1px dashed #c9ced6;
      border-radius: 8px;
    }
    .icon {
      font-size: 40px;
      width: 40px;
      height: 40px;
      color: var(--scs-primary);
    }
    h2,
    h3 {
      margin: 8px 0;
      font-size: 20px;
    }
    .body {
      max-width: 640px;
      margin: 0 auto;
      color: #444;
    }
    .actions {
      display: flex;
      justify-content: center;
      gap: 12px;
      flex-wrap: wrap;
      margin-top: 16px;
    }
    .actions:empty {
      display: none;
    }
  `,
})
export class EmptyStateComponent {
  readonly icon = input('inbox');
  readonly heading = input.required<string>();
  readonly level = input<2 | 3>(2);
}
