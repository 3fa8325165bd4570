import * as echarts from 'echarts';
import type { ChamberBenchmarkData, ChamberReportLocale, ReportSeverity } from '@scs/shared/contracts';
import { FONT_STACK, FONT_STACK_ATTR, LEVEL_COLORS } from './chart';
import { html, raw, type Html } from './html';
import { REPORT_TIME_ZONE } from './labels';
import { REPORT_CSS } from './styles';

// The member benchmark report of a chamber: published (non-suppressed) figures only, chamber-branded, en/de.
// It shares the stylesheet, escaping and chart rendering of the firm report (report.template.ts).

/** Part of every member benchmark's cache key: bump it whenever the rendered output of the same figures changes. */
export const BENCHMARK_TEMPLATE_VERSION = '2';

interface BenchmarkLabels {
  title: string;
  subtitle: string;
  preparedBy: string;
  generatedAt: string;
  language: string;
  languageName: string;
  participation: string;
  participationIntro: string;
  invited: string;
  joined: string;
  submitted: string;
  campaign: string;
  withheld: string;
  results: string;
  resultsIntro: (firms: number, k: number) => string;
  introduction: string;
  total: string;
  levelsNote: (total: number, firms: number, k: number) => string;
  noResults: (k: number) => string;
  membersCounted: string;
  overallMean: string;
  levels: string;
  level: string;
  firms: string;
  share: string;
  exposure: string;
  exposureIntro: string;
  dimension: string;
  mean: string;
  findings: string;
  findingsIntro: (k: number) => string;
  noFindings: string;
  severity: string;
  severities: Record<ReportSeverity, string>;
  method: string;
  methodText: (k: number) => string[];
  formatDateTime: (iso: string) => string;
  suppressedNote: (n: number) => string;
  notice: string;
  page: string;
  of: string;
  formatNumber: (n: number) => string;
  formatPercent: (share: number) => string;
  formatDate: (iso: string) => string;
}

