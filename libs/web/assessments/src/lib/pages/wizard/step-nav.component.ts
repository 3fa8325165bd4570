import { BreakpointObserver } from '@angular/cdk/layout';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PublicCatalogue } from '@scs/shared/catalogue';
import { describeAnyRule, type PublicDimension } from '@scs/web/catalogue';
import { LanguageService } from '@scs/web/core';
import { map } from 'rxjs';
import { REVIEW_STEP, type StepFocus, type WizardStep } from './wizard-step';

/** A row of the step list: a dimension as a step, or as "not applicable" with the condition under which it is asked. */
export interface StepListItem {
  dimension: PublicDimension;
  step: WizardStep | null;
  reason: string;
}

/**
 * The wizard's step list (`<nav scs-step-nav>`): each dimension with its answered/applicable count, the dimensions the
 * profile rules out, and the review step. It also moves between steps for the page ({@link go}): the `step` query
 * parameter changes, then the focus goes to the step's heading or to one question, scrolled into view.
 */
@Component({
  selector: 'nav[scs-step-nav]',
  imports: [TranslocoDirective, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './step-nav.component.html',
  styleUrl: './step-nav.component.css',
})
export class StepNavComponent {
  /** The catalogue in the UI language (dimension order, applicability rules of the dimensions left out). */
  readonly catalogue = input.required<PublicCatalogue>();
  /** The dimensions with questions that apply to the profile. */
  readonly steps = input.required<readonly WizardStep[]>();
  /** The dimension id of the current step, or "review". */
  readonly currentId = input.required<string>();
  readonly readOnly = input(false);

  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly lang = inject(LanguageService).current;
  /** Phone screens: the step list starts collapsed. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 760px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  protected readonly review = REVIEW_STEP;
  protected readonly current = computed(() => this.steps().find((s) => s.dimension.id === this.currentId()) ?? null);

  /**
   * Dimensions the firm's profile rules out entirely (e.g. D11 public procurement for a firm that does not bid): listed
   * as "not applicable" with the condition under which they are asked, so no step silently vanishes.
   */
  private readonly skipped = computed<{ dimension: PublicDimension; reason: string }[]>(() => {
    const c = this.catalogue();
    const lang = this.lang();
    const shown = new Set(this.steps().map((s) => s.dimension.id));
    return c.dimensions
      .filter((d) => !shown.has(d.id))
      .map((dimension) => {
        const rules = c.questions
          .filter((q) => q.dimension === dimension.id)
          .flatMap((q) => (q.applicability ? [q.applicability] : []));
        // Asked when any one of its questions applies: one clause, with the conditions of each question grouped.
        return { dimension, reason: describeAnyRule(rules, lang) };
      })
      .filter((s) => s.reason !== '');
  });

  /** The step list in catalogue order: each dimension either as a step or as "not applicable" with its reason. */
  protected readonly items = computed<StepListItem[]>(() => {
    const steps = new Map(this.steps().map((s) => [s.dimension.id, s]));
    const skipped = new Map(this.skipped().map((x) => [x.dimension.id, x.reason]));
    return this.catalogue()
      .dimensions.filter((d) => steps.has(d.id) || skipped.has(d.id))
      .map((dimension) => ({
        dimension,
        step: steps.get(dimension.id) ?? null,
        reason: skipped.get(dimension.id) ?? '',
      }));
  });

  /** Opens a step (its dimension id or "review") and then focuses its heading or one of its questions. */
  async go(stepId: string, focus: StepFocus = 'heading'): Promise<void> {
    await this.router.navigate([], { queryParams: { step: stepId }, queryParamsHandling: 'merge' });
    afterNextRender(
      () => {
        if (focus === 'heading') this.document.querySelector<HTMLElement>('#step-heading')?.focus();
        else void this.focusQuestion(focus.question);
      },
      { injector: this.injector },
    );
  }

  /**
   * Scrolls a question into view and puts the focus on its first option (or the question itself). The step's questions
   * may render a few frames after the step changed, so this waits for the element (up to about a second), and then
   * for the router's own scroll to the top.
   */
  private async focusQuestion(questionId: string): Promise<void> {
    const frame = () =>
      new Promise<void>((resolve) =>
        typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16),
      );
    let question: HTMLElement | null = null;
    for (let i = 0; i < 60 && !question; i++) {
      question = this.document.querySelector<HTMLElement>(`#q-${questionId}`);
      if (!question) await frame();
    }
    if (!question) return;
    // The router scrolls to the top after each navigation (scrollPositionRestoration: 'top'), one timer and one frame
    // after it ends: scroll to the question only after that, or the page jumps back up.
    await new Promise((resolve) => setTimeout(resolve, 60));
    await frame();
    const target =
      question.querySelector<HTMLElement>('input[type="radio"]:not([disabled])') ??
      question.querySelector<HTMLElement>('input, select, textarea, button');
    if (target) target.focus({ preventScroll: true });
    else {
      if (!question.hasAttribute('tabindex')) question.setAttribute('tabindex', '-1');
      question.focus({ preventScroll: true });
    }
    question.scrollIntoView?.({ block: 'center' });
  }
}
