import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { DOCUMENT, NgComponentOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { findingWording, verifyWording, type FindingWording, type LevelId, type Severity } from '@scs/shared/catalogue';
import { orderFindings, rankSeverities, scoringModelOf, type ScoredFinding } from '@scs/shared/scoring';
import type { FindingRef } from '@scs/shared/contracts';
import { catalogueResource, indexCatalogue, pick, PortalItemComponent, resourceValue } from '@scs/web/catalogue';
import { LanguageService, describeError } from '@scs/web/core';
import {
  DimensionChartComponent,
  ErrorBoxComponent,
  LevelBadgeComponent,
  LoadingComponent,
  LocalDatePipe,
  formatScore,
  type ChartSeries,
} from '@scs/web/ui';
import { firstValueFrom, of } from 'rxjs';
import { AssessmentsApi } from '../../data/assessments.api';
import type { ActionView } from '../../data/assessment.types';
import { FirmGateComponent, firmAccess } from '../../firm-gate.component';
import { ASSESSMENT_RESULT_EXTENSIONS } from '../../result-extensions';
import { ActionDialogComponent, type ActionDialogData } from '../actions/action.dialog';
import { PeerBenchmarkComponent, type OwnScore } from '../../sharing/peer-benchmark.component';
import { FindingCardComponent } from './finding-card.component';
import { RepairPlanComponent } from './repair-plan.component';

/** How many findings the "most urgent" list shows; the rest sit in the per-dimension groups. */
const TOP_FINDINGS = 5;

/** One finding of the page: the scored finding with its title and the severity it is ranked by. */
interface FindingItem {
  finding: ScoredFinding;
  title: string;
  dimension: string;
  rank: Severity;
}

/**
 * The result of a submitted self-check: level and score, what changed since the last self-check, the most urgent
 * findings (the shared order of @scs/shared/scoring, as in the PDF), all findings grouped per dimension (collapsible),
 * knock-outs, what to verify.
 */
@Component({
  selector: 'scs-result-page',
  imports: [
    RepairPlanComponent,
    TranslocoDirective,
    RouterLink,
    NgComponentOutlet,
    MatButtonModule,
    MatIconModule,
    LoadingComponent,
    ErrorBoxComponent,
    LevelBadgeComponent,
    LocalDatePipe,
    DimensionChartComponent,
    FirmGateComponent,
    FindingCardComponent,
    PortalItemComponent,
    PeerBenchmarkComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './result.page.html',
  styleUrl: './result.page.css',
})
export class ResultPage {
  readonly id = input.required<string>();

  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService);
  protected readonly extensions = [...(inject(ASSESSMENT_RESULT_EXTENSIONS, { optional: true }) ?? [])].sort(
    (a, b) => (a.order ?? 0) - (b.order ?? 0),
  );

  protected readonly emptyMap = new Map<string, never>();
  protected readonly access = firmAccess();
  protected readonly orgId = computed(() => {
    const a = this.access();
    return a.state === 'firm' ? a.orgId : null;
  });
  protected readonly view = rxResource({
    params: () => (this.orgId() ? this.id() : undefined),
    stream: ({ params }) => (params ? this.api.get(params) : of(null)),
  });
  protected readonly assessment = computed(() => resourceValue(this.view) ?? null);
  protected readonly result = computed(() => this.assessment()?.result ?? null);
  protected readonly loadError = computed(() => (this.view.error() ? describeError(this.view.error()).message : null));
  protected readonly catalogue = catalogueResource(() => this.assessment()?.catalogueVersion);
  protected readonly index = computed(() => {
    const c = resourceValue(this.catalogue);
    return c ? indexCatalogue(c) : null;
  });
  /** Record types in the UI language, for the texts of the credit-repair plan. */
  protected readonly recordTypes = computed(
    () => new Map((resourceValue(this.catalogue)?.recordTypes ?? []).map((r) => [r.id, r])),
  );
  protected readonly actions = rxResource({
    params: () => (this.orgId() && this.result() ? this.orgId() : undefined),
    stream: ({ params }) => (params ? this.api.actions(params) : of([])),
  });

  /** Dimensions with applicable questions, with names from the catalogue. */
  protected readonly dimensions = computed(() => {
    const r = this.result();
    const index = this.index();
    if (!r || !index) return [];
    return r.dimensions
      .filter((d) => d.applicable > 0)
      .map((d) => ({ score: d, dimension: index.dimensions.get(d.dimensionId) }));
  });
  protected readonly chart = computed(() => {
    const dims = this.dimensions();
    const categories = dims.map((d) => `${d.score.code} ${d.dimension?.name ?? ''}`.trim());
    const series: ChartSeries[] = [
      {
        name: this.transloco.translate('assessments.result.score'),
        values: dims.map((d) => d.score.score),
        levels: dims.map((d) => d.score.level),
      },
    ];
    const summary = dims
      .map((d, i) => `${categories[i]}: ${d.score.score === null ? '–' : formatScore(d.score.score)}`)
      .join('; ');
    return { categories, series, summary };
  });
  /** The firm's own scores for the "firms like yours" comparison. */
  protected readonly ownScores = computed<OwnScore[]>(() =>
    this.dimensions().map((d) => ({
      dimensionId: d.score.dimensionId,
      label: `${d.score.code} ${d.dimension?.name ?? ''}`.trim(),
      score: d.score.score,
    })),
  );
  protected readonly knockOuts = computed(() => this.result()?.knockOuts ?? []);
  /**
   * Each finding's texts as the result's catalogue version words them now, in the UI language (findingWording: German
   * corrections, Chinese translations); the text stored at submission only where the version lacks the option.
   * Cards, the urgent list, the groups, "since last time" and a new action's title all read these.
   */
  protected readonly wordings = computed(() => {
    const catalogue = resourceValue(this.catalogue);
    const r = this.result();
    const map = new Map<string, FindingWording>();
    if (!catalogue || !r) return map;
    for (const f of [...r.knockOuts, ...r.findings]) {
      const w = f.kind === 'exposure' ? findingWording(catalogue, f) : undefined;
      if (w) map.set(f.questionId, w);
    }
    return map;
  });
  /** Every finding in the shared order (`orderFindings`): the same order as the PDF. */
  protected readonly ordered = computed<FindingItem[]>(() => {
    const r = this.result();
    const catalogue = resourceValue(this.catalogue);
    const index = this.index();
    if (!r || !catalogue || !index) return [];
    const ranks = rankSeverities(r.findings, catalogue);
    return orderFindings(r.findings, catalogue).map((f) => {
      const d = index.dimensions.get(f.dimensionId);
      return {
        finding: f,
        title: this.titleOf(f),
        dimension: d ? `${d.code} ${d.name}` : f.dimensionId,
        rank: ranks.get(f.questionId) ?? f.severity,
      };
    });
  });
  protected readonly topFindings = computed(() => this.ordered().slice(0, TOP_FINDINGS));
  /** Progress since the previous submitted self-check, by dimension id. */
  protected readonly progressByDimension = computed(
    () => new Map((this.assessment()?.sinceLast?.dimensions ?? []).map((d) => [d.dimensionId, d])),
  );
  /** Findings other than knock-outs, grouped per dimension; groups in the order of their most urgent finding. */
  protected readonly groups = computed(() => {
    // Open at first: the groups of the urgent findings ranked high or critical (else the first group); the others
    // stay one line each, so a long result is a short page. Following a link in the urgent list opens its group.
    const urgent = this.topFindings().filter((x) => x.rank === 'critical' || x.rank === 'high');
    const openAtFirst = new Set(
      (urgent.length ? urgent : this.topFindings().slice(0, 1)).map((x) => x.finding.dimensionId),
    );
    const opened = this.openedGroups();
    const byDimension = new Map<string, FindingItem[]>();
    for (const item of this.ordered()) {
      if (item.finding.knockOut) continue;
      const list = byDimension.get(item.finding.dimensionId) ?? [];
      list.push(item);
      byDimension.set(item.finding.dimensionId, list);
    }
    const scores = new Map((this.result()?.dimensions ?? []).map((d) => [d.dimensionId, d]));
    return [...byDimension].map(([dimensionId, items]) => ({
      dimensionId,
      label: items[0]?.dimension ?? dimensionId,
      score: scores.get(dimensionId) ?? null,
      items,
      progress: this.progressByDimension().get(dimensionId) ?? null,
      open: openAtFirst.has(dimensionId) || opened.has(dimensionId),
    }));
  });
  /** "Since last time": the previous self-check and the findings resolved, new and changed since then. */
  protected readonly sinceLast = computed(() => {
    const s = this.assessment()?.sinceLast;
    const index = this.index();
    if (!s || !index) return null;
    const catalogue = resourceValue(this.catalogue);
    if (!catalogue) return null;
    const row = (f: FindingRef) => {
      const q = index.questions.get(f.questionId);
      const title =
        f.kind === 'verify'
          ? this.transloco.translate('assessments.compare.verifyFinding', { text: q?.text ?? f.questionId })
          : (findingWording(catalogue, f)?.title ?? q?.text ?? f.questionId);
      const d = index.dimensions.get(f.dimensionId);
      return { ref: f, title, dimension: d ? `${d.code} ${d.name}` : f.dimensionId };
    };
    const dimensions = s.dimensions
      .filter((d) => d.resolved > 0 || d.new > 0 || (d.change !== null && d.change !== 0))
      .map((d) => {
        const dim = index.dimensions.get(d.dimensionId);
        return { ...d, label: dim ? `${dim.code} ${dim.name}` : d.dimensionId };
      });
    return {
      previous: s.previous,
      resolved: s.resolved.map(row),
      new: s.new.map(row),
      changed: s.changed.map(row),
      unchanged: s.unchanged,
      dimensions,
    };
  });
  protected readonly scoringModel = computed(() => {
    const r = this.result();
    return r ? scoringModelOf(r) : null;
  });
  protected readonly exposureCount = computed(
    () => (this.result()?.findings ?? []).filter((f) => f.kind === 'exposure').length,
  );
  protected readonly verify = computed(() => {
    const r = this.result();
    const index = this.index();
    if (!r || !index) return [];
    return r.verify.map((v) => ({
      item: v,
      question: index.questions.get(v.questionId),
      dimension: index.dimensions.get(v.dimensionId),
      portals: pick(index.portals, v.portals),
    }));
  });
  protected readonly actionsByQuestion = computed(() => {
    const map = new Map<string, ActionView[]>();
    for (const a of resourceValue(this.actions) ?? []) {
      if (!a.questionId) continue;
      map.set(a.questionId, [...(map.get(a.questionId) ?? []), a]);
    }
    return map;
  });

  /** Groups opened by following a link in the urgent list. */
  protected readonly openedGroups = signal<ReadonlySet<string>>(new Set());

  /** A link of the urgent list: opens the finding's group, then shows and focuses the finding. */
  protected goTo(event: Event, f: ScoredFinding): void {
    event.preventDefault();
    this.openedGroups.update((s) => new Set([...s, f.dimensionId]));
    const id = `${f.kind === 'verify' ? 'verify-' : 'finding-'}${f.questionId}`;
    setTimeout(() => {
      const target = this.document.getElementById(id);
      if (!target) return;
      target.scrollIntoView({ block: 'start' });
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    });
  }

  protected readonly reassessing = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly format = formatScore;
  protected readonly percent = (x: number) => Math.round(x * 100);

  protected level(l: string | null | undefined): LevelId | null {
    return (l as LevelId | null | undefined) ?? null;
  }

  protected exportUrl(format: 'csv' | 'xlsx'): string {
    return this.api.exportUrl(this.id(), format, this.language.current());
  }

  protected refs(f: ScoredFinding) {
    const index = this.index();
    return index ? pick(index.references, f.references) : [];
  }

  protected verifyText(v: { questionId: string; verify: { en: string; de: string } }): string {
    const catalogue = resourceValue(this.catalogue);
    return (catalogue && verifyWording(catalogue, v)) ?? '';
  }

  protected async reassess(): Promise<void> {
    const orgId = this.orgId();
    if (!orgId || this.reassessing()) return;
    this.reassessing.set(true);
    this.actionError.set(null);
    try {
      const created = await firstValueFrom(this.api.start(orgId, this.id()));
      await this.router.navigate(['/assessments', created.id]);
    } catch (e) {
      this.actionError.set(describeError(e).message);
    } finally {
      this.reassessing.set(false);
    }
  }

  protected createAction(f: ScoredFinding, title: string): void {
    const orgId = this.orgId();
    if (!orgId) return;
    const question = this.index()?.questions.get(f.questionId);
    const data: ActionDialogData = {
      mode: 'create',
      orgId,
      context: question ? `${f.questionId}: ${question.text}` : f.questionId,
      value: { title: title.slice(0, 300), ownerUserId: null, dueDate: null, status: 'open', note: '' },
      save: (v) =>
        this.api.createAction(orgId, {
          title: v.title,
          questionId: f.questionId,
          optionId: f.optionId,
          assessmentId: this.id(),
          ownerUserId: v.ownerUserId,
          dueDate: v.dueDate,
          status: v.status,
          ...(v.note.trim() ? { note: v.note } : {}),
        }),
    };
    this.dialog
      .open<ActionDialogComponent, ActionDialogData, ActionView>(ActionDialogComponent, {
        data,
        injector: this.injector,
        width: '680px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.actions.reload();
        this.snackBar
          .open(
            this.transloco.translate('assessments.result.actionCreated', { title: created.title }),
            this.transloco.translate('assessments.result.openActions'),
            { duration: 6000 },
          )
          .onAction()
          .subscribe(() => void this.router.navigate(['/actions']));
      });
  }

  /** The finding's title in the wording of the cards (the default title of an action created from it). */
  protected findingTitle(f: ScoredFinding): string {
    return this.wordings().get(f.questionId)?.title ?? f.questionId;
  }

  private titleOf(f: ScoredFinding): string {
    if (f.kind === 'exposure') return this.findingTitle(f);
    const q = this.index()?.questions.get(f.questionId);
    return this.transloco.translate('assessments.compare.verifyFinding', { text: q?.text ?? f.questionId });
  }

  protected change(n: number | null): string {
    if (n === null) return '–';
    return n > 0 ? `+${formatScore(n, this.language.current())}` : formatScore(n, this.language.current());
  }

  protected createVerifyAction(questionId: string): void {
    const finding = this.result()?.findings.find((f) => f.questionId === questionId && f.kind === 'verify');
    const q = this.index()?.questions.get(questionId);
    if (finding)
      this.createAction(
        finding,
        this.transloco.translate('assessments.result.verifyActionTitle', { id: questionId, text: q?.text ?? '' }),
      );
  }
}
