import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { chartOptions, chartedCellCount, heatmapPieces, panelDimensions } from './data/chart-options';
import { ResearchApi, tableQuery } from './data/research.api';
import type { DisclosedTable, TableCell } from './data/research.types';
import de from './i18n/de.json';
import en from './i18n/en.json';
import { ResearchPage } from './pages/research.page';
import { nextRequest, settle, text } from '@scs/web/core/testing';

const v = (n: number): TableCell => ({ value: n, display: String(n), status: 'value' });
const SUP: TableCell = { value: null, display: '.', status: 'suppressed' };
const LT3: TableCell = { value: null, display: '<3', status: 'lt3' };
const t2 = (en: string, de = en) => ({ en, de });

const TABLE: DisclosedTable = {
  id: 'level-by-sector',
  title: t2('Risk level by sector', 'Risikostufe nach Branche'),
  waves: ['2025-H2'],
  k: 10,
  rowVariable: 'sector',
  valueKind: 'count',
  chart: 'heatmap',
  columns: [
    { key: 'low', label: t2('Low') },
    { key: 'high', label: t2('High') },
  ],
  rows: [
    { key: '_all', label: t2('All firms'), total: true, n: v(40), cells: [v(30), v(10)] },
    { key: 'manufacturing', label: t2('Manufacturing'), total: false, n: v(25), cells: [v(23), LT3] },
    { key: 'other', label: t2('Other'), total: false, n: SUP, cells: [SUP, SUP], suppressed: 'primary' },
  ],
  coarsened: [],
  notes: [t2('"." = suppressed'), t2('Extra note')],
};

const SUMMARY = {
  k: 10,
  firms: 120,
  waves: [
    { wave: '2025-H1', firms: 60, catalogueVersions: ['2026.1'] },
    { wave: '2025-H2', firms: 60, catalogueVersions: ['2026.1'] },
  ],
  openWave: '2026-H2',
};
const CATALOGUE = [
  {
    id: 'level-by-sector',
    title: TABLE.title,
    description: t2('Firms per level'),
    chart: 'heatmap',
    params: ['wave'],
    waves: ['2025-H1', '2025-H2'],
  },
  {
    id: 'answers-by-legal-form',
    title: t2('Answers'),
    description: t2('Answers by legal form'),
    chart: 'bars',
    params: ['wave', 'variable'],
    waves: ['2025-H1', '2025-H2'],
    variables: [
      { id: '2026.1:T1', label: t2('Tax grade') },
      { id: '2026.1:T2', label: t2('Invoices') },
    ],
  },
  {
    id: 'wave-change',
    title: t2('Change'),
    description: t2('Panel'),
    chart: 'lines',
    params: ['from', 'to'],
    waves: ['2025-H2'],
  },
];

