import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  localize,
  type Duration,
  type PeriodSpecial,
  type PublicCatalogue,
  type ReadLocale,
  type Text,
} from '@scs/shared/catalogue';
import type { PeriodInfo, ProjectionPoint, RepairPlanItem } from '@scs/shared/scoring';
import type { PublicDimension, PublicPortal } from '@scs/web/catalogue';
import { describeError, intlLocale } from '@scs/web/core';
import { LocalDatePipe, ProjectionChartComponent, type ProjectionSeries } from '@scs/web/ui';
import { firstValueFrom } from 'rxjs';
import { AssessmentsApi } from '../../data/assessments.api';
import type { RepairActionsResult } from '../../data/assessment.types';

interface PeriodView {
  /** 'YYYY-MM-01' for the date pipe, or null when the period is a special value. */
  date: string | null;
  special: PeriodSpecial | null;
  unconfirmed: boolean;
}

interface DurationView {
  label: string;
  n: number;
  unit: 'workingDays' | 'days';
  unconfirmed: boolean;
}

/** A record type of the catalogue as served in the UI language (zh.yaml texts, de.yaml corrections applied). */
export type PublicRecordTypeOf = NonNullable<PublicCatalogue['recordTypes']>[number];

const period = (month: string | null, info: PeriodInfo): PeriodView => ({
  date: month ? `${month}-01` : null,
  special: month ? null : typeof info.months === 'string' ? info.months : 'unknown',
  unconfirmed: info.status === 'unconfirmed',
});

/**
 * The credit-repair planner of the result page: per adverse record that still counts, the decision date, tier, earliest
 * repair date, automatic end, channel, documents and processing times — every unconfirmed value marked as such — a
 * button that turns the plan into dated actions (idempotent), and the projected exposure over the next 36 months.
 */
@Component({
  selector: 'scs-repair-plan',
  imports: [
    NgTemplateOutlet,
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    LocalDatePipe,
    ProjectionChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './repair-plan.component.html',
  styleUrl: './repair-plan.component.css',
})
export class RepairPlanComponent {
  private readonly api = inject(AssessmentsApi);
  private readonly transloco = inject(TranslocoService);
  readonly assessmentId = input.required<string>();
  readonly plan = input.required<readonly RepairPlanItem[]>();
  readonly projection = input<readonly ProjectionPoint[]>([]);
  readonly dimensions = input<ReadonlyMap<string, PublicDimension>>(new Map());
  readonly portals = input<ReadonlyMap<string, PublicPortal>>(new Map());
  /**
   * The record types of the assessment's catalogue in the UI language. The plan's texts come from the API as
   * { en, de } objects without the version's translation files, so a text the served record type has is taken from
   * there (Chinese from zh.yaml, German corrections); the plan's own text is the fallback.
   */
  readonly recordTypes = input<ReadonlyMap<string, PublicRecordTypeOf>>(new Map());
  readonly lang = input<ReadLocale>('en');
  readonly readOnly = input(false);
  /** The overall score of the assessment itself (before any repair), for the chart's summary. */
  readonly current = input<number | null>(null);

  protected readonly items = computed(() => {
    const lang = this.lang();
    const text = (t: Text) => localize(t, lang);
    const duration = (d: Duration, served?: string): DurationView => ({
      label: served ?? text(d.label),
      n: d.workingDays ?? d.days ?? 0,
      unit: d.workingDays !== undefined ? 'workingDays' : 'days',
      unconfirmed: d.status === 'unconfirmed',
    });
    return this.plan().map((i) => {
      const served = this.recordTypes().get(i.recordType);
      const tier = served?.tiers.find((t) => t.id === i.tier);
      return {
        key: `${i.questionId}:${i.recordIndex}`,
        questionId: i.questionId,
        dimension: this.dimensions().get(i.dimensionId)?.name ?? i.dimensionId,
        type: served?.label ?? text(i.recordTypeLabel),
        decided: `${i.decided}-01`,
        tier: i.tier === 'none' ? null : (tier?.label ?? text(i.tierLabel)),
        earliestRepair: period(i.earliestRepair, i.earliestRepairPeriod),
        automaticEnd: period(i.automaticEnd, i.automaticEndPeriod),
        channel: served?.channel.text ?? text(i.channel.text),
        portal: i.channel.portal ? (this.portals().get(i.channel.portal) ?? null) : null,
        documents: i.documents.map((d, k) => served?.documents[k] ?? text(d)),
        processing: i.processing.map((d, k) => duration(d, served?.processing[k]?.label)),
        deadlines: i.deadlines.map((d, k) => duration(d, served?.deadlines?.[k]?.label)),
        repairPossibleNow: i.repairPossibleNow,
        note: i.record.note ?? null,
      };
    });
  });

  /** Overall plus the dimensions whose projected score changes. */
  protected readonly chart = computed(() => {
    const points = this.projection();
    if (points.length < 2) return null;
    const months = points.map((p) => p.month);
    const overall = this.transloco.translate('assessments.repair.overall', {}, this.lang());
    const series: ProjectionSeries[] = [{ name: overall, values: points.map((p) => p.overall), main: true }];
    const ids = Object.keys(points[0]?.dimensions ?? {});
    for (const id of ids) {
      const values = points.map((p) => p.dimensions[id] ?? null);
      if (new Set(values).size > 1) series.push({ name: this.dimensions().get(id)?.name ?? id, values });
    }
    const first = points[0]?.overall ?? null;
    const last = points[points.length - 1]?.overall ?? null;
    return { months, series, first, last, start: months[0] as string, end: months[months.length - 1] as string };
  });

  protected readonly busy = signal(false);
  protected readonly created = signal<RepairActionsResult | null>(null);
  protected readonly error = signal<string | null>(null);

  protected number(v: number | null): string {
    return v === null ? '–' : new Intl.NumberFormat(intlLocale(this.lang()), { maximumFractionDigits: 1 }).format(v);
  }

  protected async createActions(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.created.set(await firstValueFrom(this.api.createRepairActions(this.assessmentId())));
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
