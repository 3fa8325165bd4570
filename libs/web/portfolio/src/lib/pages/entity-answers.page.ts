import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PortfolioAnswer, PortfolioAnswersView } from '@scs/shared/contracts';
import { describeError, LanguageService, SessionService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { PortfolioApi } from '../data/portfolio.api';

/**
 * The answers a linked entity shares with the group (route `/portfolio/entities/:entityId/answers`): the questions of
 * its latest submitted self-check in the UI language, each answer and the finding it carries. The API answers 404
 * unless the link is active and the entity grants its answers; the page then says so and shows nothing else.
 */
@Component({
  selector: 'scs-entity-answers-page',
  imports: [TranslocoDirective, RouterLink, EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './entity-answers.page.css',
  template: `
    <ng-container *transloco="let t; prefix: 'portfolio'">
      <p class="back"><a routerLink="/portfolio">← {{ t('answers.back') }}</a></p>
      <h1 class="page-title">{{ t('answers.title') }}@if (view(); as v) { · {{ v.entity.name }} }</h1>
      @if (notShared()) {
        <scs-error-box [message]="t('answers.notShared')" />
      } @else if (error(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('reload')" (retry)="load()" />
      } @else if (view(); as v) {
        <p class="lead muted">{{ t('answers.lead', { name: v.entity.name }) }}</p>
        @if (v.answers.length === 0) {
          <scs-empty-state icon="fact_check" [heading]="t('answers.emptyHeading')" [level]="2">
            <p>{{ t('answers.emptyBody') }}</p>
          </scs-empty-state>
        } @else {
          <p class="muted small" data-testid="answers-meta">
            {{ t('answers.submittedOn', { date: (v.submittedAt | scsDate: lang()), version: v.catalogueVersion }) }}
            · {{ t('answers.count', { n: v.answers.length }) }}
          </p>
          <ol class="answers" data-testid="entity-answers">
            @for (a of v.answers; track a.questionId) {
              <li class="card" [attr.data-question]="a.questionId">
                <div class="meta muted small">{{ a.dimension.code }} · {{ a.dimension.title }} · {{ a.questionId }}</div>
                <h2 class="question">{{ a.question }}</h2>
                <p class="answer">
                  <span class="label">{{ t('answers.answer') }}</span>
                  <strong data-testid="answer-text">{{ answerText(a, t('answers.dontKnow'), t('answers.records', { n: a.records })) }}</strong>
                </p>
                @if (a.note) {
                  <p class="note small">{{ t('answers.note', { note: a.note }) }}</p>
                }
                @if (a.finding; as f) {
                  <p [class]="'finding sev-' + f.severity" data-testid="answer-finding">
                    <span class="sev">{{ f.kind === 'verify' ? t('answers.verify') : t('answers.severity.' + f.severity) }}</span>
                    <span>{{ t('answers.finding') }}: {{ f.title }}</span>
                  </p>
                }
              </li>
            }
          </ol>
        }
      } @else {
        <scs-loading [label]="t('answers.loading')" />
      }
    </ng-container>
  `,
})
export class EntityAnswersPage {
  private readonly api = inject(PortfolioApi);
  private readonly session = inject(SessionService);
  protected readonly lang = inject(LanguageService).current;
  /** Route parameter (component input binding). */
  readonly entityId = input.required<string>();

  private readonly orgId = computed(() => {
    const org = this.session.activeOrg();
    return org?.kind === 'firm' ? org.orgId : null;
  });
  protected readonly view = signal<PortfolioAnswersView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notShared = signal(false);

  constructor() {
    // Reloads when the organisation, the entity or the UI language changes (the texts come in the request language).
    effect(() => {
      const org = this.orgId();
      const entity = this.entityId();
      this.lang();
      if (org && entity) untracked(() => void this.load());
    });
  }

  /** The answer as the entity gave it: the option's label, "don't know", or how many records it entered. */
  protected answerText(a: PortfolioAnswer, dontKnow: string, records: string): string {
    if (a.kind === 'dontKnow') return dontKnow;
    if (a.kind === 'records') return a.option ? `${a.option} (${records})` : records;
    return a.option ?? '–';
  }

  protected async load(): Promise<void> {
    const org = this.orgId();
    if (!org) return;
    this.error.set(null);
    this.notShared.set(false);
    try {
      this.view.set(await this.api.entityAnswers(org, this.entityId()));
    } catch (e) {
      const err = describeError(e);
      this.view.set(null);
      if (err.status === 404) this.notShared.set(true);
      else this.error.set(err.message);
    }
  }
}
