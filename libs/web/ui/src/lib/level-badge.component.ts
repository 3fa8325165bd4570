import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { LevelId } from '@scs/shared/catalogue';

/** A risk level as a pill: level colour as a marker, dark text for contrast; optionally the score. */
@Component({
  selector: 'scs-level-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'badge level-bg-' + (level() ?? 'none')" [class.large]="size() === 'large'">
    <span class="dot" aria-hidden="true"></span>
    <span class="label">{{ label() }}</span>
    @if (scoreText(); as s) {
      <span class="score">{{ ' ' + s }}</span>
    }
  </span>`,
  styles: `
    :host {
      display: inline-block;
      vertical-align: middle;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      border-radius: 999px;
      padding: 2px 10px 2px 8px;
      font-size: 13px;
      font-weight: 500;
      border: 1px solid currentColor;
      background: #fff;
      line-height: 20px;
      white-space: nowrap;
    }
    .badge.large {
      font-size: 16px;
      padding: 4px 14px 4px 10px;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: currentColor;
      flex: none;
    }
    .label,
    .score {
      color: #1d1d1d;
    }
    .score {
      font-variant-numeric: tabular-nums;
      color: #444;
    }
    .level-bg-low {
      color: #2e7d32;
      background: #eef7ee;
    }
    .level-bg-moderate {
      color: #8a6d00;
      background: #fcf6dc;
    }
    .level-bg-high {
      color: #a84300;
      background: #fdeee3;
    }
    .level-bg-critical {
      color: #b71c1c;
      background: #fdecec;
    }
    .level-bg-none {
      color: #80868b;
      background: #f1f3f4;
    }
  `,
})
export class LevelBadgeComponent {
  readonly level = input<LevelId | null | undefined>(null);
  readonly label = input.required<string>();
  readonly score = input<number | null | undefined>(undefined);
  readonly size = input<'normal' | 'large'>('normal');
  protected readonly scoreText = computed(() => {
    const s = this.score();
    return s === null || s === undefined ? null : `${formatScore(s)} / 100`;
  });
}

/** One decimal at most, no trailing ".0". */
export function formatScore(score: number): string {
  const n = Number(score); // tolerate a numeric string from a database driver
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
