import { translate, type MessageKey, type MessageParams } from '@scs/api/core';
import { FONT_STACK, LEVEL_COLORS, html, raw, type Html } from '@scs/api/reports';
import { localize, PROFILE_FIELDS, type Text } from '@scs/shared/catalogue';
import type { PortfolioEntity, PortfolioView, ReportLevel, ReportLocale } from '@scs/shared/contracts';

/** Everything the group portfolio PDF shows: the group, when, and its portfolio view (no answers). */
export interface GroupPortfolioData {
  locale: ReportLocale;
  groupName: string;
  generatedAt: string;
  portfolio: PortfolioView;
}

export const GROUP_PORTFOLIO_TEMPLATE_VERSION = '2';

const CELL_W = 42;
const CELL_H = 24;
const NAME_W = 250;
const HEAD_H = 26;
const NAME_MAX = 44;

/** Intl locale per report language; dates as the glossary writes them (05.12.2026, 5 Dec 2026, 2026年12月5日). */
const INTL_TAG: Record<ReportLocale, string> = { de: 'de-DE', en: 'en-GB', zh: 'zh-CN' };
/** <html lang> per report language (the CJK fonts of FONT_STACK are chosen for Simplified Chinese). */
const HTML_LANG: Record<ReportLocale, string> = { de: 'de', en: 'en', zh: 'zh-Hans' };
const PROVINCE_LABELS = PROFILE_FIELDS.provinces.valueLabels as Readonly<Record<string, Text>>;
const LEGAL_FORM_LABELS = PROFILE_FIELDS.legalForm.valueLabels as Readonly<Record<string, Text>>;

