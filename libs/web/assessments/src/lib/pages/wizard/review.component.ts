import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { ScoreResult } from '@scs/shared/scoring';
import type { PublicQuestion } from '@scs/web/catalogue';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { firstValueFrom } from 'rxjs';
import { AnswerStore } from '../../data/answer-store';
import type { AssessmentView } from '../../data/assessment.types';
import { AssessmentsApi } from '../../data/assessments.api';
import { ConsentChoiceComponent } from '../../sharing/consent-choice.component';
import { ResearchQuestionsComponent } from '../../sharing/research-questions.component';
import type { OpenQuestions } from './wizard-step';

/**
 * The wizard's last step: the sharing question (and the research questions while research consent is active), what is
 * still open, and the submission. A submitted assessment shows its summary, the link to the result and the research
 * answers read-only. Uses the page's {@link AnswerStore} (open conflicts; answers saved before submitting).
 */
@Component({
  selector: 'scs-wizard-review',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    ErrorBoxComponent,
    ConsentChoiceComponent,
    ResearchQuestionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review.component.html',
  styleUrl: './review.component.css',
})
export class ReviewComponent {
  readonly assessment = input.required<AssessmentView>();
  /** The live score of the draft (answered, applicable, "don't know"). */
  readonly score = input.required<ScoreResult>();
  readonly readOnly = input(false);
  /** The applicable questions still open, per step. */
  readonly missing = input<readonly OpenQuestions[]>([]);
  /** A listed open question was chosen. */
  readonly jump = output<PublicQuestion>();
  /** "Go to the first open question". */
  readonly firstOpen = output<void>();
  /** The server refused the submission (422): the questions it names as still open. */
  readonly refused = output<readonly string[]>();

  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(AnswerStore);

  protected readonly missingCount = computed(() => this.missing().reduce((n, g) => n + g.questions.length, 0));
  protected readonly canSubmit = computed(
    () => !this.readOnly() && this.missingCount() === 0 && this.store.conflicts().length === 0,
  );
  /** The firm's research consent as the sharing question reports it; the research questions are asked only while it is active. */
  protected readonly researchConsent = signal(false);
  private readonly researchQuestions = viewChild(ResearchQuestionsComponent);
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!this.canSubmit() || this.submitting()) return;
    const id = this.assessment().id;
    this.submitting.set(true);
    this.submitError.set(null);
    try {
      if (!(await this.store.whenSaved()) || !((await this.researchQuestions()?.whenSaved()) ?? true)) {
        this.submitError.set(this.transloco.translate('assessments.wizard.saveBeforeSubmit'));
        return;
      }
      await firstValueFrom(this.api.submit(id));
      await this.router.navigate(['/assessments', id, 'result']);
    } catch (e) {
      const err = describeError(e);
      if (err.status === 422) {
        const body = (e as { error?: { unanswered?: string[] } }).error;
        this.refused.emit(body?.unanswered ?? []);
      }
      this.submitError.set(err.message);
    } finally {
      this.submitting.set(false);
    }
  }
}
