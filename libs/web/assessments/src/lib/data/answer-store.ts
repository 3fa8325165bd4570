import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { describeError } from '@scs/web/core';
import { firstValueFrom } from 'rxjs';
import { answerFields, parseAnswer, type AnswerFields, type AnswerValue } from '@scs/shared/answers';
import { AssessmentsApi } from './assessments.api';
import type { AnswerConflict, AnswerInput, AnswerView, AssessmentView } from './assessment.types';

/** Quiet time after the last change before the pending answers go to the server in one request. */
export const AUTOSAVE_DEBOUNCE_MS = new InjectionToken<number>('AUTOSAVE_DEBOUNCE_MS', { factory: () => 600 });

/** An answer as the wizard holds it: the shared answer shape, encoded as sent (@scs/shared/answers), and the note. */
export interface LocalAnswer extends AnswerFields {
  note: string;
}

/** The single local mapper: an answer (or nothing) and a note → what the store holds and sends. */
const localAnswer = (value: AnswerValue | null, note: string | null | undefined): LocalAnswer => ({
  ...answerFields(value),
  note: note ?? '',
});

/** Who saved an answer last, and when. */
export interface LastEdit {
  by: string | null;
  userId: string;
  at: string;
}

/** Someone else saved this question since we loaded it: the user decides whose answer stays. */
export interface ConflictItem {
  questionId: string;
  mine: LocalAnswer;
  theirs: AnswerView | null;
}

/**
 * - `idle`: nothing changed yet; `pending`: changes wait for the debounce; `saving`: a request is in flight;
 * - `saved`: everything is on the server; `error`: the last save failed (changes kept, retry possible);
 * - `conflict`: everything else is saved, but conflicts wait for the user's decision.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

const EMPTY: LocalAnswer = localAnswer(null, '');

/**
 * The answers of one draft and their autosave. Every change shows at once; changes are batched into one
 * `PUT /answers` after a quiet period, one request at a time, each answer carrying the revision it was based on.
 * A 409 turns the affected questions into conflicts (nothing is overwritten or dropped); other failures keep the
 * changes pending until `retry()` or the next change.
 */
@Injectable()
export class AnswerStore {
  private readonly api = inject(AssessmentsApi);
  private readonly debounceMs = inject(AUTOSAVE_DEBOUNCE_MS);

