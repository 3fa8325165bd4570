import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { isApplicable, type FirmProfile } from '@scs/shared/catalogue';
import { isAnswered, recordsAnswer, type AdverseRecord } from '@scs/shared/answers';
import {
  catalogueResource,
  indexCatalogue,
  pick,
  resourceValue,
  type PublicPortal,
  type PublicQuestion,
  type PublicReference,
} from '@scs/web/catalogue';
import { SessionService, describeError } from '@scs/web/core';
import { ErrorBoxComponent, LevelBadgeComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { firstValueFrom, of } from 'rxjs';
import { AnswerStore, type LastEdit } from '../../data/answer-store';
import { AssessmentsApi } from '../../data/assessments.api';
import { scoreDraft } from '../../data/live-score';
import { FirmGateComponent, firmAccess } from '../../firm-gate.component';
import { resolveConflicts } from './conflict.dialog';
import { ProfilePanelComponent } from './profile-panel.component';
import { LivePreviewComponent } from './live-preview.component';
import { QuestionComponent } from './question.component';
import { ReviewComponent } from './review.component';
import { StepNavComponent } from './step-nav.component';
import { REVIEW_STEP, type OpenQuestions, type StepFocus, type WizardStep } from './wizard-step';

export { REVIEW_STEP } from './wizard-step';

/**
 * The self-check wizard: one dimension per step, autosaved answers, a live score preview, the draft's profile and
 * submission. A submitted assessment opens read-only. The page coordinates: it loads the assessment and its catalogue,
 * works out the steps, and renders the step list ({@link StepNavComponent}, which also moves between steps and
 * focuses), the current step's questions ({@link QuestionComponent}) or the review ({@link ReviewComponent}), and the
 * live score ({@link LivePreviewComponent}).
 */
@Component({
  selector: 'scs-wizard-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatExpansionModule,
    LoadingComponent,
    ErrorBoxComponent,
    LevelBadgeComponent,
    LocalDatePipe,
    FirmGateComponent,
    QuestionComponent,
    ProfilePanelComponent,
    StepNavComponent,
    ReviewComponent,
    LivePreviewComponent,
  ],
  providers: [AnswerStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wizard.page.html',
  styleUrl: './wizard.page.css',
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
})
export class WizardPage {
  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter: the dimension id of the current step, or "review". */
  readonly step = input<string | undefined>(undefined);

  private readonly api = inject(AssessmentsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly store = inject(AnswerStore);
  private readonly session = inject(SessionService);

  protected readonly access = firmAccess();
  protected readonly view = rxResource({
    params: () => (this.access().state === 'firm' ? this.id() : undefined),
    stream: ({ params }) => (params ? this.api.get(params) : of(null)),
  });
  protected readonly assessment = computed(() => resourceValue(this.view) ?? null);
  protected readonly loadError = computed(() => (this.view.error() ? describeError(this.view.error()).message : null));
  protected readonly catalogue = catalogueResource(() => this.assessment()?.catalogueVersion);
  protected readonly catalogueError = computed(() =>
    this.catalogue.error() ? describeError(this.catalogue.error()).message : null,
  );
  /** The catalogue in the UI language, once loaded. */
  protected readonly catalogueData = computed(() => resourceValue(this.catalogue) ?? null);
  protected readonly index = computed(() => {
    const c = this.catalogueData();
    return c ? indexCatalogue(c) : null;
  });

  /** The draft's profile; replaced by the server's answer to each profile change. */
  protected readonly profile = linkedSignal<FirmProfile | null>(() => this.assessment()?.profile ?? null);
  protected readonly readOnly = computed(() => this.assessment()?.status !== 'draft' || this.store.readOnly());
  protected readonly changed = computed(() => new Set(this.assessment()?.changedQuestions ?? []));

  protected readonly steps = computed<WizardStep[]>(() => {
    const c = this.catalogueData();
    const profile = this.profile();
    if (!c || !profile) return [];
    const answers = this.store.answers();
    const applicable = c.questions.filter((q) => isApplicable(q.applicability, profile));
    return c.dimensions
      .map((dimension) => {
        const questions = applicable.filter((q) => q.dimension === dimension.id);
        return { dimension, questions, answered: questions.filter((q) => isAnswered(answers[q.id])).length };
      })
      .filter((s) => s.questions.length > 0);
  });
  protected readonly currentId = computed(() => {
    const s = this.step();
    const steps = this.steps();
    if (s === REVIEW_STEP) return REVIEW_STEP;
    return steps.some((x) => x.dimension.id === s) ? (s as string) : (steps[0]?.dimension.id ?? REVIEW_STEP);
  });
  protected readonly currentIndex = computed(() => this.steps().findIndex((s) => s.dimension.id === this.currentId()));
  protected readonly current = computed(() => this.steps()[this.currentIndex()] ?? null);
  /** Portals and references each question cites, resolved once per catalogue (stable inputs for the question cards). */
  private readonly citations = computed(() => {
    const index = this.index();
    if (!index) return new Map<string, { portals: PublicPortal[]; references: PublicReference[] }>();
    return new Map(
      [...index.questions.values()].map((q) => [
        q.id,
        { portals: pick(index.portals, q.portals), references: pick(index.references, q.references) },
      ]),
    );
  });
  /** The current step's questions with what they cite. */
  protected readonly currentItems = computed(() => {
    const citations = this.citations();
    const types = new Map((this.catalogueData()?.recordTypes ?? []).map((r) => [r.id, r]));
    return (this.current()?.questions ?? []).map((q) => ({
      question: q,
      portals: citations.get(q.id)?.portals ?? [],
      references: citations.get(q.id)?.references ?? [],
      recordType: (q.record ? types.get(q.record) : undefined) ?? null,
    }));
  });

  protected readonly live = computed(() => {
    const c = this.catalogueData();
    const profile = this.profile();
    return c && profile ? scoreDraft(c, profile, this.store.answers()) : null;
  });
  protected readonly currentLive = computed(
    () => this.live()?.dimensions.find((d) => d.dimensionId === this.currentId()) ?? null,
  );
  protected readonly missing = computed<OpenQuestions[]>(() => {
    const live = this.live();
    const index = this.index();
    if (!live || !index) return [];
    const open = new Set(
      [...live.unanswered, ...this.serverUnanswered()].filter((id) => !isAnswered(this.store.answers()[id])),
    );
    return this.steps()
      .map((s) => ({ step: s, questions: s.questions.filter((q) => open.has(q.id)) }))
      .filter((g) => g.questions.length > 0);
  });

  /** The step list; it also moves between steps. */
  private readonly nav = viewChild(StepNavComponent);
  private readonly serverUnanswered = signal<readonly string[]>([]);
  protected readonly highlightMissing = signal(false);
  protected readonly profileBusy = signal(false);
  protected readonly profileError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const v = this.assessment();
      if (v) untracked(() => this.store.load(v));
    });
    resolveConflicts(
      this.store,
      this.index,
      computed(() => this.assessment()?.orgId),
    );
  }

  /** The last edit of a question if a colleague made it (your own are not worth a line). */
  protected colleagueEdit(questionId: string): LastEdit | undefined {
    const edit = this.store.lastEdit()[questionId];
    return edit && edit.userId !== this.session.user()?.id ? edit : undefined;
  }

  protected answered(q: PublicQuestion): boolean {
    return isAnswered(this.store.answers()[q.id]);
  }

  private go(stepId: string, focus: StepFocus = 'heading'): void {
    void this.nav()?.go(stepId, focus);
  }

  protected next(): void {
    const steps = this.steps();
    const i = this.currentIndex();
    this.go(i >= 0 && i < steps.length - 1 ? (steps[i + 1]?.dimension.id ?? REVIEW_STEP) : REVIEW_STEP);
  }

  protected previous(): void {
    const steps = this.steps();
    const i = this.currentId() === REVIEW_STEP ? steps.length : this.currentIndex();
    const prev = steps[i - 1];
    if (prev) this.go(prev.dimension.id);
  }

  protected goToQuestion(q: PublicQuestion): void {
    this.go(q.dimension, { question: q.id });
  }

  protected firstMissing(): void {
    const first = this.missing()[0]?.questions[0];
    this.highlightMissing.set(true);
    if (first) this.goToQuestion(first);
  }

  protected setOption(q: PublicQuestion, optionId: string): void {
    this.store.setOption(q.id, optionId);
  }

  /** Dated adverse records as the answer (an empty list: no such record). */
  protected setRecords(q: PublicQuestion, records: AdverseRecord[]): void {
    this.store.setAnswer(q.id, recordsAnswer(records));
  }

  protected async changeProfile(patch: Partial<FirmProfile>): Promise<void> {
    const previous = this.profile();
    if (this.readOnly() || !previous) return;
    this.profileBusy.set(true);
    this.profileError.set(null);
    const before = this.steps().reduce((n, s) => n + s.questions.length, 0);
    // Save answers first: the server refuses answers to questions that no longer apply after the change.
    await this.store.whenSaved();
    try {
      const updated = await firstValueFrom(this.api.updateProfile(this.id(), patch));
      this.profile.set(updated.profile);
      const after = this.steps().reduce((n, s) => n + s.questions.length, 0);
      void this.announcer.announce(
        this.transloco.translate('assessments.wizard.profileApplied', { count: after, change: signed(after - before) }),
      );
    } catch (e) {
      this.profileError.set(describeError(e).message);
      this.profile.set({ ...previous }); // re-render the fields with the values still in force
    } finally {
      this.profileBusy.set(false);
    }
  }

  /** The server refused the submission and named the questions still open: list and mark them. */
  protected refused(unanswered: readonly string[]): void {
    this.serverUnanswered.set(unanswered);
    this.highlightMissing.set(true);
  }

  /** Route guard: save before leaving; ask if that is not possible. */
  async canLeave(): Promise<boolean> {
    if (!this.store.unsaved()) return true;
    if (await this.store.whenSaved()) return true;
    return confirm(this.transloco.translate('assessments.wizard.leaveUnsaved'));
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.store.unsaved()) {
      this.store.retry();
      event.preventDefault();
    }
  }
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