function labeller(locale: ReportLocale) {
  const t = (key: MessageKey, params: MessageParams = {}) => translate(key, params, locale);
  const tag = INTL_TAG[locale];
  const date = (iso: string | null): string =>
    iso
      ? new Intl.DateTimeFormat(tag, {
          timeZone: 'UTC',
          ...(locale === 'de'
            ? { day: '2-digit', month: '2-digit', year: 'numeric' }
            : { day: 'numeric', month: 'short', year: 'numeric' }),
        }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso))
      : '–';
  const score = (n: number | null): string =>
    n === null ? '–' : new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(n);
  const level = (l: ReportLevel | null): string => (l ? t(`portfolio.level.${l}`) : '–');
  return { t, date, score, level };
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A CSS string literal (for @page margin boxes): quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** Entities × dimensions, each cell coloured by its level with the score in it; server-side SVG, text escaped. */
export function heatMapSvg(portfolio: PortfolioView, locale: ReportLocale): Html {
  const { score, t } = labeller(locale);
  const dims = portfolio.dimensions;
  const rows = portfolio.entities;
  const width = NAME_W + (dims.length + 1) * CELL_W;
  const height = HEAD_H + rows.length * CELL_H + 2;
  const head = [...dims.map((d) => d.code), 'Σ'].map(
    (code, i) =>
      html`<text x="${NAME_W + i * CELL_W + CELL_W / 2}" y="${HEAD_H - 8}" text-anchor="middle" font-weight="700">${code}</text>`,
  );
  const cell = (x: number, y: number, value: number | null, level: ReportLevel | null): Html => {
    const fill = level ? LEVEL_COLORS[level] : '#eceff1';
    const ink = level ? '#ffffff' : '#607d8b';
    return html`<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="2" fill="${fill}" />
      <text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" fill="${ink}">${score(value)}</text>`;
  };
  const body = rows.map((e, r) => {
    const y = HEAD_H + r * CELL_H;
    const byCode = new Map(e.cells.map((c) => [c.code, c]));
    return html`<text x="0" y="${y + CELL_H / 2 + 4}">${shorten(e.name, NAME_MAX)}</text>
      ${dims.map((d, i) => {
        const c = byCode.get(d.code);
        return cell(NAME_W + i * CELL_W, y, c?.score ?? null, c?.level ?? null);
      })}
      ${cell(NAME_W + dims.length * CELL_W, y, e.score, e.level)}`;
  });
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${t('portfolio.report.heatMap')}"
    width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${raw(FONT_STACK.replace(/"/g, ''))}' font-size="9" fill="#263238">
    ${head}${body}
  </svg>`;
}

function entityRow(e: PortfolioEntity, locale: ReportLocale): Html {
  const { t, date, score, level } = labeller(locale);
  const label = (labels: Readonly<Record<string, Text>>, code: string): string => {
    const text = labels[code];
    return text ? localize(text, locale) : code;
  };
  const provinces = e.provinces.map((p) => label(PROVINCE_LABELS, p)).join(locale === 'zh' ? '、' : ', ');
  const legal = e.legalForm ? label(LEGAL_FORM_LABELS, e.legalForm) : '–';
  return html`<tr>
    <td><strong>${e.name}</strong><br /><span class="muted small">${t('portfolio.report.uscc')}: ${e.uscc ?? '–'}</span>
      <br /><span class="muted small">${legal}${provinces ? ` · ${provinces}` : ''}</span></td>
    <td>${
      e.level
        ? html`<span class="level" style="background:${LEVEL_COLORS[e.level]}">${level(e.level)}</span>
          <span class="nowrap">${score(e.score)}</span>${e.provisional ? html` <span class="muted small">(${t('portfolio.report.provisional')})</span>` : ''}`
        : html`<span class="muted">${t('portfolio.report.noCheck')}</span>`
    }</td>
    <td>${t('portfolio.report.actionsValue', { open: e.actions.open, overdue: e.actions.overdue })}</td>
    <td>${t('portfolio.report.repairsValue', { open: e.repairs.open, date: date(e.repairs.nextDue) })}</td>
    <td class="nowrap">${date(e.lastSubmittedAt)}</td>
    <td class="nowrap">${date(e.nextDue)}${e.reassessmentOverdue ? html`<br /><span class="overdue">${t('portfolio.report.overdue')}</span>` : ''}</td>
  </tr>`;
}

const CSS = `
@page { size: A4 landscape; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 9pt; line-height: 1.38; color: #1f2a30; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 18pt; color: #0d3b53; margin: 0 0 4pt; padding-bottom: 4pt; border-bottom: 2px solid #0d3b53; }
h2 { font-size: 12.5pt; color: #0d3b53; margin: 16pt 0 6pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.muted { color: #607d8b; }
.small { font-size: 8pt; }
.nowrap { white-space: nowrap; }
.lead { font-size: 10.5pt; color: #455a64; }
.figure { break-inside: avoid; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; color: #455a64; font-weight: 700; border-bottom: 1px solid #90a4ae; padding: 4pt 5pt; }
td { vertical-align: top; border-bottom: 1px solid #eceff1; padding: 4pt 5pt; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
.level { display: inline-block; color: #fff; border-radius: 3pt; padding: 0 4pt; font-weight: 700; margin-right: 4pt; }
.overdue { color: #b71c1c; font-weight: 700; }
dl.dims { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 1pt 8pt; margin: 6pt 0 0; }
dl.dims dt { font-weight: 700; }
dl.dims dd { margin: 0; }
`;

function pageCss(d: GroupPortfolioData): string {
  const { t, date } = labeller(d.locale);
  const box = `font-family: ${FONT_STACK}; font-size: 7.5pt; color: #607d8b;`;
  return `@page {
  margin: 16mm 14mm 15mm 14mm;
  @top-left { content: ${cssString(`${t('portfolio.report.title')} · ${shorten(d.groupName, 60)}`)}; ${box} vertical-align: bottom; }
  @bottom-left { content: ${cssString(`${t('portfolio.report.confidential')} · ${t('portfolio.report.generatedAt', { date: date(d.generatedAt) })}`)}; ${box} vertical-align: top; }
  @bottom-right { content: ${cssString(`${t('portfolio.report.page')} `)} counter(page) ${cssString(` ${t('portfolio.report.of')} `)} counter(pages); ${box} vertical-align: top; text-align: right; }
}`;
}

/** The group portfolio as HTML: every value escaped by `html`, the heat map as inline SVG. */
export function renderGroupPortfolioHtml(d: GroupPortfolioData): string {
  const { t, date } = labeller(d.locale);
  const p = d.portfolio;
  return html`<!doctype html>
    <html lang="${HTML_LANG[d.locale]}">
      <head>
        <meta charset="utf-8" />
        <title>${t('portfolio.report.title')} – ${d.groupName}</title>
        <style>${raw(CSS)}${raw(pageCss(d))}</style>
      </head>
      <body>
        <h1>${t('portfolio.report.title')}: ${d.groupName}</h1>
        <p class="lead">${t('portfolio.report.subtitle')}</p>
        <p class="muted">${t('portfolio.report.entityCount', { n: p.entities.length })} ·
          ${t('portfolio.report.generatedAt', { date: date(d.generatedAt) })}</p>
        ${
          p.entities.length
            ? html`<div class="figure">
                <h2>${t('portfolio.report.heatMap')}</h2>
                ${heatMapSvg(p, d.locale)}
                <p class="muted small">${t('portfolio.report.heatMapNote')}</p>
                <dl class="dims">
                  ${p.dimensions.map((dim) => html`<dt>${dim.code}</dt><dd>${dim.title[d.locale]}</dd>`)}
                  <dt>Σ</dt><dd>${t('portfolio.report.overall')}</dd>
                </dl>
              </div>
              <h2>${t('portfolio.report.entities')}</h2>
              <table>
                <thead>
                  <tr>
                    <th>${t('portfolio.report.entity')}</th>
                    <th>${t('portfolio.report.level')} / ${t('portfolio.report.overall')}</th>
                    <th>${t('portfolio.report.actions')}</th>
                    <th>${t('portfolio.report.repairs')}</th>
                    <th>${t('portfolio.report.lastCheck')}</th>
                    <th>${t('portfolio.report.nextCheck')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${p.entities.map((e) => entityRow(e, d.locale))}
                </tbody>
              </table>`
            : html`<p>${t('portfolio.report.noEntities')}</p>`
        }
      </body>
    </html>`.value;
}
