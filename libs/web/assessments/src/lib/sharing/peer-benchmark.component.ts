import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PeerGroup } from '@scs/shared/disclosure';
import { LanguageService, describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, formatScore } from '@scs/web/ui';
import { SharingApi } from '../data/sharing.api';

export interface OwnScore {
  dimensionId: string;
  label: string;
  score: number | null;
}

type Available = Extract<PeerGroup, { available: true }>;

/**
 * "Firms like yours": the mean score per dimension of consenting firms of the same sector group and of the same size
 * band, next to the firm's own, only where the group passes disclosure control; otherwise why not.
 */
@Component({
  selector: 'scs-peer-benchmark',
  imports: [TranslocoDirective, MatIconModule, ErrorBoxComponent, LoadingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './peer-benchmark.component.html',
  styleUrl: './peer-benchmark.component.css',
})
export class PeerBenchmarkComponent {
  readonly orgId = input.required<string>();
  readonly own = input.required<readonly OwnScore[]>();
  readonly overall = input<number | null>(null);

  private readonly api = inject(SharingApi);
  private readonly language = inject(LanguageService);

  protected readonly benchmark = rxResource({
    params: () => this.orgId(),
    stream: ({ params }) => this.api.peerBenchmark(params),
  });
  protected readonly error = computed(() =>
    this.benchmark.error() ? describeError(this.benchmark.error()).message : null,
  );
  protected readonly value = computed(() => (this.benchmark.hasValue() ? this.benchmark.value() : null));
  protected readonly groups = computed<Available[]>(() => {
    const b = this.value();
    return b ? [b.sector, b.size].filter((g): g is Available => g.available) : [];
  });
  protected readonly unavailable = computed(() => {
    const b = this.value();
    return b ? [b.sector, b.size].filter((g) => !g.available) : [];
  });
  protected readonly rows = computed(() => {
    const groups = this.groups();
    return this.own().map((d) => ({
      ...d,
      peers: groups.map((g) => g.dimensions.find((x) => x.dimensionId === d.dimensionId)?.mean),
    }));
  });
  protected readonly hasSuppressed = computed(() =>
    this.rows().some((r) => r.peers.some((p) => p?.status === 'suppressed')),
  );

  /** A score of the table: one decimal in the UI language ("74,0" next to "41,4"), so the columns read alike. */
  protected score(value: number | null): string {
    return value === null ? '–' : formatScore(value, this.language.current(), true);
  }

  /** A peer mean: its number in the UI language, or the mark the release printed (".", "<3", "–"). */
  protected cell(c: { value: number | null; display: string; status: string } | undefined): string {
    if (!c) return '–';
    return c.status === 'value' && c.value !== null ? this.score(c.value) : c.display;
  }

  protected text(t: { en: string; de: string; zh?: string }): string {
    const lang = this.language.current();
    return (lang === 'de' ? t.de : lang === 'zh' ? t.zh : undefined) ?? t.en;
  }

  protected reasonOf(g: PeerGroup): string {
    return g.available ? '' : this.text(g.message);
  }
}
