import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ResearchModule, ResearchModuleQuestion } from '@scs/shared/disclosure';
import { LanguageService, describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';
import { firstValueFrom } from 'rxjs';
import { SharingApi } from '../data/sharing.api';

type Answers = Record<string, string | string[]>;

/** Whether a question is asked, given the answers so far (its `showIf` names an earlier single-choice question). */
export function isShown(q: ResearchModuleQuestion, answers: Answers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  return typeof given === 'string' && q.showIf.in.includes(given);
}

/** Drops answers to questions that are no longer asked (the server would refuse them in the research record). */
export function withoutHidden(module: ResearchModule, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of module.questions) {
    const given = answers[q.id];
    if (given !== undefined && isShown(q, out)) out[q.id] = given;
  }
  return out;
}

/**
 * The research team's own questions (optional, unscored), asked only while the firm's research consent is active.
 * Each change is saved at once; a submitted assessment shows the firm's answers read-only.
 */
@Component({
  selector: 'scs-research-questions',
  imports: [
    TranslocoDirective,
    MatRadioModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    ErrorBoxComponent,
    LoadingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './research-questions.component.html',
  styleUrl: './research-questions.component.css',
  // Read-only without answers (e.g. a firm that did not consent): nothing to show, not even the frame.
  host: { '[class.is-empty]': 'emptyReadOnly()' },
})
export class ResearchQuestionsComponent {
  readonly assessmentId = input.required<string>();
  readonly catalogueVersion = input.required<string>();
  readonly readOnly = input(false);

  private readonly api = inject(SharingApi);
  protected readonly language = inject(LanguageService);

  protected readonly module = signal<ResearchModule | null>(null);
  protected readonly answers = signal<Answers>({});
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  /** No module for this catalogue version: nothing to ask. */
  protected readonly none = signal(false);
  protected readonly state = signal<'idle' | 'saving' | 'saved' | 'error'>('idle');
  protected readonly saveError = signal<string | null>(null);

  protected readonly questions = computed(() => {
    const m = this.module();
    const answers = this.answers();
    return m ? m.questions.filter((q) => isShown(q, answers)) : [];
  });
  protected readonly answeredCount = computed(() => Object.keys(this.answers()).length);
  protected readonly emptyReadOnly = computed(
    () => this.readOnly() && !this.loading() && !this.loadError() && (this.none() || this.answeredCount() === 0),
  );

  private saving: Promise<void> | null = null;
  private dirty = false;

  constructor() {
    effect(() => {
      const id = this.assessmentId();
      const version = this.catalogueVersion();
      untracked(() => void this.load(id, version));
    });
  }

  protected text(t: { en: string; de: string } | undefined): string {
    return t ? (this.language.current() === 'de' ? t.de : t.en) : '';
  }

  async load(id = this.assessmentId(), version = this.catalogueVersion()): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const [module, saved] = await Promise.all([
        firstValueFrom(this.api.researchModule(version)).catch((e: unknown) => {
          if (describeError(e).status === 404) return null;
          throw e;
        }),
        firstValueFrom(this.api.researchAnswers(id)),
      ]);
      this.none.set(module === null);
      this.module.set(module);
      this.answers.set(saved.answers);
    } catch (e) {
      this.loadError.set(describeError(e).message);
    } finally {
      this.loading.set(false);
    }
  }

  protected single(q: ResearchModuleQuestion): string | null {
    const v = this.answers()[q.id];
    return typeof v === 'string' ? v : null;
  }

  protected checked(q: ResearchModuleQuestion, optionId: string): boolean {
    const v = this.answers()[q.id];
    return Array.isArray(v) && v.includes(optionId);
  }

  protected setSingle(q: ResearchModuleQuestion, optionId: string | null): void {
    this.change(q, optionId);
  }

  protected toggle(q: ResearchModuleQuestion, optionId: string, on: boolean): void {
    const current = this.answers()[q.id];
    const list = Array.isArray(current) ? current.filter((x) => x !== optionId) : [];
    const next = on ? [...list, optionId] : list;
    // Keep the catalogue's option order, so the stored list does not depend on the order of clicks.
    const order = q.options.map((o) => o.id);
    this.change(q, next.length ? next.sort((a, b) => order.indexOf(a) - order.indexOf(b)) : null);
  }

  private change(q: ResearchModuleQuestion, value: string | string[] | null): void {
    const m = this.module();
    if (!m || this.readOnly()) return;
    const next: Answers = { ...this.answers() };
    if (value === null) delete next[q.id];
    else next[q.id] = value;
    this.answers.set(withoutHidden(m, next));
    void this.save();
  }

  /** Saves the latest answers; concurrent changes are sent one after the other, the last one wins. */
  save(): Promise<void> {
    this.dirty = true;
    this.saving ??= this.flush().finally(() => (this.saving = null));
    return this.saving;
  }

  /** Resolves true once nothing is left to save (the wizard waits for it before submitting). */
  async whenSaved(): Promise<boolean> {
    if (this.saving) await this.saving;
    return this.state() !== 'error';
  }

  private async flush(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      this.state.set('saving');
      this.saveError.set(null);
      try {
        await firstValueFrom(this.api.saveResearchAnswers(this.assessmentId(), this.answers()));
        this.state.set('saved');
      } catch (e) {
        this.state.set('error');
        this.saveError.set(describeError(e).message);
        return;
      }
    }
  }
}