const number = (locale: string, digits: number) => (n: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

const LABELS: Record<ChamberReportLocale, BenchmarkLabels> = {
  en: {
    title: 'Member benchmark',
    subtitle: "Exposure of our member firms to China's Corporate Social Credit System",
    preparedBy: 'Published by',
    generatedAt: 'Figures as of',
    language: 'Language',
    languageName: 'English',
    participation: 'Participation',
    participationIntro:
      'Firms invited to the SCS Check self-assessment through our campaigns, firms that joined, and firms that submitted an assessment.',
    invited: 'Invited',
    joined: 'Joined',
    submitted: 'Submitted',
    campaign: 'Campaign',
    withheld: 'withheld',
    results: 'Results',
    resultsIntro: (firms, k) =>
      `Based on the latest submitted assessment of ${firms} member firms that agreed to share their anonymised results with us. Results are published only once at least ${k} members share them; every figure below carries random noise (see “How these figures come about”).`,
    introduction: 'Introduction',
    total: 'Total of the released counts',
    levelsNote: (total, firms, k) =>
      `Counts are rounded to multiples of ${k} and carry random noise, so they add up to ${total}, not to the ${firms} members counted; a count of ${k} does not mean that exactly ${k} firms are at that level. Shares are of the released counts and add up to 100 %. “withheld”: the count was withheld to protect the firms.`,
    noResults: (k) =>
      `Fewer than ${k} member firms have shared their results so far: no result figures can be published yet.`,
    membersCounted: 'Members counted',
    overallMean: 'Mean overall score',
    levels: 'Overall exposure level',
    level: 'Level',
    firms: 'Firms',
    share: 'Share',
    exposure: 'Exposure by dimension',
    exposureIntro:
      'Mean score (0 = no exposure, 100 = maximum exposure) per dimension, over the members to which the dimension applies.',
    dimension: 'Dimension',
    mean: 'Mean score',
    findings: 'Most frequent findings',
    findingsIntro: (k) =>
      `Findings whose released (noisy, rounded) count reaches ${k}, at most ten; a finding every member shares is not listed.`,
    noFindings: 'No finding is frequent enough to be published.',
    severity: 'Severity',
    severities: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
    method: 'How these figures come about',
    methodText: (k) => [
      'SCS Check is a self-assessment: each firm answers questions about its own situation, and the tool scores its exposure per risk dimension. The figures describe what the firms reported; they are not an official rating.',
      `Only firms that gave their consent are counted, each with its latest submitted assessment, and results are released only once at least ${k} members share them. Before release, every score is replaced by the middle of its 25-point band; counts are rounded to multiples of ${k}; every count and every sum behind a mean carries random noise, drawn once per quarterly release. A single figure can therefore be off by a few firms or points, which is what keeps each firm's own result hidden. Groups too small to show and figures from which a small group could be recomputed are withheld and marked as such. We never see a firm's answers, scores or reports.`,
    ],
    suppressedNote: (n) => `${n} figure${n === 1 ? ' was' : 's were'} withheld.`,
    notice: 'Self-assessment of self-reported facts – not an official rating.',
    page: 'Page',
    of: 'of',
    formatNumber: number('en-GB', 1),
    formatPercent: (s) => `${number('en-GB', 0)(s * 100)} %`,
    formatDate: (iso) =>
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: REPORT_TIME_ZONE,
      }).format(new Date(iso)),
    formatDateTime: (iso) =>
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: REPORT_TIME_ZONE,
        timeZoneName: 'short',
      }).format(new Date(iso)),
  },
  de: {
    title: 'Mitglieder-Benchmark',
    subtitle: 'Betroffenheit unserer Mitgliedsunternehmen vom chinesischen Corporate Social Credit System',
    preparedBy: 'Herausgegeben von',
    generatedAt: 'Stand der Zahlen',
    language: 'Sprache',
    languageName: 'Deutsch',
    participation: 'Beteiligung',
    participationIntro:
      'Über unsere Kampagnen zum SCS-Check-Selbstcheck eingeladene Unternehmen, beigetretene Unternehmen und Unternehmen, die einen Selbstcheck abgeschlossen haben.',
    invited: 'Eingeladen',
    joined: 'Beigetreten',
    submitted: 'Eingereicht',
    campaign: 'Kampagne',
    withheld: 'zurückgehalten',
    results: 'Ergebnisse',
    resultsIntro: (firms, k) =>
      `Grundlage ist der zuletzt abgeschlossene Selbstcheck von ${firms} Mitgliedsunternehmen, die der Weitergabe ihrer anonymisierten Ergebnisse an uns zugestimmt haben. Ergebnisse erscheinen erst, wenn mindestens ${k} Mitglieder sie teilen; jede Zahl unten ist mit Zufallsrauschen versehen (siehe „Wie diese Zahlen zustande kommen“).`,
    introduction: 'Einleitung',
    total: 'Summe der veröffentlichten Anzahlen',
    levelsNote: (total, firms, k) =>
      `Anzahlen sind auf Vielfache von ${k} gerundet und mit Zufallsrauschen versehen; sie ergeben daher ${total}, nicht die ${firms} gezählten Mitglieder. Eine Anzahl von ${k} bedeutet nicht, dass genau ${k} Unternehmen diese Risikostufe haben. Anteile beziehen sich auf die veröffentlichten Anzahlen und ergeben zusammen 100 %. „zurückgehalten“: Die Anzahl wurde zum Schutz der Unternehmen nicht veröffentlicht.`,
    noResults: (k) =>
      `Bisher haben weniger als ${k} Mitgliedsunternehmen ihre Ergebnisse geteilt: Es können noch keine Ergebniszahlen veröffentlicht werden.`,
    membersCounted: 'Gezählte Mitglieder',
    overallMean: 'Mittlerer Gesamtwert',
    levels: 'Risikostufe (gesamt)',
    level: 'Risikostufe',
    firms: 'Unternehmen',
    share: 'Anteil',
    exposure: 'Betroffenheit je Dimension',
    exposureIntro:
      'Mittlerer Wert (0 = keine Betroffenheit, 100 = höchste Betroffenheit) je Dimension, über die Mitglieder, für die die Dimension gilt.',
    dimension: 'Dimension',
    mean: 'Mittelwert',
    findings: 'Häufigste Befunde',
    findingsIntro: (k) =>
      `Befunde, deren veröffentlichte (gerundete, verrauschte) Anzahl ${k} erreicht, höchstens zehn; ein Befund, den alle Mitglieder teilen, wird nicht aufgeführt.`,
    noFindings: 'Kein Befund ist häufig genug, um veröffentlicht zu werden.',
    severity: 'Schweregrad',
    severities: { critical: 'Kritisch', high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
    method: 'Wie diese Zahlen zustande kommen',
    methodText: (k) => [
      'SCS Check ist ein Selbstcheck: Jedes Unternehmen beantwortet Fragen zu seiner eigenen Lage, das Werkzeug bewertet daraus seine Betroffenheit je Dimension. Die Zahlen beschreiben die Angaben der Unternehmen; sie sind keine amtliche Bewertung.',
      `Gezählt werden nur Unternehmen, die eingewilligt haben, jeweils mit ihrem zuletzt abgeschlossenen Selbstcheck; Ergebnisse erscheinen erst, wenn mindestens ${k} Mitglieder sie teilen. Vor der Veröffentlichung wird jeder Betroffenheitswert durch die Mitte seines 25-Punkte-Bandes ersetzt, Anzahlen werden auf Vielfache von ${k} gerundet, und jede Anzahl und jede Summe hinter einem Mittelwert erhält Zufallsrauschen, einmal je Quartalsveröffentlichung gezogen. Eine einzelne Zahl kann daher um einige Unternehmen oder Punkte abweichen; genau das hält das Ergebnis jedes einzelnen Unternehmens verborgen. Zu kleine Gruppen und Zahlen, aus denen sich eine kleine Gruppe errechnen ließe, werden zurückgehalten und als solche gekennzeichnet. Antworten, Werte oder Berichte einzelner Unternehmen sehen wir nie.`,
    ],
    suppressedNote: (n) => `${n} ${n === 1 ? 'Zahl wurde' : 'Zahlen wurden'} zurückgehalten.`,
    notice: 'Selbstcheck auf Grundlage eigener Angaben der Unternehmen – keine amtliche Bewertung.',
    page: 'Seite',
    of: 'von',
    formatNumber: number('de-DE', 1),
    formatPercent: (s) => `${number('de-DE', 0)(s * 100)} %`,
    formatDate: (iso) =>
      new Intl.DateTimeFormat('de-DE', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        timeZone: REPORT_TIME_ZONE,
      }).format(new Date(iso)),
    formatDateTime: (iso) =>
      new Intl.DateTimeFormat('de-DE', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: REPORT_TIME_ZONE,
        timeZoneName: 'short',
      }).format(new Date(iso)),
  },
};

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const safeImage = (uri: string | undefined) =>
  uri && /^data:image\/(png|jpeg);base64,[a-z0-9+/=\s]+$/i.test(uri) ? uri : undefined;

