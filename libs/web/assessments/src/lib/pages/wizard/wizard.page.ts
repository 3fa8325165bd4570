import { LiveAnnouncer } from '@angular/cdk/a11y';
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { isApplicable, type FirmProfile, type LevelId } from '@scs/shared/catalogue';
import { isAnswered, parseAnswer, recordsAnswer, type AdverseRecord } from '@scs/shared/answers';
import {
  catalogueResource,
  describeRule,
  indexCatalogue,
  pick,
  resourceValue,
  type PublicDimension,
  type PublicPortal,
  type PublicQuestion,
  type PublicReference,
} from '@scs/web/catalogue';
import { LanguageService, SessionService, describeError } from '@scs/web/core';
import {
  ErrorBoxComponent,
  LevelBadgeComponent,
  LoadingComponent,
  LocalDatePipe,
  ScoreBarsComponent,
  formatScore,
  type ScoreBar,
} from '@scs/web/ui';
import { firstValueFrom, map, of } from 'rxjs';
import { AnswerStore, type LastEdit } from '../../data/answer-store';
import { AssessmentsApi } from '../../data/assessments.api';
import { scoreDraft } from '../../data/live-score';
import { FirmGateComponent, firmAccess } from '../../firm-gate.component';
import { ConsentChoiceComponent } from '../../sharing/consent-choice.component';
import { ResearchQuestionsComponent } from '../../sharing/research-questions.component';
import { ConflictDialogComponent, type ConflictChoice, type ConflictDialogData } from './conflict.dialog';
import { ProfilePanelComponent } from './profile-panel.component';
import { QuestionComponent } from './question.component';

export const REVIEW_STEP = 'review';

interface Step {
  dimension: PublicDimension;
  questions: PublicQuestion[];
  answered: number;
}

