import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { LevelId } from '@scs/shared/catalogue';
import { CatalogueClient, indexCatalogue, resourceValue } from '@scs/web/catalogue';
import { LanguageService, describeError } from '@scs/web/core';
import {
  EmptyStateComponent,
  ErrorBoxComponent,
  LevelBadgeComponent,
  LoadingComponent,
  LocalDatePipe,
} from '@scs/web/ui';
import { combineLatest, firstValueFrom, of } from 'rxjs';
import { AssessmentsApi } from '../../data/assessments.api';
import { FirmGateComponent, firmAccess } from '../../firm-gate.component';

/** Fields of a changed question a firm cares about, in the order shown (the rest are summed up as "other"). */
const FIELD_ORDER = [
  'text',
  'options',
  'applicability',
  'weight',
  'record',
  'dontKnow',
  'references',
  'whereToCheck',
  'portals',
  'help',
] as const;
/** Changes that can change the answer or the score; the others (legal basis, where to check, help) are editorial. */
const SUBSTANTIVE: readonly string[] = [
  'text',
  'options',
  'applicability',
  'weight',
  'record',
  'dontKnow',
  'dimension',
];

/**
 * "What changed for you": the firm's latest submitted assessment against the catalogue version in force — applicable
 * questions added, changed and removed, superseded references, the score with the answers carried over — and the
 * re-assessment with those answers pre-filled.
 */
@Component({
  selector: 'scs-change-impact-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LevelBadgeComponent,
    LoadingComponent,
    LocalDatePipe,
    FirmGateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './change-impact.page.html',
  styleUrl: './change-impact.page.css',
})
export class ChangeImpactPage {
  private readonly api = inject(AssessmentsApi);
  private readonly catalogues = inject(CatalogueClient);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).current;
  protected readonly access = firmAccess();
  protected readonly orgId = computed(() => {
    const a = this.access();
    return a.state === 'firm' ? a.orgId : null;
  });

  protected readonly impact = rxResource({
    params: () => this.orgId() ?? undefined,
    stream: ({ params }) => this.api.changeImpact(params),
  });
  protected readonly view = computed(() => resourceValue(this.impact));
  protected readonly loadError = computed(() =>
    this.impact.error() ? describeError(this.impact.error()).message : null,
  );

  /** Both catalogue versions in the UI language, for question texts and reference titles. */
  private readonly texts = rxResource({
    params: () => {
      const v = this.view();
      return v?.outdated && v.assessment
        ? { from: v.assessment.catalogueVersion, to: v.currentVersion, lang: this.lang() }
        : undefined;
    },
    stream: ({ params }) =>
      params
        ? combineLatest([this.catalogues.get(params.from, params.lang), this.catalogues.get(params.to, params.lang)])
        : of(undefined),
  });
  private readonly index = computed(() => {
    const t = resourceValue(this.texts);
    return t ? { from: indexCatalogue(t[0]), to: indexCatalogue(t[1]) } : null;
  });

  protected readonly added = computed(() =>
    (this.view()?.questions.added ?? []).map((id) => ({ id, text: this.index()?.to.questions.get(id)?.text ?? '' })),
  );
  protected readonly removed = computed(() =>
    (this.view()?.questions.removed ?? []).map((id) => ({
      id,
      text: this.index()?.from.questions.get(id)?.text ?? '',
    })),
  );
  protected readonly changed = computed(() =>
    (this.view()?.questions.changed ?? []).map((c) => {
      const known = FIELD_ORDER.filter((f) => c.fields.includes(f));
      return {
        id: c.id,
        from: c.from ?? null,
        text: this.index()?.to.questions.get(c.id)?.text ?? '',
        fields: known,
        other: c.fields.length > known.length,
        substantive: !!c.from || c.fields.some((f) => SUBSTANTIVE.includes(f)),
      };
    }),
  );
  protected readonly substantive = computed(() => this.changed().filter((c) => c.substantive));
  protected readonly editorial = computed(() => this.changed().filter((c) => !c.substantive));
  protected readonly superseded = computed(() =>
    (this.view()?.supersededReferences ?? []).map((r) => ({
      id: r.id,
      title: this.index()?.to.references.get(r.id)?.title ?? r.id,
      by: this.index()?.to.references.get(r.supersededBy)?.title ?? r.supersededBy,
    })),
  );
  protected readonly openQuestions = computed(() => {
    const s = this.view()?.scoreToday;
    return s ? s.applicable - s.answered : 0;
  });

  protected readonly busy = signal(false);
  protected readonly startError = signal<string | null>(null);

  protected level(l: string | null | undefined): LevelId | null {
    return (l as LevelId | null | undefined) ?? null;
  }

  protected async reassess(): Promise<void> {
    const v = this.view();
    const orgId = this.orgId();
    if (!v?.assessment || !orgId || this.busy()) return;
    if (v.draftId) {
      await this.router.navigate(['/assessments', v.draftId]);
      return;
    }
    this.busy.set(true);
    this.startError.set(null);
    try {
      const created = await firstValueFrom(this.api.start(orgId, v.assessment.id));
      await this.router.navigate(['/assessments', created.id]);
    } catch (e) {
      this.startError.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
