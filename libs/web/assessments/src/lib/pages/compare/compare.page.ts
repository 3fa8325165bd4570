import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { DONT_KNOW, findingWording, type LevelId, type PublicCatalogue } from '@scs/shared/catalogue';
import { catalogueResource, indexCatalogue, resourceValue, type CatalogueIndex } from '@scs/web/catalogue';
import { LanguageService, describeError } from '@scs/web/core';
import {
  DimensionChartComponent,
  ErrorBoxComponent,
  LevelBadgeComponent,
  LoadingComponent,
  LocalDatePipe,
  formatLocalDate,
  formatScore,
  type ChartSeries,
} from '@scs/web/ui';
import { of } from 'rxjs';
import { AssessmentsApi } from '../../data/assessments.api';
import type { FindingRef } from '../../data/assessment.types';
import { FirmGateComponent, firmAccess } from '../../firm-gate.component';

interface FindingRow {
  ref: FindingRef;
  title: string;
  dimension: string;
}

/** Two submitted self-checks side by side: score change per dimension and findings resolved / new / unchanged. */
@Component({
  selector: 'scs-compare-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    LoadingComponent,
    ErrorBoxComponent,
    LevelBadgeComponent,
    LocalDatePipe,
    DimensionChartComponent,
    FirmGateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare.page.html',
  styleUrl: './compare.page.css',
})
export class ComparePage {
  readonly id = input.required<string>();
  readonly otherId = input.required<string>();
  private readonly api = inject(AssessmentsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = inject(LanguageService).current;

  protected readonly access = firmAccess();
  protected readonly comparison = rxResource({
    params: () => (this.access().state === 'firm' ? { id: this.id(), other: this.otherId() } : undefined),
    stream: ({ params }) => (params ? this.api.compare(params.id, params.other) : of(null)),
  });
  protected readonly data = computed(() => resourceValue(this.comparison) ?? null);
  protected readonly error = computed(() =>
    this.comparison.error() ? describeError(this.comparison.error()).message : null,
  );
  // Findings are named from the catalogue each assessment was pinned to (usually the same version).
  protected readonly toCatalogue = catalogueResource(() => this.data()?.to.catalogueVersion);
  protected readonly fromCatalogue = catalogueResource(() => this.data()?.from.catalogueVersion);

  protected readonly rows = computed(() => {
    const c = this.data();
    const cat = resourceValue(this.toCatalogue) ?? resourceValue(this.fromCatalogue);
    if (!c || !cat) return [];
    const dims = new Map(cat.dimensions.map((d) => [d.id, d]));
    return c.dimensions
      .filter((d) => d.from !== null || d.to !== null)
      .map((d) => ({ ...d, name: dims.get(d.dimensionId)?.name ?? d.code }));
  });
  protected readonly chart = computed(() => {
    const c = this.data();
    const rows = this.rows();
    if (!c) return null;
    const lang = this.lang();
    const t = (key: string, p: Record<string, unknown>) => this.transloco.translate(`assessments.compare.${key}`, p);
    // Dates and numbers in the UI language (German: 05.12.2026, 36,2).
    const date = (iso: string | null) => formatLocalDate(iso, lang);
    const num = (n: number | null) => (n === null ? '–' : formatScore(n, lang));
    const series: ChartSeries[] = [
      { name: t('before', { date: date(c.from.submittedAt) }), values: rows.map((r) => r.from) },
      { name: t('after', { date: date(c.to.submittedAt) }), values: rows.map((r) => r.to) },
    ];
    const summary = rows.map((r) => `${r.code} ${r.name}: ${num(r.from)} → ${num(r.to)}`).join('; ');
    return { categories: rows.map((r) => `${r.code} ${r.name}`), series, summary };
  });
  protected readonly findings = computed(() => {
    const c = this.data();
    const to = resourceValue(this.toCatalogue);
    const from = resourceValue(this.fromCatalogue) ?? to;
    if (!c || !to || !from) return null;
    const [fromIndex, toIndex] = [indexCatalogue(from), indexCatalogue(to)];
    return {
      resolved: c.findings.resolved.map((f) => this.row(f, from, fromIndex)),
      new: c.findings.new.map((f) => this.row(f, to, toIndex)),
      changed: c.findings.changed.map((f) => ({ ...this.row(f, to, toIndex), direction: f.direction })),
      unchanged: c.findings.unchanged.map((f) => this.row(f, to, toIndex)),
    };
  });
  protected readonly format = formatScore;

  protected level(l: string | null): LevelId | null {
    return (l as LevelId | null) ?? null;
  }

  protected change(n: number | null): string {
    if (n === null) return '–';
    const r = Math.round(n * 10) / 10;
    return r > 0 ? `+${formatScore(r, this.lang())}` : formatScore(r, this.lang());
  }

  /** A finding named as on the result page (findingWording: its version's current wording in the UI language). */
  private row(ref: FindingRef, catalogue: PublicCatalogue, index: CatalogueIndex): FindingRow {
    const q = index.questions.get(ref.questionId);
    const d = index.dimensions.get(ref.dimensionId);
    const title =
      ref.kind === 'verify' || ref.optionId === DONT_KNOW
        ? this.transloco.translate('assessments.compare.verifyFinding', { text: q?.text ?? ref.questionId })
        : (findingWording(catalogue, ref)?.title ?? q?.text ?? ref.questionId);
    return { ref, title, dimension: d ? `${d.code} ${d.name}` : ref.dimensionId };
  }
}
