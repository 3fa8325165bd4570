import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { LevelId } from '@scs/shared/catalogue';
import { formatScore } from './level-badge.component';

export interface ScoreBar {
  id: string;
  label: string;
  score: number | null;
  level: LevelId | null;
  /** Shown after the value, e.g. "3/5 answered". */
  note?: string;
}

/**
 * Light, chart-free bars (0–100) for frequently changing values such as the wizard's live preview: no canvas or
 * chart library, so it can update on every answer and stay in the initial bundle.
 */
@Component({
  selector: 'scs-score-bars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ul class="bars">
    @for (b of bars(); track b.id) {
      <li class="row">
        <span class="label" [attr.title]="b.label">{{ b.label }}</span>
        <span class="value"
          >{{ b.score === null ? emptyText() : format(b.score) }}
          @if (b.note) {
            <span class="note"> · {{ b.note }}</span>
          }
        </span>
        <span class="track" aria-hidden="true">
          <span class="fill" [class]="'fill fill-' + (b.level ?? 'none')" [style.width.%]="b.score ?? 0"></span>
        </span>
      </li>
    }
  </ul>`,
  styles: `
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: baseline;
      column-gap: 8px;
      font-size: 13px;
    }
    .label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .track {
      grid-column: 1 / -1;
      height: 6px;
      background: #eceff1;
      border-radius: 3px;
      overflow: hidden;
      margin-top: 2px;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 3px;
      transition: width 250ms ease;
    }
    .fill-low {
      background: var(--scs-low);
    }
    .fill-moderate {
      background: var(--scs-moderate);
    }
    .fill-high {
      background: var(--scs-high);
    }
    .fill-critical {
      background: var(--scs-critical);
    }
    .fill-none {
      background: transparent;
    }
    .value {
      font-variant-numeric: tabular-nums;
      text-align: right;
      color: #333;
    }
    .note {
      color: #5f6368;
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
  `,
})
export class ScoreBarsComponent {
  readonly bars = input.required<readonly ScoreBar[]>();
  readonly emptyText = input('–');
  protected readonly format = formatScore;
}
