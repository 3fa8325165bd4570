import type { ReportData } from '@scs/shared/contracts';
import { readCatalogue } from '../../testing/read-catalogue';
import { exampleReportData } from '../data/example';
import { cssString, pageMarginCss, renderReportHtml, safeImage, safeUrl } from './report.template';

const catalogue = readCatalogue();
const HOSTILE = '<img src=x onerror=alert(1)>';

function render(overrides: Partial<ReportData> = {}, locale: 'en' | 'de' = 'en'): string {
  return renderReportHtml({ ...exampleReportData(catalogue, { locale }), ...overrides });
}

describe('report template', () => {
  const en = exampleReportData(catalogue, { locale: 'en' });
  const enHtml = renderReportHtml(en);
  const deHtml = renderReportHtml(exampleReportData(catalogue, { locale: 'de' }));

  it('renders every section of the English report', () => {
    for (const heading of [
      'Executive summary',
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
      'Zusammenfassung',
      'Ergebnisse je Dimension',
      'Maßnahmenplan',
      'Vergleich mit der vorigen Einschätzung',
      'Zu prüfende Angaben',
      'Anhang: Methodik und Quellen',
    ]) {
      expect(deHtml).toContain(heading);
    }
    expect(deHtml).toContain('<html lang="de">');
    expect(deHtml).toContain('keine amtliche Bewertung');
    expect(deHtml).not.toContain('Executive summary');
  });

  it('has one section per applicable dimension, with its Chinese name', () => {
    for (const d of en.dimensions.filter((x) => x.applicable))
      expect(enHtml).toContain(`${d.code} ${d.name} <span class="zh" lang="zh-Hans">${d.nameZh}</span>`);
    const notApplicable = en.dimensions.filter((x) => !x.applicable);
    expect(notApplicable.length).toBeGreaterThan(0);
    for (const d of notApplicable) expect(enHtml).not.toContain(`<h2>${d.code} `);
  });

  it('prints each finding with severity, meaning, consequences, remediation and references', () => {
    const f = en.result.findings[0];
    if (!f) throw new Error('the example has findings');
    expect(enHtml).toContain(f.title);
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

  it('marks unconfirmed references and repair paths visibly', () => {
    const unconfirmed = en.dimensions.flatMap((d) => d.references).filter((r) => r.status === 'unconfirmed');
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(enHtml.match(/class="badge unconfirmed">unconfirmed</g)?.length ?? 0).toBeGreaterThanOrEqual(
      unconfirmed.length,
    );
    expect(deHtml).toContain('class="badge unconfirmed">unbestätigt<');
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

  it('prints the running header and footer on every page but the cover, with the chamber when branded', () => {
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

  it('says so when there is no previous assessment, no action and nothing to verify', () => {
    const page = render({ previous: null, actions: [], verify: [] });
    expect(page).toContain('This is the first assessment');
    expect(page).toContain('No actions recorded.');
    expect(page).toContain('nothing to verify');
  });

  it('accepts only web links and inline images', () => {
    expect(safeUrl('https://www.gsxt.gov.cn')).toBe('https://www.gsxt.gov.cn');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://x" onclick="y')).toBeUndefined();
    expect(safeImage('data:image/svg+xml;base64,PHN2Zy8+')).toBeDefined();
    expect(safeImage('data:text/html;base64,PHN2Zy8+')).toBeUndefined();
  });
});