  private assessmentId = '';
  private readonly revisions = new Map<string, number>();
  private readonly pending = new Map<string, LocalAnswer>();
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private readonly answersSignal = signal<Readonly<Record<string, LocalAnswer>>>({});
  private readonly lastEditSignal = signal<Readonly<Record<string, LastEdit>>>({});
  readonly answers = this.answersSignal.asReadonly();
  /** Who saved each answer last, as loaded or as reported in a conflict. */
  readonly lastEdit = this.lastEditSignal.asReadonly();
  readonly state = signal<SaveState>('idle');
  readonly error = signal<string | null>(null);
  /** True when the server refuses every save (e.g. the assessment was submitted meanwhile): retrying cannot help. */
  readonly readOnly = signal(false);
  readonly conflicts = signal<readonly ConflictItem[]>([]);
  readonly lastSavedAt = signal<Date | null>(null);
  readonly unsaved = computed(() => ['pending', 'saving', 'error', 'conflict'].includes(this.state()));

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      // Leaving the page: send what is pending right away instead of dropping it with the timer.
      if (this.timer) void this.flush();
    });
  }

  load(view: AssessmentView): void {
    this.assessmentId = view.id;
    this.revisions.clear();
    this.pending.clear();
    const answers: Record<string, LocalAnswer> = {};
    const edits: Record<string, LastEdit> = {};
    for (const a of view.answers) {
      this.revisions.set(a.questionId, a.revision);
      answers[a.questionId] = localAnswer(parseAnswer(a), a.note);
      edits[a.questionId] = { by: a.updatedByName ?? null, userId: a.updatedBy, at: a.updatedAt };
    }
    this.answersSignal.set(answers);
    this.lastEditSignal.set(edits);
    this.conflicts.set([]);
    this.error.set(null);
    this.readOnly.set(view.status !== 'draft');
    this.state.set('idle');
  }

  answer(questionId: string): LocalAnswer {
    return this.answersSignal()[questionId] ?? EMPTY;
  }

  /** Sets the answer (null clears it); the note stays. */
  setAnswer(questionId: string, value: AnswerValue | null): void {
    // The answer replaces the previous one of any kind (an option answer drops records and vice versa); the note stays.
    this.change(questionId, answerFields(value), true);
  }

  /** Sets an option id or "dont_know" (null clears the answer). */
  setOption(questionId: string, optionId: string | null): void {
    this.setAnswer(questionId, parseAnswer(optionId));
  }

  setNote(questionId: string, note: string): void {
    this.change(questionId, { note });
  }

  /** Sends pending changes now (the retry button; also called when leaving the page). */
  retry(): void {
    void this.flush();
  }

  /** Keep my answer: resend it on top of the other person's revision. */
  keepMine(questionId: string): void {
    const conflict = this.takeConflict(questionId);
    if (!conflict) return;
    this.revisions.set(questionId, conflict.theirs?.revision ?? 0);
    this.pending.set(questionId, this.answer(questionId));
    void this.flush();
  }

  /** Take the other person's answer: it is already saved, so only the local copy changes. */
  takeTheirs(questionId: string): void {
    const conflict = this.takeConflict(questionId);
    if (!conflict) return;
    const theirs = conflict.theirs;
    this.revisions.set(questionId, theirs?.revision ?? 0);
    this.answersSignal.update((all) => ({ ...all, [questionId]: localAnswer(parseAnswer(theirs), theirs?.note) }));
    this.settle();
  }

  /**
   * Saves everything pending and waits for it. True when all answers are on the server; false after an error or
   * while conflicts wait for a decision.
   */
  async whenSaved(): Promise<boolean> {
    this.clearTimer();
    for (;;) {
      if (this.inFlight) await this.inFlight;
      else if (this.pending.size) await this.flush();
      if (this.state() === 'error') return false;
      if (!this.inFlight && !this.pending.size) return this.conflicts().length === 0;
    }
  }

  private change(questionId: string, patch: Partial<LocalAnswer>, replace = false): void {
    if (this.readOnly()) return;
    const next = replace
      ? ({ ...patch, note: this.answer(questionId).note } as LocalAnswer)
      : { ...this.answer(questionId), ...patch };
    this.answersSignal.update((all) => ({ ...all, [questionId]: next }));
    if (this.conflicts().some((c) => c.questionId === questionId)) {
      // Still waiting for the user's decision: the new value becomes "mine" in that decision.
      this.conflicts.update((list) => list.map((c) => (c.questionId === questionId ? { ...c, mine: next } : c)));
      return;
    }
    this.pending.set(questionId, next);
    if (this.state() !== 'saving') this.state.set('pending');
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
  }

  private flush(): Promise<void> {
    this.clearTimer();
    // One request at a time: a second batch could carry a revision the first one is about to change.
    if (this.inFlight) return this.inFlight;
    if (!this.pending.size) {
      this.settle();
      return Promise.resolve();
    }
    const batch = new Map(this.pending);
    this.pending.clear();
    this.state.set('saving');
    const body: AnswerInput[] = [...batch].map(([questionId, a]) => ({
      questionId,
      ...answerFields(parseAnswer(a)),
      note: a.note,
      baseRevision: this.revisions.get(questionId) ?? 0,
    }));
    this.inFlight = firstValueFrom(this.api.saveAnswers(this.assessmentId, body))
      .then(
        (res) => {
          for (const s of res.saved) this.revisions.set(s.questionId, s.revision);
          this.error.set(null);
          this.lastSavedAt.set(new Date());
        },
        (err: unknown) => this.failed(batch, err),
      )
      .finally(() => {
        this.inFlight = null;
        // Changes made while the request was in flight go out now, unless their debounce is still running.
        if (this.pending.size && !this.timer && this.state() !== 'error') void this.flush();
        else this.settle();
      });
    return this.inFlight;
  }

  private failed(batch: Map<string, LocalAnswer>, err: unknown): void {
    const conflicts =
      err instanceof HttpErrorResponse && err.status === 409
        ? ((err.error?.conflicts as AnswerConflict[] | undefined) ?? null)
        : null;
    if (conflicts?.length) {
      const conflicted = new Set(conflicts.map((c) => c.questionId));
      // Nothing of the batch was saved: the answers without a conflict go out again.
      for (const [q, a] of batch) if (!conflicted.has(q) && !this.pending.has(q)) this.pending.set(q, a);
      for (const q of conflicted) this.pending.delete(q);
      const added = conflicts.map((c) => ({
        questionId: c.questionId,
        mine: this.answer(c.questionId),
        theirs: c.current,
      }));
      this.conflicts.update((list) => [...list.filter((c) => !conflicted.has(c.questionId)), ...added]);
      this.lastEditSignal.update((all) => {
        const next = { ...all };
        for (const c of conflicts)
          if (c.current)
            next[c.questionId] = {
              by: c.current.updatedByName ?? null,
              userId: c.current.updatedBy,
              at: c.current.updatedAt,
            };
        return next;
      });
      this.error.set(null);
      return;
    }
    // Keep the failed answers unless the user changed them again meanwhile (the newer value wins).
    for (const [q, a] of batch) if (!this.pending.has(q)) this.pending.set(q, a);
    if (err instanceof HttpErrorResponse && err.status === 409) this.readOnly.set(true);
    this.error.set(describeError(err).message);
    this.state.set('error');
  }

  private takeConflict(questionId: string): ConflictItem | undefined {
    const conflict = this.conflicts().find((c) => c.questionId === questionId);
    if (conflict) this.conflicts.update((list) => list.filter((c) => c.questionId !== questionId));
    return conflict;
  }

  /** The state once nothing is in flight. */
  private settle(): void {
    if (this.inFlight) return;
    if (this.state() === 'error' && this.pending.size) return;
    if (this.pending.size) this.state.set('pending');
    else if (this.conflicts().length) this.state.set('conflict');
    else if (this.state() !== 'idle' || this.lastSavedAt()) this.state.set('saved');
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
