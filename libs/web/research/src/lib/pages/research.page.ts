import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';
import { TableChartComponent } from '../components/table-chart.component';
import { chartedCellCount, heatmapPieces, panelDimensions } from '../data/chart-options';
import { ResearchApi } from '../data/research.api';
import { researchContext } from '../data/research-context';
import {
  MICRODATA_GROUPS,
  QI_LEVEL_NAMES,
  QUASI_IDENTIFIERS,
  type CodebookFormat,
  type DatasetSummary,
  type DisclosedTable,
  type MicrodataChoice,
  type MicrodataGroup,
  type QuasiIdentifier,
  type TableCatalogueEntry,
  type TableCell,
  type PredefinedTableId,
  type TableSelection,
} from '../data/research.types';

/** Scripts next to the CSV (what researchers open first), then the codebook in its three forms. */
const SCRIPT_FORMATS: readonly { format: CodebookFormat; file: string }[] = [
  { format: 'stata', file: 'microdata.do' },
  { format: 'r', file: 'microdata.R' },
];
/** The table CSV's scripts and codebook. */
const TABLE_FORMATS = ['stata', 'r', 'ddi'] as const;
const CODEBOOK_FORMATS: readonly { format: CodebookFormat; file: string }[] = [
  { format: 'ddi', file: 'codebook.xml' },
  { format: 'html', file: 'codebook.html' },
  { format: 'json', file: 'codebook.json' },
];

/**
 * The researcher dashboard (/research): the dataset at a glance, one predefined table at a time (with its suppression
 * marks and a chart of the published numbers), and the downloads (table CSV, microdata, codebook).
 */
@Component({
  selector: 'scs-research-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    TableChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './research.page.css',
  templateUrl: './research.page.html',
})
export class ResearchPage {
  private readonly api = inject(ResearchApi);
  protected readonly lang = inject(LanguageService).current;
  protected readonly ctx = researchContext();
  protected readonly codebookFormats = CODEBOOK_FORMATS;
  protected readonly scriptFormats = SCRIPT_FORMATS;

  protected readonly orgId = computed(() => {
    const c = this.ctx();
    return c.state === 'researcher' ? c.orgId : null;
  });
  protected readonly orgName = computed(() => {
    const c = this.ctx();
    return c.state === 'researcher' ? c.name : '';
  });
  protected readonly summary = signal<DatasetSummary | null>(null);
  protected readonly catalogue = signal<TableCatalogueEntry[] | null>(null);
  protected readonly loadError = signal<string | null>(null);

  /** The researcher's choice. */
  protected readonly tableId = signal<PredefinedTableId | ''>('');
  protected readonly wave = signal<string>('');
  protected readonly catalogueVersion = signal<string>('');
  protected readonly variable = signal<string>('');
  /** Waves of the microdata and codebook downloads (default: every closed wave). */
  protected readonly downloadWaves = signal<string[]>([]);
  /** The researcher's variable choice: coarser quasi-identifiers than released, groups left out (default: none). */
  protected readonly qiChoice = signal<Partial<Record<QuasiIdentifier, 0 | 1 | 2>>>({});
  protected readonly omitChoice = signal<MicrodataGroup[]>([]);
  protected readonly quasiIdentifiers = QUASI_IDENTIFIERS;
  protected readonly microdataGroups = MICRODATA_GROUPS;
  protected readonly levelNames = QI_LEVEL_NAMES;
  /** Per quasi-identifier the levels a file may have: the released one and every coarser one. */
  protected readonly qiOptions = computed(() => {
    const levels = this.summary()?.microdata?.levels;
    return QUASI_IDENTIFIERS.map((q) => ({
      q,
      released: levels?.[q] ?? 0,
      options: ([0, 1, 2] as const).filter((l) => l >= (levels?.[q] ?? 0)),
    }));
  });
  private readonly choice = computed<MicrodataChoice>(() => ({ qi: this.qiChoice(), omit: this.omitChoice() }));

  protected readonly table = signal<DisclosedTable | null>(null);
  protected readonly tableLoading = signal(false);
  protected readonly tableError = signal<string | null>(null);

