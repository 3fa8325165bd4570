import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ScoreResult } from '@scs/shared/scoring';
import { LevelBadgeComponent, ScoreBarsComponent, formatScore, type ScoreBar } from '@scs/web/ui';
import { map } from 'rxjs';
import type { WizardStep } from './wizard-step';

/**
 * The wizard's live score (`<aside scs-live-preview class="preview">`): the draft scored with the same function the
 * server runs on submit, knock-outs, and the score per dimension of the steps.
 */
@Component({
  selector: 'aside[scs-live-preview]',
  imports: [TranslocoDirective, MatIconModule, LevelBadgeComponent, ScoreBarsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-preview.component.html',
  styleUrl: './live-preview.component.css',
})
export class LivePreviewComponent {
  readonly score = input.required<ScoreResult>();
  /** The steps, for the per-dimension bars (in step order). */
  readonly steps = input.required<readonly WizardStep[]>();
  /** A submitted assessment: the score is final, not a preview. */
  readonly final = input(false);

  /** Narrow screens: the preview sits above the questions, so its per-dimension list starts collapsed. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1100px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly bars = computed<ScoreBar[]>(() => {
    const byId = new Map(this.score().dimensions.map((d) => [d.dimensionId, d]));
    return this.steps().map((s) => {
      const d = byId.get(s.dimension.id);
      return {
        id: s.dimension.id,
        label: `${s.dimension.code} ${s.dimension.name}`,
        score: d?.score ?? null,
        level: d?.level ?? null,
      };
    });
  });
  protected readonly format = formatScore;
}
