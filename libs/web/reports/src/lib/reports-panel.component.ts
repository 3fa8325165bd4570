import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { ClipboardModule } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { ReportLocale, ReportView } from '@scs/shared/contracts';
import { LanguageService, describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { firstValueFrom } from 'rxjs';
import { ReportsApi, formatBytes, isPending, pollDelay } from './reports.api';

/** Texts of this library (scope "reports"). */
export const reportsScope = {
  scope: 'reports',
  loader: {
    en: () => import('./i18n/en.json'),
    de: () => import('./i18n/de.json'),
    zh: () => import('./i18n/zh.json'),
  },
};

export const REPORT_LOCALES: readonly { id: ReportLocale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'de', label: 'Deutsch' },
  { id: 'zh', label: '中文' },
];

/**
 * The PDF reports of one submitted assessment: choose the language, generate, follow the progress, download; and the
 * earlier reports with their SHA-256. Rendered on the result page through ASSESSMENT_RESULT_EXTENSIONS.
 */
@Component({
  selector: 'scs-reports-panel',
  imports: [
    TranslocoDirective,
    ClipboardModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  providers: [provideTranslocoScope(reportsScope)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports-panel.component.html',
  styleUrl: './reports-panel.component.css',
})
export class ReportsPanelComponent {
  readonly assessmentId = input.required<string>();
  /** Given by the result page; the reports API finds the organisation from the assessment. */
  readonly orgId = input<string | null>(null);

  private readonly api = inject(ReportsApi);
  private readonly language = inject(LanguageService);
  protected readonly locales = REPORT_LOCALES;

  /** The report language: the UI language until the user picks one. */
  protected readonly locale = linkedSignal<ReportLocale>(() => {
    const lang = this.language.current();
    return (REPORT_LOCALES.some((l) => l.id === lang) ? lang : 'en') as ReportLocale;
  });
  protected readonly reports = signal<ReportView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly requesting = signal(false);
  protected readonly requestError = signal<string | null>(null);
  /** The report asked for on this page (shown with its progress), if any. */
  protected readonly currentId = signal<string | null>(null);
  protected readonly current = computed(() => this.reports().find((r) => r.id === this.currentId()) ?? null);
  protected readonly copied = signal<string | null>(null);
  protected readonly pollError = signal<string | null>(null);
  /** False when the server has no Chromium: the panel then says what an operator must install instead of queueing. */
  protected readonly renderingAvailable = signal(true);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private polls = 0;
  private destroyed = false;

  protected readonly pending = isPending;
  protected readonly bytes = formatBytes;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stopPolling();
    });
    void this.checkRendering();
    effect(() => {
      const id = this.assessmentId();
      untracked(() => void this.load(id));
    });
  }

  protected pdfUrl(r: ReportView): string {
    return this.api.pdfUrl(r.id);
  }

  protected localeLabel(id: string): string {
    return this.locales.find((l) => l.id === id)?.label ?? id;
  }

  protected shortSha(sha: string): string {
    return sha.slice(0, 12);
  }

  async load(assessmentId = this.assessmentId()): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const list = await firstValueFrom(this.api.list(assessmentId));
      if (this.destroyed) return;
      this.reports.set(list);
      this.schedulePoll();
    } catch (e) {
      this.loadError.set(describeError(e).message);
    } finally {
      this.loading.set(false);
    }
  }

  /** Asked once per panel; if the answer cannot be had, generating stays possible and the server decides. */
  private async checkRendering(): Promise<void> {
    try {
      const rendering = await firstValueFrom(this.api.rendering());
      if (!this.destroyed) this.renderingAvailable.set(rendering.status !== 'unavailable');
    } catch {
      // unknown: keep the button; a request then answers with the reason
    }
  }

  /** Asks for the report in the chosen language (or again for a failed one). */
  async generate(locale: ReportLocale = this.locale()): Promise<void> {
    if (this.requesting() || !this.renderingAvailable()) return;
    this.requesting.set(true);
    this.requestError.set(null);
    try {
      const report = await firstValueFrom(this.api.request(this.assessmentId(), locale));
      if (this.destroyed) return;
      this.upsert(report);
      this.currentId.set(report.id);
      this.polls = 0;
      this.schedulePoll();
    } catch (e) {
      this.requestError.set(describeError(e).message);
    } finally {
      this.requesting.set(false);
    }
  }

  protected copy(sha: string): void {
    this.copied.set(sha);
    setTimeout(() => {
      if (this.copied() === sha) this.copied.set(null);
    }, 2500);
  }

  private upsert(report: ReportView): void {
    this.reports.update((list) =>
      list.some((r) => r.id === report.id) ? list.map((r) => (r.id === report.id ? report : r)) : [report, ...list],
    );
  }

  /** One timer for all unfinished reports; it stops when none is left or the panel is gone. */
  private schedulePoll(): void {
    if (this.destroyed || this.timer !== null || !this.reports().some(isPending)) return;
    this.timer = setTimeout(() => void this.poll(), pollDelay(this.polls));
  }

  private async poll(): Promise<void> {
    this.timer = null;
    this.polls++;
    const open = this.reports().filter(isPending);
    try {
      const fresh = await Promise.all(open.map((r) => firstValueFrom(this.api.status(r.id))));
      if (this.destroyed) return;
      fresh.forEach((r) => this.upsert(r));
      this.pollError.set(null);
    } catch (e) {
      // A failed status call (network, restart) is tried again with the next poll.
      if (this.destroyed) return;
      this.pollError.set(describeError(e).message);
    }
    this.schedulePoll();
  }

  private stopPolling(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