function svgChart(width: number, height: number, option: echarts.EChartsCoreOption): Html {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_STACK, fontSize: 11, color: '#263238' },
      ...option,
    });
    return raw(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars of published values; echarts draws the first category at the bottom, hence the reversal. */
function barChart(
  rows: { label: string; value: number; color: string; text: string }[],
  max: number | undefined,
): Html {
  if (!rows.length) return raw('');
  const data = [...rows].reverse();
  return svgChart(660, 34 + data.length * 24, {
    grid: { left: 260, right: 72, top: 8, bottom: 26 },
    xAxis: {
      type: 'value',
      min: 0,
      ...(max ? { max } : {}),
      axisLabel: { color: '#607d8b' },
      splitLine: { lineStyle: { color: '#e0e6ea' } },
    },
    yAxis: {
      type: 'category',
      data: data.map((r) => truncate(r.label, 42)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#90a4ae' } },
    },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: data.map((r) => ({
          value: r.value,
          itemStyle: { color: r.color, borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', formatter: r.text },
        })),
      },
    ],
  });
}

function exposureColor(mean: number): string {
  return mean <= 25
    ? LEVEL_COLORS.low
    : mean <= 50
      ? LEVEL_COLORS.moderate
      : mean <= 75
        ? LEVEL_COLORS.high
        : LEVEL_COLORS.critical;
}

const BENCHMARK_CSS = `
.bm-cover { height: 245mm; display: flex; flex-direction: column; }
.bm-cover .brand { display: flex; align-items: center; gap: 12pt; padding-bottom: 10pt; border-bottom: 1px solid #cfd8dc; min-height: 40pt; }
.bm-cover .brand img { max-height: 42pt; max-width: 160pt; }
.bm-cover .brand .name { font-size: 12pt; font-weight: 700; color: #0d3b53; }
.bm-cover .title { margin-top: 60pt; font-size: 28pt; font-weight: 700; color: #0d3b53; }
.bm-cover .subtitle { font-size: 12pt; color: #455a64; margin-top: 6pt; }
.bm-cover .chamber { margin-top: 40pt; font-size: 20pt; font-weight: 700; }
.bm-cover table.meta { margin-top: 26pt; width: 100%; border-collapse: collapse; }
.bm-cover table.meta th { text-align: left; width: 42%; font-weight: 400; color: #607d8b; padding: 3pt 0; border-bottom: 1px solid #eceff1; }
.bm-cover table.meta td { padding: 3pt 0; border-bottom: 1px solid #eceff1; }
.bm-cover .foot { margin-top: auto; }
.intro p { font-size: 10pt; line-height: 1.5; white-space: pre-line; }
.keep { break-inside: avoid; page-break-inside: avoid; }
`;

/** The complete, self-contained HTML of a member benchmark (no script, no external resource). */
export function renderBenchmarkHtml(d: ChamberBenchmarkData): string {
  const t = LABELS[d.locale === 'de' ? 'de' : 'en'];
  const b = d.branding;
  const logo = safeImage(b.logoDataUri);
  const p = d.participation;
  const count = (n: number | null) => (n === null ? html`<span class="muted">${t.withheld}</span>` : html`${n}`);
  const results = d.firms
    ? html`
      <p>${t.resultsIntro(d.firms, d.k)}</p>
      <div class="cards">
        <div class="card"><div class="label">${t.membersCounted}</div><div class="value">${d.firms}</div></div>
        ${d.overallMean !== null ? html`<div class="card"><div class="label">${t.overallMean}</div><div class="value">${t.formatNumber(d.overallMean)}</div><div class="sub">/ 100</div></div>` : ''}
      </div>
      ${
        d.levels.length
          ? html`<div class="keep"><h2>${t.levels}</h2>
          <div class="chart">${barChart(
            d.levels.map((l) => ({
              label: l.label,
              value: l.firms ?? 0,
              color: LEVEL_COLORS[l.level],
              text: l.firms === null ? t.withheld : `${l.firms} (${t.formatPercent(l.share ?? 0)})`,
            })),
            undefined,
          )}</div></div>
          <table class="grid"><thead><tr><th>${t.level}</th><th class="num">${t.firms}</th><th class="num">${t.share}</th></tr></thead>
          <tbody>${d.levels.map((l) => html`<tr><td><span class="badge lv-${l.level}">${l.label}</span></td><td class="num">${l.firms === null ? html`<span class="muted">${t.withheld}</span>` : l.firms}</td><td class="num">${l.share === null ? '–' : t.formatPercent(l.share)}</td></tr>`)}
          <tr><td><strong>${t.total}</strong></td><td class="num"><strong>${d.levelsTotal ?? '–'}</strong></td><td class="num"><strong>${d.levelsTotal ? t.formatPercent(1) : '–'}</strong></td></tr></tbody></table>
          ${d.levelsTotal !== null ? html`<p class="small muted">${t.levelsNote(d.levelsTotal, d.firms ?? 0, d.k)}</p>` : ''}`
          : ''
      }
      ${
        d.dimensions.length
          ? html`<h2>${t.exposure}</h2><p class="small muted">${t.exposureIntro}</p>
          <div class="chart">${barChart(
            d.dimensions.map((x) => ({
              label: `${x.code}  ${x.name}`,
              value: x.mean ?? 0,
              color: x.mean === null ? '#b0bec5' : exposureColor(x.mean),
              text: x.mean === null ? t.withheld : t.formatNumber(x.mean),
            })),
            100,
          )}</div>
          <table class="grid"><thead><tr><th>${t.dimension}</th><th class="num">${t.mean}</th></tr></thead>
          <tbody>${d.dimensions.map((x) => html`<tr><td>${x.code} ${x.name}</td><td class="num">${x.mean === null ? html`<span class="muted">${t.withheld}</span>` : t.formatNumber(x.mean)}</td></tr>`)}</tbody></table>`
          : ''
      }
      <h2>${t.findings}</h2>
      ${
        d.findings.length
          ? html`<p class="small muted">${t.findingsIntro(d.k)}</p>
          <table class="grid"><thead><tr><th>${t.severity}</th><th>${t.dimension}</th><th></th><th class="num">${t.firms}</th><th class="num">${t.share}</th></tr></thead>
          <tbody>${d.findings.map((f) => html`<tr><td class="nowrap"><span class="badge sev-${f.severity}">${t.severities[f.severity]}</span></td><td class="nowrap">${f.dimensionCode} ${f.dimensionName}</td><td>${f.title}</td><td class="num">${f.firms}</td><td class="num">${t.formatPercent(f.share)}</td></tr>`)}</tbody></table>`
          : html`<p class="muted">${t.noFindings}</p>`
      }`
    : html`<p class="warn">${t.noResults(d.k)}</p>`;

  return html`<!DOCTYPE html>
<html lang="${d.locale}">
<head>
<meta charset="utf-8">
<title>${t.title} – ${b.chamberName}</title>
<meta name="author" content="${b.chamberName}">
<meta name="description" content="${t.subtitle}">
<style>${raw(REPORT_CSS)}${raw(BENCHMARK_CSS)}</style>
</head>
<body>
<section class="bm-cover">
  <div class="brand">${logo ? html`<img src="${logo}" alt="${b.chamberName}">` : ''}<div><div class="muted small">${t.preparedBy}</div><div class="name">${b.chamberName}</div></div></div>
  <div class="title">${t.title}</div>
  <div class="subtitle">${t.subtitle}</div>
  <div class="chamber">${b.chamberName}</div>
  <table class="meta">
    <tr><th>${t.generatedAt}</th><td>${t.formatDateTime(d.generatedAt)}</td></tr>
    <tr><th>${t.language}</th><td>${t.languageName}</td></tr>
    <tr><th>${t.membersCounted}</th><td>${d.firms ?? '–'}</td></tr>
  </table>
  <div class="foot">
    ${b.contactLine ? html`<div class="small muted" style="margin-bottom:8pt">${b.chamberName} · ${b.contactLine}</div>` : ''}
    <div class="notice small">${t.notice}</div>
  </div>
</section>
${
  d.introduction
    ? html`<section class="section intro" id="introduction">
  <h1>${t.introduction}</h1>
  ${d.introduction.split(/\n\s*\n/).map((para) => html`<p>${para}</p>`)}
</section>`
    : ''
}
<section class="${d.introduction ? 'section flow' : 'section'}" id="participation">
  <h1>${t.participation}</h1>
  <p>${t.participationIntro}</p>
  <div class="cards">
    <div class="card"><div class="label">${t.invited}</div><div class="value">${p.invited}</div></div>
    <div class="card"><div class="label">${t.joined}</div><div class="value">${p.joined}</div></div>
    <div class="card"><div class="label">${t.submitted}</div><div class="value">${count(p.submitted)}</div></div>
  </div>
  ${
    p.campaigns.length
      ? html`<table class="grid"><thead><tr><th>${t.campaign}</th><th class="num">${t.invited}</th><th class="num">${t.joined}</th><th class="num">${t.submitted}</th></tr></thead>
      <tbody>${p.campaigns.map((c) => html`<tr><td>${c.title}</td><td class="num">${c.invited}</td><td class="num">${c.joined}</td><td class="num">${count(c.submitted)}</td></tr>`)}</tbody></table>`
      : ''
  }
  <h1 style="margin-top:18pt">${t.results}</h1>
  ${results}
  <div class="keep method">
    <h2>${t.method}</h2>
    ${t.methodText(d.k).map((x) => html`<p class="small">${x}</p>`)}
    ${d.suppressedCells ? html`<p class="small muted">${t.suppressedNote(d.suppressedCells)}</p>` : ''}
  </div>
</section>
</body>
</html>`.value;
}

/** page.pdf() options: A4, running header and footer with page numbers, tagged, with outline. */
export function benchmarkPdfOptions(d: ChamberBenchmarkData) {
  const t = LABELS[d.locale === 'de' ? 'de' : 'en'];
  const style = `font-family:${FONT_STACK_ATTR};font-size:7.5pt;color:#607d8b;width:100%;margin:0 16mm;display:flex;justify-content:space-between;`;
  return {
    format: 'A4' as const,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate:
      html`<div style="${style}border-bottom:0.5pt solid #cfd8dc;padding-bottom:2pt;"><span>${t.title}</span><span>${d.branding.chamberName}</span></div>`
        .value,
    footerTemplate:
      html`<div style="${style}"><span>${t.generatedAt} ${t.formatDate(d.generatedAt)}</span><span>${t.page} ${raw('<span class="pageNumber"></span>')} ${t.of} ${raw('<span class="totalPages"></span>')}</span></div>`
        .value,
    margin: { top: '20mm', bottom: '17mm', left: '16mm', right: '16mm' },
    tagged: true,
    outline: true,
  };
}
