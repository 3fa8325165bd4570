import type { ReportData } from '@scs/shared/contracts';
import { readCatalogue } from '../../testing/read-catalogue';
import { exampleReportData } from '../data/example';
import { cssString, pageMarginCss, renderReportHtml, safeImage, safeUrl } from './report.template';

const catalogue = readCatalogue();
const HOSTILE = '<img src=x onerror=alert(1)>';
const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function render(overrides: Partial<ReportData> = {}, locale: 'en' | 'de' = 'en'): string {
  return renderReportHtml({ ...exampleReportData(catalogue, { locale }), ...overrides });
}

describe('report template', () => {
  const en = exampleReportData(catalogue, { locale: 'en' });
  const enHtml = renderReportHtml(en);
  const deHtml = renderReportHtml(exampleReportData(catalogue, { locale: 'de' }));

  it('renders every section of the English report', () => {
    for (const heading of [
      'Management summary',
      'Results at a glance',
      'Results by dimension',
      'Action plan',
      'Comparison with the previous assessment',
      'Facts to verify',
      'Appendix: methodology and sources',
    ]) {
      expect(enHtml).toContain(heading);
    }
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('<title>SCS Check risk report – Musterwerk Präzisionsteile (Taicang) Co., Ltd.</title>');
  });

  it('renders every section of the German report in German', () => {
    for (const heading of [
      'Management-Zusammenfassung',
      'Ergebnis im Überblick',
      'Ergebnisse je Dimension',
      'Maßnahmenplan',
      'Vergleich mit dem vorigen Selbstcheck',
      'Zu prüfende Angaben',
      'Anhang: Methodik und Quellen',
    ]) {
      expect(deHtml).toContain(heading);
    }
    expect(deHtml).toContain('<html lang="de">');
    expect(deHtml).toContain('keine amtliche Bewertung');
    expect(deHtml).not.toContain('Management summary');
  });

  it('has one section per dimension with findings, with its Chinese name, and one line per dimension without', () => {
    const applicable = en.dimensions.filter((x) => x.applicable);
    const without = applicable.filter((x) => !x.findings.length);
    expect(without.length).toBeGreaterThan(0);
    for (const d of applicable.filter((x) => x.findings.length))
      expect(enHtml).toContain(`${d.code} ${d.name} <span class="zh" lang="zh-Hans">${d.nameZh}</span>`);
    for (const d of without) {
      expect(enHtml).not.toContain(`<h2>${d.code} `);
      expect(enHtml).toContain(`<tr><td>${d.code} ${d.name}</td>`);
    }
    const notApplicable = en.dimensions.filter((x) => !x.applicable);
    expect(notApplicable.length).toBeGreaterThan(0);
    for (const d of notApplicable) expect(enHtml).not.toContain(`<h2>${d.code} `);
  });

  it('prints each finding with severity, meaning, consequences, remediation and references', () => {
    const f = en.result.findings[0];
    if (!f) throw new Error('the example has findings');
    expect(enHtml).toContain(escapeHtml(f.title));
    for (const step of f.remediation)
      expect(enHtml).toContain(
        step
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;'),
      );
    expect(enHtml).toContain(`badge sev-${f.severity}`);
  });

  it('lists every cited regulation once, numbered, with its status once; findings cite by number and mark an unconfirmed basis', () => {
    const applicable = en.dimensions.filter((d) => d.applicable);
    const cited = new Map(
      applicable.flatMap((d) => [...d.findings.flatMap((f) => f.references), ...d.references]).map((r) => [r.id, r]),
    );
    const unconfirmed = [...cited.values()].filter((r) => r.status === 'unconfirmed');
    expect(unconfirmed.length).toBeGreaterThan(0);
    const list = /<ol class="references">([\s\S]*?)<\/ol>/.exec(enHtml)?.[1] ?? '';
    expect(list.match(/<li /g)?.length).toBe(cited.size);
    expect(list.match(/class="badge unconfirmed">unconfirmed</g)?.length).toBe(unconfirmed.length);
    // Outside the list, a reference's status is never repeated as a badge; findings carry the citation and the dagger.
    const outside = enHtml.replace(list, '');
    const repairUnconfirmed = applicable
      .flatMap((d) => d.findings)
      .filter((f) => f.repair?.status === 'unconfirmed').length;
    expect(outside.match(/class="badge unconfirmed">unconfirmed</g)?.length ?? 0).toBe(repairUnconfirmed);
    expect(enHtml).toMatch(/\[1\]/);
    const shaky = applicable
      .flatMap((d) => d.findings)
      .filter((f) => f.references.some((r) => r.status === 'unconfirmed'));
    expect(shaky.length).toBeGreaterThan(0);
    expect(enHtml.match(/class="mark-unconfirmed">basis unconfirmed</g)?.length ?? 0).toBeGreaterThanOrEqual(
      shaky.length,
    );
    expect(deHtml).toContain('class="badge unconfirmed">unbestätigt<');
    expect(deHtml).not.toContain('Nicht bestätigt');
  });

  it('opens with a management summary: level, the three first things with owners and dates, changes, outlook', () => {
    const front = /<section class="front">([\s\S]*?)<\/section>/.exec(enHtml)?.[1] ?? '';
    expect(front).toContain('Management summary');
    expect(front).toContain(`Overall exposure: ${en.result.level === 'moderate' ? 'Moderate' : ''}`.split(': ')[0]);
    const open = en.actions.filter((a) => a.status !== 'done');
    expect(front.match(/<em class="user-text"/g)?.length).toBe(Math.min(3, open.length));
    expect(front).toContain('Anna Schmidt (Compliance)');
    const p = en.previous;
    if (!p) throw new Error('the example has a previous assessment');
    expect(front).toContain(
      `${p.findings.resolved} findings resolved, ${p.findings.new} new, ${p.findings.unchanged} unchanged.`,
    );
    expect(front).toContain('Repair outlook');
    // No ids and no UTC: who prepared it, for whom and when, in German time with the zone's name.
    expect(front).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(front).not.toContain('UTC');
    expect(front).toContain('Prepared for');
    expect(front).toContain('Musterwerk Präzisionsteile (Taicang) Co., Ltd. · Anna Schmidt');
    expect(front).toMatch(/4 May 2026, 12:00 CEST/);
    const deFront = /<section class="front">([\s\S]*?)<\/section>/.exec(deHtml)?.[1] ?? '';
    expect(deFront).toContain('Management-Zusammenfassung');
    expect(deFront).toMatch(/04\.05\.2026, 12:00 MESZ/);
  });

  it('without planned actions, names the most severe findings and their first step', () => {
    const page = render({ actions: [] });
    const front = /<section class="front">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
    expect(front).toContain('No action has been planned yet');
    expect(front).toContain('Recommended step');
    expect(front).toContain(escapeHtml(en.result.findings[0]?.title ?? 'x'));
  });

  it('counts a high-weight "don\'t know" among the five most severe findings when it ranks there', () => {
    const top = en.result.findings.slice(0, 5);
    const table = /The five most severe findings<\/h2>([\s\S]*?)<\/table>/.exec(enHtml)?.[1] ?? '';
    for (const f of top) expect(table).toContain(escapeHtml(f.title));
    const dk = en.result.findings.find((f) => f.kind === 'verify');
    expect(dk).toBeDefined();
    const page = render({
      result: {
        ...en.result,
        findings: [dk as (typeof en.result.findings)[number], ...en.result.findings.filter((f) => f !== dk)],
      },
    });
    expect(/The five most severe findings<\/h2>([\s\S]*?)<\/table>/.exec(page)?.[1]).toContain(
      'class="badge dk">Don’t know<',
    );
  });

  it('says by which severity a "don\'t know" is ranked when it differs from its own (as the result page does)', () => {
    const dk = en.result.findings.find((f) => f.kind === 'verify');
    expect(dk).toBeDefined();
    const own = dk?.severity ?? 'medium';
    const rank = own === 'critical' ? 'high' : 'critical';
    const page = render({
      result: {
        ...en.result,
        findings: [dk as (typeof en.result.findings)[number], ...en.result.findings.filter((f) => f !== dk)],
        mostSevere: [
          {
            questionId: dk?.questionId ?? 'x',
            kind: 'verify',
            dimensionCode: dk?.dimensionCode ?? 'D1',
            dimensionName: dk?.dimensionName ?? 'x',
            severity: own,
            rankSeverity: rank,
            knockOut: false,
            title: dk?.title ?? 'x',
          },
        ],
      },
    });
    const table = /The five most severe findings<\/h2>([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    expect(table).toContain(`ranked as ${rank === 'critical' ? 'Critical' : 'High'}: not yet checked`);
    expect(enHtml.match(/ranked as \w+: not yet checked/g)?.length ?? 0).toBeLessThanOrEqual(5);
  });

  it('marks user-entered action titles and flags overdue actions', () => {
    const page = render({
      actions: [{ title: 'Zollstatus prüfen', owner: 'Li Wei', dueDate: '2026-01-15', status: 'open', overdue: true }],
    });
    expect(page).toContain('<em class="user-text" title="as entered">Zollstatus prüfen</em>');
    expect(page).toContain('Titles in italics were entered by the firm');
    expect(page).toContain('class="badge overdue">overdue<');
  });

  it('never breaks words at arbitrary letters', () => {
    expect(enHtml).not.toContain('break-all');
    expect(enHtml).toContain('hyphens: auto');
  });

  it('includes the dimension chart as inline SVG and no script', () => {
    expect(enHtml).toMatch(/<div class="chart"><svg[^>]*>/);
    expect(enHtml).toContain('D1  Tax');
    expect(enHtml).not.toMatch(/<script/i);
    expect(enHtml).not.toMatch(/(src|href)="(?!data:|https?:)/);
  });

  it('states that the result is a self-assessment and lists the official portals', () => {
    expect(enHtml).toContain('not an official rating');
    expect(enHtml).toContain('https://www.gsxt.gov.cn');
    expect(enHtml).toContain('国家企业信用信息公示系统');
  });

  it('escapes a hostile firm name everywhere, including the header', () => {
    const page = render({ firm: { ...en.firm, name: HOSTILE } });
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The running header is CSS: the name is a string of escapes there, which cannot close the string or the style.
    const margins = pageMarginCss({ ...en, firm: { ...en.firm, name: `${HOSTILE}"; } </style><script>x()</script>` } });
    expect(margins).not.toMatch(/<|>|\/style/);
    expect(margins).toContain('counter(page)');
    expect(margins).toContain('counter(pages)');
    expect(page).toContain(cssString(`SCS Check risk report · ${HOSTILE}`));
  });

  it('writes any text as a CSS string that stays a string', () => {
    expect(cssString('Page 1')).toBe('"Page\\0000201"');
    expect(cssString('a · b')).toBe('"a\\000020\\0000b7\\000020b"');
    expect(cssString('a"b')).toBe('"a\\000022b"');
    expect(cssString('x\\y')).toBe('"x\\00005cy"');
    expect(cssString('</style>')).toBe('"\\00003c\\00002fstyle\\00003e"');
    expect(cssString('纳税')).toBe('"\\007eb3\\007a0e"');
    expect(cssString('😀')).toBe('"\\01f600"');
  });

  it('prints the running header and footer on every page but the first, with the chamber when branded', () => {
    const css = pageMarginCss(en);
    expect(css).toContain('@page :first');
    expect(css).toContain(cssString(`SCS Check risk report · ${en.firm.name}`));
    expect(pageMarginCss({ ...en, branding: { chamberName: 'AHK Greater China' } })).toContain(
      cssString('AHK Greater China'),
    );
    const long = pageMarginCss({ ...en, firm: { ...en.firm, name: 'N'.repeat(200) } });
    expect(long).toContain(cssString(`SCS Check risk report · ${'N'.repeat(69)}…`));
  });

  it('escapes user-supplied action titles and owners', () => {
    const page = render({
      actions: [
        { title: '</td><script>x()</script>', owner: '"><b>', dueDate: '2026-06-01', status: 'open', overdue: false },
      ],
    });
    expect(page).not.toContain('<script>x()');
    expect(page).toContain('&lt;/td&gt;&lt;script&gt;');
  });

  it('shows chamber branding on the cover, with only inline images', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    const page = render({
      branding: { chamberName: 'AHK Greater China', logoDataUri: logo, contactLine: 'compliance@example.org' },
    });
    expect(page).toContain('AHK Greater China');
    expect(page).toContain(`<img src="${logo}"`);
    expect(page).toContain('compliance@example.org');
    expect(page).toContain('Provided by');
    const remote = render({ branding: { chamberName: 'X', logoDataUri: 'https://evil.example/logo.png' } });
    expect(remote).not.toContain('evil.example');
  });

  it('compares with firms like yours from published cells only, and says why a group is missing', () => {
    expect(enHtml).toContain('Firms like yours');
    expect(enHtml).toContain('latest completed survey wave (2026-H1)');
    expect(enHtml).toContain('Manufacturing (37 firms)');
    expect(enHtml).toContain('Too few comparable firms have shared their results');
    const peers = en.peers?.groups[0];
    const suppressed = peers?.dimensions.find((x) => x.mean === null);
    const dim = en.dimensions.find((x) => x.id === suppressed?.dimensionId);
    expect(dim).toBeDefined();
    // The suppressed dimension's row prints the disclosure mark, never a number, in the peer column.
    const row = new RegExp(`<tr><td>${dim?.code} [^<]*</td><td class="num">[^<]*</td><td class="num">\\.</td></tr>`);
    expect(enHtml).toMatch(row);
    expect(deHtml).toContain('Unternehmen wie Ihres');
    expect(deHtml).toContain('Verarbeitendes Gewerbe (37 Unternehmen)');
    expect(render({ peers: { wave: null, k: 10, groups: [] } })).toContain('No comparison data yet');
    expect(render({ peers: null })).not.toContain('Firms like yours');
  });

  it('says so when there is no previous assessment and no action, and leaves out an empty "facts to verify"', () => {
    const page = render({ previous: null, actions: [], verify: [] });
    expect(page).toContain('This is the first assessment');
    expect(page).toContain('No actions recorded.');
    expect(page).not.toContain('id="verify"');
  });

  it('accepts only web links and inline images', () => {
    expect(safeUrl('https://www.gsxt.gov.cn')).toBe('https://www.gsxt.gov.cn');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://x" onclick="y')).toBeUndefined();
    expect(safeImage('data:image/svg+xml;base64,PHN2Zy8+')).toBeDefined();
    expect(safeImage('data:text/html;base64,PHN2Zy8+')).toBeUndefined();
  });
});