describe('research web feature', () => {
  let http: HttpTestingController;
  let session: SessionService;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: { research: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
      deferBlockBehavior: DeferBlockBehavior.Manual, // echarts is not rendered in jsdom; the table is
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'r@uni.example',
      name: 'R',
      platformAdmin: false,
      memberships: [{ orgId: 'res-1', orgName: 'Uni Research', kind: 'research', role: 'researcher' }],
    });
    session.loaded.set(true);
  });
  afterEach(() => http.verify());

  it('has the same keys in German and English', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o)
        .flatMap(([k, x]) => (typeof x === 'object' ? keys(x, `${p}${k}.`) : [`${p}${k}`]))
        .sort();
    expect(keys(de)).toEqual(keys(en));
  });

  it('builds API URLs for tables, CSV, microdata and codebook', () => {
    const api = TestBed.inject(ResearchApi);
    expect(tableQuery({ table: 'answers-by-legal-form', wave: '2025-H2', variable: '2026.1:T1' })).toBe(
      '?wave=2025-H2&variable=2026.1%3AT1',
    );
    expect(tableQuery({ table: 'level-by-sector', wave: '2025-H2', variable: 'ignored' })).toBe('?wave=2025-H2');
    expect(api.tableCsvUrl('o', { table: 'level-by-sector', wave: '2025-H1' }, 'de')).toBe(
      '/api/research/o/tables/level-by-sector/csv?wave=2025-H1&lang=de',
    );
    expect(api.microdataUrl('o', [])).toBe('/api/research/o/microdata.csv');
    expect(api.microdataUrl('o', ['2025-H1', '2025-H2'])).toBe('/api/research/o/microdata.csv?waves=2025-H1,2025-H2');
    expect(api.codebookUrl('o', 'ddi', ['2025-H1'])).toBe('/api/research/o/codebook?format=ddi&waves=2025-H1');
  });

  it('charts only published cells: heatmap, bars and lines', () => {
    expect(chartedCellCount(TABLE)).toBe(3);
    const heat = chartOptions(TABLE, 'de') as { series: { data: number[][] }[]; yAxis: { data: string[] } };
    expect(heat.series[0]?.data).toEqual([
      [0, 1, 23],
      [0, 2, 30],
      [1, 2, 10],
    ]);
    expect(heat.yAxis.data).toEqual(['Other', 'Manufacturing', 'All firms']);
    const bars = chartOptions({ ...TABLE, chart: 'bars' }, 'en') as {
      series: { name: string; data: (number | null)[] }[];
      xAxis: { data: string[] };
    };
    expect(bars.xAxis.data).toEqual(['Manufacturing', 'Other']);
    expect(bars.series.map((s) => s.data)).toEqual([
      [23, null],
      [null, null],
    ]);
    const panel: DisclosedTable = {
      ...TABLE,
      chart: 'lines',
      waves: ['2025-H1', '2025-H2'],
      rows: [TABLE.rows[0]!, { ...TABLE.rows[1]!, cells: [v(40), v(45), v(5)] }, TABLE.rows[2]!],
    };
    const lines = chartOptions(panel, 'en') as {
      series: { name: string; data: (number | null)[] }[];
      xAxis: { data: string[] };
    };
    expect(lines.xAxis.data).toEqual(['2025-H1', '2025-H2']);
    expect(lines.series).toEqual([expect.objectContaining({ name: 'Manufacturing', data: [40, 45] })]);
  });

  it('keeps the margin off the heatmap scale, shows the scale with values, and turns narrow heatmaps', () => {
    const heat = chartOptions(TABLE, 'en') as {
      series: { data: number[][] }[];
      visualMap: { seriesIndex: number; pieces: { min: number; max: number; label: string }[] };
    };
    // Series 1 (coloured on the scale) holds the groups only; the margin (30, 10) would make 23 look pale.
    expect(heat.series[1]?.data).toEqual([[0, 1, 23]]);
    expect(heat.visualMap.seriesIndex).toBe(1);
    expect(heatmapPieces(TABLE, 'en').at(-1)).toEqual({ min: 18, max: 23, label: '18–23' });
    expect(heat.visualMap.pieces.map((p) => p.label)).toEqual(['0–5', '5–9', '9–14', '14–18', '18–23']);
    const means = heatmapPieces({ ...TABLE, valueKind: 'mean' }, 'de').map((p) => p.label);
    expect(means).toEqual(['0–20', '20–40', '40–60', '60–80', '80–100']);
    const wide = { ...TABLE, columns: Array.from({ length: 8 }, (_, i) => ({ key: `d${i}`, label: t2(`D${i}`) })) };
    wide.rows = TABLE.rows.map((r) => ({ ...r, cells: wide.columns.map(() => v(12)) }));
    const narrow = chartOptions(wide, 'en', { width: 390 }) as { xAxis: { data: string[] }; yAxis: { data: string[] } };
    expect(narrow.xAxis.data).toEqual(['All firms', 'Manufacturing', 'Other']);
    expect(narrow.yAxis.data).toHaveLength(8);
  });

  it('shows one panel dimension at a time, with overall as a dashed reference, each legend entry distinct', () => {
    const panel: DisclosedTable = {
      ...TABLE,
      id: 'wave-change',
      chart: 'lines',
      waves: ['2025-H1', '2025-H2'],
      rows: [
        { ...TABLE.rows[0]!, key: '_all' },
        { key: 'overall', label: t2('Overall'), total: false, n: v(0), cells: [v(40), v(42), v(2)] },
        { key: 'tax', label: t2('Tax'), total: false, n: v(0), cells: [v(30), v(20), v(-10)] },
        { key: 'data', label: t2('Data'), total: false, n: SUP, cells: [SUP, SUP, SUP], suppressed: 'primary' },
      ],
    };
    expect(panelDimensions(panel).map((d) => d.key)).toEqual(['overall', 'tax']);
    const one = chartOptions(panel, 'en', { dimension: 'tax' }) as {
      series: { name: string; data: number[]; lineStyle: { type?: string }; itemStyle: { color: string } }[];
    };
    expect(one.series.map((s) => [s.name, s.data])).toEqual([
      ['Tax', [30, 20]],
      ['Overall', [40, 42]],
    ]);
    expect(one.series[1]?.lineStyle.type).toBe('dashed');
    expect(new Set(one.series.map((s) => s.itemStyle.color)).size).toBe(2);
    const bars = chartOptions({ ...TABLE, chart: 'bars' }, 'en') as { series: { itemStyle: { color: string } }[] };
    expect(new Set(bars.series.map((s) => s.itemStyle.color)).size).toBe(bars.series.length);
  });

  async function open(): Promise<{ fixture: ComponentFixture<ResearchPage>; el: HTMLElement }> {
    const fixture = TestBed.createComponent(ResearchPage);
    const el = fixture.nativeElement as HTMLElement;
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/summary')).flush(SUMMARY);
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/tables')).flush(CATALOGUE);
    return { fixture, el };
  }

  it('shows each mean with its n, SD and 95 % CI, and links the table scripts and codebook', async () => {
    const { fixture, el } = await open();
    const req = await nextRequest(fixture, http, (r) => r.url.startsWith('/api/research/res-1/tables/'));
    const spread = { n: 25, sd: 8.1, ciLow: 32.9, ciHigh: 39.5 };
    req.flush({
      ...TABLE,
      valueKind: 'mean',
      rows: [
        {
          ...TABLE.rows[0]!,
          cells: [
            { ...v(36.2), spread },
            { ...v(40), spread: { ...spread, sd: null, ciLow: null, ciHigh: null } },
          ],
        },
        TABLE.rows[2]!,
      ],
    } satisfies DisclosedTable);
    await settle(fixture);
    const spreads = [...el.querySelectorAll('[data-testid="spread"]')].map(text);
    expect(spreads).toEqual(['n = 25 · SD 8.1 95% CI 32.9–39.5', 'n = 25']);
    // Suppressed cells show their mark only.
    expect(el.querySelector('tr[data-row="other"] [data-testid="spread"]')).toBeNull();
    expect(text(el.querySelector('[data-testid="spread-legend"]'))).toContain('confidence interval');
    expect(el.querySelector('[data-testid="download-table-stata"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/tables/level-by-sector/codebook?wave=2025-H2&format=stata&lang=en',
    );
    expect(el.querySelector('[data-testid="download-table-ddi"]')?.getAttribute('href')).toContain('format=ddi');
  });

  it('shows the dataset summary, the first table with suppression marks and legend, and the download links', async () => {
    const { fixture, el } = await open();
    const req = await nextRequest(fixture, http, (r) => r.url.startsWith('/api/research/res-1/tables/'));
    expect(req.request.urlWithParams).toBe('/api/research/res-1/tables/level-by-sector?wave=2025-H2');
    req.flush(TABLE);
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="summary-firms"]'))).toBe('120');
    expect(text(el.querySelector('[data-testid="summary-waves"]'))).toBe('2');
    expect(text(el.querySelector('[data-testid="open-wave"]'))).toContain('2026-H2');
    const cells = [...el.querySelectorAll('[data-testid="research-table"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map(text),
    );
    expect(cells).toEqual([
      ['All firms', '40', '30', '10'],
      ['Manufacturing', '25', '23', '<3'],
      ['Other (fewer than k firms)', '.', '.', '.'],
    ]);
    expect(el.querySelector('td[data-status="suppressed"]')?.getAttribute('title')).toContain('fewer than 10 firms');
    expect(text(el.querySelector('[data-testid="legend"]'))).toContain('at least k = 10 firms');
    expect(text(el.querySelector('[data-testid="suppressed-count"]'))).toBe('3 cells of this table are suppressed.');
    expect(text(el.querySelector('[data-testid="legend"]'))).toContain('Extra note');
    expect(el.querySelector('[data-testid="download-csv"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/tables/level-by-sector/csv?wave=2025-H2&lang=en',
    );
    expect(el.querySelector('[data-testid="download-microdata"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/microdata.csv',
    );
    expect(el.querySelector('[data-testid="download-codebook-ddi"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/codebook?format=ddi',
    );
    expect(el.querySelector('[data-testid="download-codebook-json"]')?.getAttribute('download')).toBe('codebook.json');
    expect(el.querySelector('[data-testid="download-script-stata"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/codebook?format=stata&lang=en',
    );
    expect(el.querySelector('[data-testid="download-script-r"]')?.getAttribute('download')).toBe('microdata.R');
    expect(text(el.querySelector('[data-testid="heatmap-scale-note"]'))).toContain('not on the scale');

    // Only one wave for the downloads.
    const box = el.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')[1]!;
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(el.querySelector('[data-testid="download-microdata"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/microdata.csv?waves=2025-H1',
    );
  });

  it('offers per attribute the released level or coarser ones, and leaving out groups; the links carry the choice', async () => {
    const fixture = TestBed.createComponent(ResearchPage);
    const el = fixture.nativeElement as HTMLElement;
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/summary')).flush({
      ...SUMMARY,
      microdata: { levels: { sector: 1, province: 2, size: 0, legalForm: 1, activities: 2 }, topCodedAnswers: 4 },
    });
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/tables')).flush(CATALOGUE);
    (await nextRequest(fixture, http, (r) => r.url.startsWith('/api/research/res-1/tables/'))).flush(TABLE);
    await settle(fixture);
    const options = (q: string) =>
      [...el.querySelectorAll(`[data-testid="qi-${q}"] option`)].map((o) => o.textContent?.trim());
    expect(options('sector')).toEqual(['as released (grouped)', 'dropped']);
    expect(options('size')).toEqual(['as released (exact)', 'grouped', 'dropped']);
    expect(options('province')).toEqual(['as released (dropped)']);
    expect(text(el.querySelector('[data-testid="microdata-variables"]'))).toContain('4 answer codes');
    const size = el.querySelector<HTMLSelectElement>('[data-testid="qi-size"]')!;
    size.value = '2';
    size.dispatchEvent(new Event('change'));
    const module = el.querySelector<HTMLInputElement>('[data-testid="omit-module"]')!;
    module.checked = true;
    module.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(el.querySelector('[data-testid="download-microdata"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/microdata.csv?qi=size:dropped&omit=module',
    );
    expect(el.querySelector('[data-testid="download-codebook-html"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/codebook?format=html&qi=size:dropped&omit=module',
    );
    // Back to the released level: no parameter (the API default).
    size.value = '0';
    size.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(el.querySelector('[data-testid="download-microdata"]')?.getAttribute('href')).toBe(
      '/api/research/res-1/microdata.csv?omit=module',
    );
  });

  it('asks for a question (filtered by catalogue version) for the answers table', async () => {
    const { fixture, el } = await open();
    (await nextRequest(fixture, http, (r) => r.url.startsWith('/api/research/res-1/tables/'))).flush(TABLE);
    await settle(fixture);
    const select = el.querySelector<HTMLSelectElement>('[data-testid="table-select"]')!;
    select.value = 'answers-by-legal-form';
    select.dispatchEvent(new Event('change'));
    const req = await nextRequest(fixture, http, (r) =>
      r.url.startsWith('/api/research/res-1/tables/answers-by-legal-form'),
    );
    expect(req.request.urlWithParams).toBe(
      '/api/research/res-1/tables/answers-by-legal-form?wave=2025-H2&variable=2026.1%3AT1',
    );
    req.flush({ ...TABLE, id: 'answers-by-legal-form', chart: 'bars', rowVariable: 'legalForm' });
    await settle(fixture);
    expect([...el.querySelectorAll('[data-testid="version-select"] option')].map(text)).toEqual(['2026.1']);
    expect([...el.querySelectorAll('[data-testid="variable-select"] option')].map(text)).toEqual([
      'T1 – Tax grade',
      'T2 – Invoices',
    ]);
    expect(text(el.querySelector('[data-testid="research-table"] thead th'))).toBe('Legal form');
  });

  it('shows the empty state when no closed wave holds data', async () => {
    const fixture = TestBed.createComponent(ResearchPage);
    const el = fixture.nativeElement as HTMLElement;
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/summary')).flush({
      k: 10,
      firms: null,
      waves: [],
      openWave: '2026-H2',
    });
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/tables')).flush(
      CATALOGUE.map((c) => ({ ...c, waves: [] })),
    );
    await settle(fixture);
    expect(text(el.querySelector('[data-testid="empty"] h2'))).toBe('No consented data yet');
    expect(el.querySelector('[data-testid="research-table"]')).toBeNull();
  });

  it('shows the API error with a retry', async () => {
    const fixture = TestBed.createComponent(ResearchPage);
    const el = fixture.nativeElement as HTMLElement;
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/summary')).flush(
      { message: 'Database unavailable' },
      { status: 503, statusText: 'Unavailable' },
    );
    (await nextRequest(fixture, http, (r) => r.url === '/api/research/res-1/tables')).flush(CATALOGUE);
    await settle(fixture);
    expect(text(el)).toContain('Database unavailable');
  });

  it('tells non-researchers that the dashboard is for researchers only, without calling the API', async () => {
    session.user.set({
      id: 'u2',
      email: 'f@firm.example',
      name: 'F',
      platformAdmin: false,
      memberships: [{ orgId: 'firm-1', orgName: 'Firm', kind: 'firm', role: 'owner' }],
    });
    const fixture = TestBed.createComponent(ResearchPage);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid="gate"]'))).toContain('For researchers only');
    expect(http.match(() => true)).toHaveLength(0);
  });
});
