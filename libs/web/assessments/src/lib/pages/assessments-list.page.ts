import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { LevelId } from '@scs/shared/catalogue';
import { resourceValue } from '@scs/web/catalogue';
import { describeError } from '@scs/web/core';
import {
  EmptyStateComponent,
  ErrorBoxComponent,
  LevelBadgeComponent,
  LoadingComponent,
  LocalDatePipe,
} from '@scs/web/ui';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AssessmentsApi } from '../data/assessments.api';
import type { AssessmentSummary } from '../data/assessment.types';
import { FirmGateComponent, firmAccess } from '../firm-gate.component';

/** The firm's self-checks: start, continue, open results, re-assess, compare. */
@Component({
  selector: 'scs-assessments-list-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatCheckboxModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LevelBadgeComponent,
    LocalDatePipe,
    FirmGateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessments-list.page.html',
  styleUrl: './assessments-list.page.css',
})
export class AssessmentsListPage {
  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  protected readonly access = firmAccess();
  protected readonly orgId = computed(() => {
    const a = this.access();
    return a.state === 'firm' ? a.orgId : null;
  });
  protected readonly list = rxResource({
    params: () => this.orgId() ?? undefined,
    stream: ({ params }) => (params ? this.api.list(params) : of([])),
  });
  protected readonly items = computed(() => resourceValue(this.list));
  /** A newer catalogue version than the one of the latest submitted self-check: link to "What changed for you". */
  private readonly impact = rxResource({
    params: () => this.orgId() ?? undefined,
    stream: ({ params }) => this.api.changeImpact(params).pipe(catchError(() => of(null))),
  });
  protected readonly outdated = computed(() => {
    const v = resourceValue(this.impact);
    return v?.outdated ? v : null;
  });
  protected readonly listError = computed(() => (this.list.error() ? describeError(this.list.error()).message : null));
  protected readonly draft = computed(() => this.items()?.find((a) => a.status === 'draft') ?? null);
  protected readonly submitted = computed(() => (this.items() ?? []).filter((a) => a.status === 'submitted'));

  protected readonly busy = signal<string | null>(null);
  protected readonly startError = signal<{ message: string; profile: boolean } | null>(null);
  protected readonly selected = signal<readonly string[]>([]);

  protected level(a: AssessmentSummary): LevelId | null {
    return (a.level as LevelId | null) ?? null;
  }

  protected async start(previousId?: string): Promise<void> {
    const orgId = this.orgId();
    if (!orgId || this.busy()) return;
    this.busy.set(previousId ?? 'new');
    this.startError.set(null);
    try {
      const created = await firstValueFrom(this.api.start(orgId, previousId));
      await this.router.navigate(['/assessments', created.id]);
    } catch (e) {
      const err = describeError(e);
      this.startError.set({ message: err.message, profile: err.status === 422 });
    } finally {
      this.busy.set(null);
    }
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((s) => (checked ? [...s.filter((x) => x !== id), id].slice(-2) : s.filter((x) => x !== id)));
  }

  protected compare(): void {
    const [a, b] = this.selected();
    if (a && b) void this.router.navigate(['/assessments', a, 'compare', b]);
  }
}
