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
      /* In a narrow tile the score moves under the label instead of sticking out. */
      flex-wrap: wrap;
      row-gap: 0;
      max-width: 100%;
      box-sizing: border-box;
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
  /** The UI language for the decimal separator (36,2 in German); defaults to the document's language. */
  readonly lang = input<string | undefined>(undefined);
  protected readonly scoreText = computed(() => {
    const s = this.score();
    return s === null || s === undefined ? null : `${formatScore(s, this.lang())} / 100`;
  });
}

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * A score with one decimal at most and no trailing ",0", in the UI language: "36,2" in German, "36.2" in English and Chinese.
 * `fixed`: always one decimal ("74,0"), for columns of scores that are read against each other.
 * Without `lang` the document's language (<html lang>, kept by LanguageService) decides.
 */
export function formatScore(score: number, lang?: string, fixed = false): string {
  const n = Number(score); // tolerate a numeric string from a database driver
  const tag = lang ?? globalThis.document?.documentElement.lang ?? 'en';
  const locale = tag.startsWith('de') ? 'de-DE' : tag.startsWith('zh') ? 'zh-CN' : 'en-GB';
  const key = `${locale}${fixed ? ':fixed' : ''}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: fixed ? 1 : 0,
      maximumFractionDigits: 1,
      useGrouping: false,
    });
    NUMBER_FORMATS.set(key, format);
  }
  return format.format(n);
}