  protected readonly hasData = computed(() => (this.summary()?.waves.length ?? 0) > 0);
  protected readonly entry = computed(() => this.catalogue()?.find((e) => e.id === this.tableId()) ?? null);
  protected readonly waves = computed(() => this.entry()?.waves ?? []);
  protected readonly needsVariable = computed(() => this.entry()?.params.includes('variable') ?? false);
  protected readonly isWaveChange = computed(() => this.entry()?.params.includes('from') ?? false);
  /** Catalogue versions answered in the chosen wave. */
  protected readonly versions = computed(
    () => this.summary()?.waves.find((w) => w.wave === this.wave())?.catalogueVersions ?? [],
  );
  protected readonly variables = computed(() => {
    const version = this.catalogueVersion();
    return (this.entry()?.variables ?? []).filter((v) => !version || v.id.startsWith(`${version}:`));
  });
  protected readonly selection = computed<TableSelection | null>(() => {
    const table = this.tableId();
    const wave = this.wave();
    if (!table || !wave || !this.waves().includes(wave)) return null;
    if (this.needsVariable()) {
      const variable = this.variable();
      return variable && this.variables().some((v) => v.id === variable) ? { table, wave, variable } : null;
    }
    return { table, wave };
  });
  protected readonly chartCells = computed(() => {
    const t = this.table();
    return t ? chartedCellCount(t) : 0;
  });
  protected readonly suppressedCells = computed(() => {
    const t = this.table();
    return t
      ? t.rows.reduce(
          (s, r) => s + r.cells.filter((c) => c.status === 'suppressed').length + (r.n.status === 'suppressed' ? 1 : 0),
          0,
        )
      : 0;
  });
  /** Panel chart: one dimension at a time, chosen next to the chart (overall first). */
  protected readonly panelDimension = signal<string>('overall');
  protected readonly panelDimensions = computed(() => {
    const t = this.table();
    return t && t.chart === 'lines' ? panelDimensions(t) : [];
  });
  protected readonly chartDimension = computed(() => {
    const dims = this.panelDimensions();
    if (!dims.length) return undefined;
    const chosen = this.panelDimension();
    return dims.some((d) => d.key === chosen) ? chosen : dims[0]?.key;
  });
  /** Heatmap: the colour steps with their values, for the text next to the chart. */
  protected readonly heatmapMargin = computed(() => {
    const t = this.table();
    return t && t.chart === 'heatmap' && t.rows.some((r) => r.total)
      ? heatmapPieces(t, this.lang() === 'de' ? 'de' : 'en').length
      : 0;
  });
  protected readonly extraNotes = computed(() => (this.table()?.notes ?? []).filter((n) => !n.en.startsWith('"."')));

  /** Whether a mean of the table carries its spread (n, SD, 95 % CI): then the legend explains it. */
  protected readonly hasSpread = computed(() => !!this.table()?.rows.some((r) => r.cells.some((c) => c.spread)));
  protected readonly tableFormats = TABLE_FORMATS;
  /** The DDI codebook's download gets a book icon, the Stata and R scripts a terminal. */
  protected readonly ddiFormat = 'ddi';
  /** The Stata and R scripts and the DDI codebook of the table CSV (labels in the UI language). */
  protected readonly tableCodebookUrls = computed(() => {
    const id = this.orgId();
    const sel = this.selection();
    const lang = this.lang() === 'de' ? 'de' : 'en';
    return id && sel
      ? (Object.fromEntries(TABLE_FORMATS.map((f) => [f, this.api.tableCodebookUrl(id, sel, f, lang)])) as Record<
          (typeof TABLE_FORMATS)[number],
          string
        >)
      : null;
  });
  protected readonly csvUrl = computed(() => {
    const id = this.orgId();
    const sel = this.selection();
    return id && sel ? this.api.tableCsvUrl(id, sel, this.lang()) : null;
  });
  protected readonly microdataUrl = computed(() => {
    const id = this.orgId();
    return id ? this.api.microdataUrl(id, this.downloadWaveParam(), this.choice()) : null;
  });
  protected readonly codebookUrls = computed(() => {
    const id = this.orgId();
    const waves = this.downloadWaveParam();
    const choice = this.choice();
    return id
      ? (Object.fromEntries(
          [...SCRIPT_FORMATS, ...CODEBOOK_FORMATS].map((f) => [
            f.format,
            this.api.codebookUrl(id, f.format, waves, choice, this.lang() === 'de' ? 'de' : 'en'),
          ]),
        ) as Record<CodebookFormat, string>)
      : null;
  });
  /** No waves parameter when every wave is chosen (the API default). */
  private readonly downloadWaveParam = computed(() => {
    const all = this.summary()?.waves.map((w) => w.wave) ?? [];
    const chosen = this.downloadWaves();
    return chosen.length === all.length ? [] : all.filter((w) => chosen.includes(w));
  });

