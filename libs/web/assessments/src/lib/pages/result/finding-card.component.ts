import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { FindingWording } from '@scs/shared/catalogue';
import type { ScoredFinding } from '@scs/shared/scoring';
import {
  ReferenceItemComponent,
  type PublicDimension,
  type PublicQuestion,
  type PublicReference,
} from '@scs/web/catalogue';
import { LocalDatePipe, StatusBadgeComponent } from '@scs/web/ui';
import type { ActionView } from '../../data/assessment.types';

/** One finding of a result: what it means, consequences, remediation, credit-repair path and horizon, regulations. */
@Component({
  selector: 'scs-finding-card',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    StatusBadgeComponent,
    ReferenceItemComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './finding-card.component.html',
  styleUrl: './finding-card.component.css',
})
export class FindingCardComponent {
  readonly finding = input.required<ScoredFinding>();
  /** Its texts as the catalogue words them now in the UI language (findingWording; the result page resolves them). */
  readonly wording = input<FindingWording | undefined>(undefined);
  readonly question = input<PublicQuestion | undefined>(undefined);
  readonly dimension = input<PublicDimension | undefined>(undefined);
  readonly references = input<PublicReference[]>([]);
  readonly lang = input.required<string>();
  readonly headingLevel = input<3 | 4>(3);
  /** Actions already created for this finding. */
  readonly actions = input<ActionView[]>([]);
  readonly canCreateAction = input(true);
  readonly createAction = output<void>();

  protected readonly text = computed(() => {
    const w = this.wording();
    if (!w) return null;
    return {
      title: w.title,
      meaning: w.meaning,
      consequences: w.consequences,
      remediation: w.remediation,
      repair: w.repair
        ? {
            path: w.repair.path,
            min: w.repair.minMonths ?? null,
            max: w.repair.maxMonths ?? null,
            status: w.repair.status,
          }
        : null,
    };
  });
  protected readonly answerLabel = computed(
    () => this.question()?.options.find((o) => o.id === this.finding().optionId)?.label ?? this.finding().optionId,
  );
}
