import type { ChamberBenchmarkData } from '@scs/shared/contracts';
import { benchmarkPdfOptions, renderBenchmarkHtml } from './benchmark.template';

function figures(overrides: Partial<ChamberBenchmarkData> = {}): ChamberBenchmarkData {
  return {
    locale: 'en',
    generatedAt: '2026-11-26T10:00:00.000Z',
    branding: { chamberName: 'AHK <img src=x onerror=alert(1)>', contactLine: 'Tel. +86 21 0000' },
    k: 10,
    participation: {
      invited: 120,
      joined: 48,
      submitted: null,
      campaigns: [{ title: 'Herbst <b>2026</b>', invited: 120, joined: 48, submitted: null }],
    },
    firms: 31,
    overallMean: 42.4,
    levels: [
      { level: 'low', label: 'Low', firms: 10, share: 10 / 30 },
      { level: 'moderate', label: 'Moderate', firms: null, share: null },
      { level: 'critical', label: 'High / Critical', firms: 20, share: 20 / 30 },
    ],
    levelsTotal: 30,
    dimensions: [
      { code: 'D1', name: 'Tax', mean: 38.2 },
      { code: 'D2', name: 'Customs', mean: null },
    ],
    introduction: 'Dear members,\n\nthank you <script>x()</script> for taking part.',
    findings: [
      {
        title: 'Late tax filings',
        dimensionCode: 'D1',
        dimensionName: 'Tax',
        severity: 'high',
        firms: 14,
        share: 14 / 31,
      },
    ],
    suppressedCells: 3,
    ...overrides,
  };
}

describe('member benchmark template', () => {
  it('escapes the chamber name and campaign titles and loads nothing from the network', () => {
    const page = renderBenchmarkHtml(figures());
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('AHK &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Herbst &lt;b&gt;2026&lt;/b&gt;');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('prints the published figures, "withheld" for a withheld count and how many figures were suppressed', () => {
    const page = renderBenchmarkHtml(figures());
    for (const text of [
      'Member benchmark',
      'Participation',
      'Most frequent findings',
      'Late tax filings',
      'High / Critical',
      '42.4',
      'withheld',
      '3 figures were withheld',
    ]) {
      expect(page).toContain(text);
    }
  });

  it('never promises more than it shows: counts are said to be noisy and rounded, shares add up to 100 %, and a withheld level is printed as withheld', () => {
    const page = renderBenchmarkHtml(figures());
    expect(page).not.toMatch(/Every figure counts at least|covers at least/);
    expect(page).toContain('carry random noise');
    expect(page).toMatch(
      /<td><span class="badge lv-moderate">Moderate<\/span><\/td><td class="num"><span class="muted">withheld<\/span>/,
    );
    expect(page).toContain('<strong>30</strong>');
    expect(page).toContain('<strong>100 %</strong>');
    expect(page).toContain('they add up to 30, not to the 31 members counted');
    expect(page).toMatch(/<td>D2 Customs<\/td><td class="num"><span class="muted">withheld<\/span>/);
  });

  it("prints the chamber's own introduction, escaped, one paragraph per block", () => {
    const page = renderBenchmarkHtml(figures());
    expect(page).toContain('<h1>Introduction</h1>');
    expect(page).toContain('<p>Dear members,</p>');
    expect(page).toContain('<p>thank you &lt;script&gt;x()&lt;/script&gt; for taking part.</p>');
    expect(renderBenchmarkHtml(figures({ introduction: null }))).not.toContain('id="introduction"');
  });

  it('keeps the method section together, so no lone paragraph ends the report', () => {
    expect(renderBenchmarkHtml(figures())).toContain('<div class="keep method">');
  });

  it('says that nothing can be published below k members, in German', () => {
    const page = renderBenchmarkHtml(
      figures({
        locale: 'de',
        firms: null,
        overallMean: null,
        levels: [],
        dimensions: [],
        findings: [],
        suppressedCells: 0,
      }),
    );
    expect(page).toContain('Mitglieder-Benchmark');
    expect(page).toContain('Bisher haben weniger als 10 Mitgliedsunternehmen ihre Ergebnisse geteilt');
    expect(page).not.toContain('Häufigste Befunde');
    expect(page).not.toContain('Feststellung');
  });

  it('puts the chamber into the running header and page numbers into the footer', () => {
    const options = benchmarkPdfOptions(figures());
    expect(options.headerTemplate).toContain('AHK &lt;img');
    expect(options.footerTemplate).toContain('class="pageNumber"');
    expect(options).toMatchObject({ format: 'A4', tagged: true, outline: true });
  });
});