  private tableRequest = 0;

  /** A level for one quasi-identifier: the released one clears the choice (the API default). */
  protected chooseLevel(q: QuasiIdentifier, event: Event): void {
    const level = Number((event.target as HTMLSelectElement).value) as 0 | 1 | 2;
    const released = this.summary()?.microdata?.levels[q] ?? 0;
    this.qiChoice.update((c) => {
      const next = { ...c };
      if (level === released) delete next[q];
      else next[q] = level;
      return next;
    });
  }

  protected toggleOmit(group: MicrodataGroup, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.omitChoice.update((list) => MICRODATA_GROUPS.filter((g) => (g === group ? checked : list.includes(g))));
  }

  constructor() {
    effect(() => {
      const id = this.orgId();
      if (id) untracked(() => void this.loadAll(id));
    });
    // A new table or wave: default the dependent choices.
    effect(() => {
      const waves = this.waves();
      untracked(() => {
        if (!waves.includes(this.wave())) this.wave.set(waves.at(-1) ?? '');
      });
    });
    effect(() => {
      const versions = this.versions();
      untracked(() => {
        if (!versions.includes(this.catalogueVersion())) this.catalogueVersion.set(versions.at(-1) ?? '');
      });
    });
    effect(() => {
      const variables = this.variables();
      untracked(() => {
        if (!variables.some((v) => v.id === this.variable())) this.variable.set(variables[0]?.id ?? '');
      });
    });
    effect(() => {
      const id = this.orgId();
      const sel = this.selection();
      untracked(() => {
        if (id && sel) void this.loadTable(id, sel);
        else this.table.set(null);
      });
    });
  }

  protected async loadAll(orgId = this.orgId()): Promise<void> {
    if (!orgId) return;
    this.loadError.set(null);
    this.summary.set(null);
    this.catalogue.set(null);
    try {
      const [summary, catalogue] = await Promise.all([this.api.summary(orgId), this.api.tables(orgId)]);
      this.summary.set(summary);
      this.downloadWaves.set(summary.waves.map((w) => w.wave));
      this.catalogue.set(catalogue);
      if (!catalogue.some((e) => e.id === this.tableId()))
        this.tableId.set(catalogue.find((e) => e.waves.length)?.id ?? catalogue[0]?.id ?? '');
    } catch (e) {
      this.loadError.set(describeError(e).message);
    }
  }

  protected async loadTable(orgId: string, sel: TableSelection): Promise<void> {
    const request = ++this.tableRequest;
    this.tableLoading.set(true);
    this.tableError.set(null);
    try {
      const table = await this.api.table(orgId, sel);
      if (request === this.tableRequest) this.table.set(table);
    } catch (e) {
      if (request === this.tableRequest) {
        this.table.set(null);
        this.tableError.set(describeError(e).message);
      }
    } finally {
      if (request === this.tableRequest) this.tableLoading.set(false);
    }
  }

  protected retryTable(): void {
    const id = this.orgId();
    const sel = this.selection();
    if (id && sel) void this.loadTable(id, sel);
  }

  protected choose(signalName: 'wave' | 'catalogueVersion' | 'variable', event: Event): void {
    this[signalName].set((event.target as HTMLSelectElement).value);
  }

  protected choosePanelDimension(event: Event): void {
    this.panelDimension.set((event.target as HTMLSelectElement).value);
  }

  protected chooseTable(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    const entry = this.catalogue()?.find((e) => e.id === id);
    if (entry) this.tableId.set(entry.id);
  }

  protected toggleWave(wave: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.downloadWaves.update((list) => (checked ? [...new Set([...list, wave])] : list.filter((w) => w !== wave)));
  }

  /** A number with one decimal in the UI language (German decimal comma). */
  protected decimal(x: number): string {
    const s = x.toFixed(1);
    return this.lang() === 'de' ? s.replace('.', ',') : s;
  }

  /** A published figure as shown: means with the German decimal comma in German; marks as they are. */
  protected cellText(c: TableCell, table: DisclosedTable): string {
    return c.status === 'value' && table.valueKind === 'mean' && this.lang() === 'de'
      ? c.display.replace('.', ',')
      : c.display;
  }

  protected text(t: { en: string; de: string } | undefined): string {
    return t ? (this.lang() === 'de' ? t.de : t.en) : '';
  }
}