/**
 * The self-check wizard: one dimension per step, autosaved answers, a live score preview, the draft's profile and
 * submission. A submitted assessment opens read-only.
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
    ScoreBarsComponent,
    LocalDatePipe,
    FirmGateComponent,
    QuestionComponent,
    ProfilePanelComponent,
    ConsentChoiceComponent,
    ResearchQuestionsComponent,
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
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly store = inject(AnswerStore);
  private readonly session = inject(SessionService);
  private readonly lang = inject(LanguageService).current;

  protected readonly access = firmAccess();
  private readonly breakpoints = inject(BreakpointObserver);
  /** Narrow screens: the preview sits above the questions, so its per-dimension list starts collapsed. */
  protected readonly compactPreview = toSignal(
    this.breakpoints.observe('(max-width: 1100px)').pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  /** Phone screens: the step list starts collapsed too. */
  protected readonly compactNav = toSignal(this.breakpoints.observe('(max-width: 760px)').pipe(map((s) => s.matches)), {
    initialValue: false,
  });
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
  protected readonly index = computed(() => {
    const c = resourceValue(this.catalogue);
    return c ? indexCatalogue(c) : null;
  });

  /** The draft's profile; replaced by the server's answer to each profile change. */
  protected readonly profile = linkedSignal<FirmProfile | null>(() => this.assessment()?.profile ?? null);
  protected readonly readOnly = computed(() => this.assessment()?.status !== 'draft' || this.store.readOnly());
  protected readonly changed = computed(() => new Set(this.assessment()?.changedQuestions ?? []));

  protected readonly steps = computed<Step[]>(() => {
    const c = resourceValue(this.catalogue);
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
  /**
   * Dimensions the firm's profile rules out entirely (e.g. D11 public procurement for a firm that does not bid): listed
   * in the step list as "not applicable" with the condition under which they are asked, so no step silently vanishes.
   */
  protected readonly skipped = computed<{ dimension: PublicDimension; reason: string }[]>(() => {
    const c = resourceValue(this.catalogue);
    if (!c || !this.profile()) return [];
    const lang = this.lang();
    const shown = new Set(this.steps().map((s) => s.dimension.id));
    return c.dimensions
      .filter((d) => !shown.has(d.id))
      .map((dimension) => {
        const rules = c.questions
          .filter((q) => q.dimension === dimension.id && q.applicability)
          .map((q) => (q.applicability ? describeRule(q.applicability, lang) : ''));
        return {
          dimension,
          reason: [...new Set(rules)].join(lang === 'de' ? ' oder ' : lang === 'zh' ? '或' : ' or '),
        };
      })
      .filter((s) => s.reason !== '');
  });
  /** The step list in catalogue order: each dimension either as a step or as "not applicable" with its reason. */
  protected readonly navItems = computed<{ dimension: PublicDimension; step: Step | null; reason: string }[]>(() => {
    const c = resourceValue(this.catalogue);
    if (!c) return [];
    const steps = new Map(this.steps().map((s) => [s.dimension.id, s]));
    const skipped = new Map(this.skipped().map((x) => [x.dimension.id, x.reason]));
    return c.dimensions
      .filter((d) => steps.has(d.id) || skipped.has(d.id))
      .map((dimension) => ({
        dimension,
        step: steps.get(dimension.id) ?? null,
        reason: skipped.get(dimension.id) ?? '',
      }));
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
    const types = new Map((resourceValue(this.catalogue)?.recordTypes ?? []).map((r) => [r.id, r]));
    return (this.current()?.questions ?? []).map((q) => ({
      question: q,
      portals: citations.get(q.id)?.portals ?? [],
      references: citations.get(q.id)?.references ?? [],
      recordType: (q.record ? types.get(q.record) : undefined) ?? null,
    }));
  });

  protected readonly live = computed(() => {
    const c = resourceValue(this.catalogue);
    const profile = this.profile();
    return c && profile ? scoreDraft(c, profile, this.store.answers()) : null;
  });
  protected readonly liveBars = computed<ScoreBar[]>(() => {
    const live = this.live();
    if (!live) return [];
    const byId = new Map(live.dimensions.map((d) => [d.dimensionId, d]));
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
  protected readonly currentLive = computed(
    () => this.live()?.dimensions.find((d) => d.dimensionId === this.currentId()) ?? null,
  );
  protected readonly missing = computed(() => {
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
  protected readonly missingCount = computed(() => this.missing().reduce((n, g) => n + g.questions.length, 0));
  protected readonly canSubmit = computed(
    () => !this.readOnly() && this.live() !== null && this.missingCount() === 0 && this.store.conflicts().length === 0,
  );

  /** The firm's research consent as the sharing question reports it; the research questions are asked only while it is active. */
  protected readonly researchConsent = signal(false);
  private readonly researchQuestions = viewChild(ResearchQuestionsComponent);

  protected readonly submitting = signal(false);
  protected readonly submitError = signal<string | null>(null);
  private readonly serverUnanswered = signal<readonly string[]>([]);
  protected readonly highlightMissing = signal(false);
  protected readonly profileBusy = signal(false);
  protected readonly profileError = signal<string | null>(null);
  private conflictOpen = false;

  protected readonly format = formatScore;
  protected readonly review = REVIEW_STEP;

  constructor() {
    effect(() => {
      const v = this.assessment();
      if (v) untracked(() => this.store.load(v));
    });
    // One dialog per conflicting answer, one after the other.
    effect(() => {
      const next = this.store.conflicts()[0];
      if (next && this.index()) untracked(() => void this.openConflict());
    });
  }

  /** The last edit of a question if a colleague made it (your own are not worth a line). */
  protected colleagueEdit(questionId: string): LastEdit | undefined {
    const edit = this.store.lastEdit()[questionId];
    return edit && edit.userId !== this.session.user()?.id ? edit : undefined;
  }

  protected answered(q: PublicQuestion): boolean {
    return isAnswered(this.store.answers()[q.id]);
  }

  protected level(l: string | null | undefined): LevelId | null {
    return (l as LevelId | null | undefined) ?? null;
  }

  protected async go(stepId: string, focus: 'heading' | { question: string } = 'heading'): Promise<void> {
    await this.router.navigate([], { queryParams: { step: stepId }, queryParamsHandling: 'merge' });
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        if (focus === 'heading') {
          root.querySelector<HTMLElement>('#step-heading')?.focus();
        } else {
          void this.focusQuestion(focus.question);
        }
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
    const root = this.host.nativeElement;
    const frame = () =>
      new Promise<void>((resolve) =>
        typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16),
      );
    let question: HTMLElement | null = null;
    for (let i = 0; i < 60 && !question; i++) {
      question = root.querySelector<HTMLElement>(`#q-${questionId}`);
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

  protected next(): void {
    const steps = this.steps();
    const i = this.currentIndex();
    void this.go(i >= 0 && i < steps.length - 1 ? (steps[i + 1]?.dimension.id ?? REVIEW_STEP) : REVIEW_STEP);
  }

  protected previous(): void {
    const steps = this.steps();
    const i = this.currentId() === REVIEW_STEP ? steps.length : this.currentIndex();
    const prev = steps[i - 1];
    if (prev) void this.go(prev.dimension.id);
  }

  protected goToQuestion(q: PublicQuestion): void {
    void this.go(q.dimension, { question: q.id });
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

  protected async submit(): Promise<void> {
    if (!this.canSubmit() || this.submitting()) return;
    this.submitting.set(true);
    this.submitError.set(null);
    try {
      if (!(await this.store.whenSaved()) || !((await this.researchQuestions()?.whenSaved()) ?? true)) {
        this.submitError.set(this.transloco.translate('assessments.wizard.saveBeforeSubmit'));
        return;
      }
      await firstValueFrom(this.api.submit(this.id()));
      await this.router.navigate(['/assessments', this.id(), 'result']);
    } catch (e) {
      const err = describeError(e);
      if (err.status === 422) {
        const body = (e as { error?: { unanswered?: string[] } }).error;
        this.serverUnanswered.set(body?.unanswered ?? []);
        this.highlightMissing.set(true);
      }
      this.submitError.set(err.message);
    } finally {
      this.submitting.set(false);
    }
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

  private async openConflict(): Promise<void> {
    const conflict = this.store.conflicts()[0];
    const index = this.index();
    const orgId = this.assessment()?.orgId;
    if (this.conflictOpen || !conflict || !index) return;
    this.conflictOpen = true;
    // The conflict names the other person by user id only: look the name up among the firm's members.
    let theirs = conflict.theirs;
    if (theirs && !theirs.updatedByName && orgId)
      theirs = { ...theirs, updatedByName: (await this.memberName(orgId, theirs.updatedBy)) ?? null };
    const question = index.questions.get(conflict.questionId);
    const dontKnow = this.transloco.translate('assessments.question.dontKnow');
    const none = this.transloco.translate('assessments.conflict.noAnswer');
    const data: ConflictDialogData = {
      conflict: { ...conflict, theirs },
      theirsAreMine: !!theirs && theirs.updatedBy === this.session.user()?.id,
      question: question?.text ?? conflict.questionId,
      optionLabel: (optionId) => {
        const value = parseAnswer(optionId);
        if (!value) return none;
        if (value.kind === 'dontKnow') return dontKnow;
        if (value.kind === 'records') return this.transloco.translate('assessments.question.withRecords');
        return question?.options.find((o) => o.id === value.optionId)?.label ?? value.optionId;
      },
    };
    this.dialog
      .open<ConflictDialogComponent, ConflictDialogData, ConflictChoice>(ConflictDialogComponent, {
        data,
        injector: this.injector,
        disableClose: true,
        maxWidth: '640px',
      })
      .afterClosed()
      .subscribe((choice) => {
        this.conflictOpen = false;
        if (choice === 'theirs') this.store.takeTheirs(conflict.questionId);
        else this.store.keepMine(conflict.questionId);
      });
  }

  private memberNames: Promise<Map<string, string>> | null = null;

  private async memberName(orgId: string, userId: string): Promise<string | undefined> {
    this.memberNames ??= firstValueFrom(this.api.members(orgId)).then(
      (members) => new Map(members.map((m) => [m.userId, m.name])),
      () => new Map<string, string>(),
    );
    return (await this.memberNames).get(userId);
  }
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
