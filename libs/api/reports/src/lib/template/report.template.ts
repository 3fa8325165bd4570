import type {
  ReportAction,
  ReportComparison,
  ReportConfirmation,
  ReportData,
  ReportDimension,
  ReportFinding,
  ReportLevel,
  ReportPeerComparison,
  ReportPeerGroup,
  ReportPlanDate,
  ReportPlanDuration,
  ReportPortal,
  ReportReference,
  ReportSeverity,
  ReportVerifyItem,
} from '@scs/shared/contracts';
import { FONT_STACK, dimensionChart, projectionChart } from './chart';
import { html, raw, type Html } from './html';
import { LABELS, type Labels } from './labels';
import { REPORT_CSS } from './styles';

/** Part of every report's cache key: bump it whenever the rendered output of the same data changes. */
export const REPORT_TEMPLATE_VERSION = '7';

/** Only web links become anchors; anything else is printed as text. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

/** Only inline raster/SVG images: the page loads nothing from the network. */
export function safeImage(uri: string | undefined): string | undefined {
  return uri && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[a-z0-9+/=\s]+$/i.test(uri) ? uri : undefined;
}

const zh = (text: string | undefined): Html => (text ? html` <span class="zh" lang="zh-Hans">${text}</span>` : html``);

interface Ctx {
  d: ReportData;
  t: Labels;
  /** Citation number of each cited regulation. */
  refs: Map<string, { n: number; ref: ReportReference }>;
}

function levelBadge(t: Labels, level: ReportLevel | null): Html {
  return level
    ? html`<span class="badge lv-${level}">${t.levels[level]}</span>`
    : html`<span class="badge lv-none">${t.notAnswered}</span>`;
}

function confirmationBadge(t: Labels, status: ReportConfirmation): Html {
  return html`<span class="badge ${status}">${t.confirmation[status]}</span>`;
}

function scoreText(t: Labels, score: number | null): string {
  return score === null ? '–' : t.formatNumber(score);
}

/** The regulations cited in the report, numbered in order of first citation (findings first, dimension by dimension). */
function numberReferences(d: ReportData): Map<string, { n: number; ref: ReportReference }> {
  const numbers = new Map<string, { n: number; ref: ReportReference }>();
  const add = (r: ReportReference) => {
    if (!numbers.has(r.id)) numbers.set(r.id, { n: numbers.size + 1, ref: r });
  };
  for (const x of d.dimensions.filter((dim) => dim.applicable)) {
    for (const f of x.findings) f.references.forEach(add);
    x.references.forEach(add);
  }
  return numbers;
}

/** "[3] [7]†": the citation numbers of references; an unconfirmed one carries the dagger the appendix explains. */
function citations(c: Ctx, refs: readonly ReportReference[]): Html {
  const cited = refs.flatMap((r) => {
    const x = c.refs.get(r.id);
    return x ? [x] : [];
  });
  if (!cited.length) return html``;
  return html`<span class="cite">${cited.map((x, i) => html`${i ? ' ' : ''}[${x.n}]${x.ref.status === 'unconfirmed' ? html`<span class="dagger">†</span>` : ''}`)}</span>`;
}

const unconfirmedBasis = (f: ReportFinding) =>
  f.references.some((r) => r.status === 'unconfirmed') || f.repair?.status === 'unconfirmed';

/** Who prepared the report, for whom, and when (German time with its zone): page 1's header, no ids. */
function masthead({ d, t }: Ctx): Html {
  const b = d.branding;
  const logo = safeImage(b?.logoDataUri);
  const by = d.preparedBy;
  return html`<header class="masthead">
    <div class="brand">
      ${b ? html`${logo ? html`<img src="${logo}" alt="${b.chamberName}">` : ''}<div><div class="muted small">${t.distributedBy}</div><div class="name">${b.chamberName}</div>${b.contactLine ? html`<div class="small muted">${b.contactLine}</div>` : ''}</div>` : html`<div class="product">SCS Check</div>`}
      <div class="doc"><div class="report">${t.reportTitle}</div><div class="subtitle">${t.reportSubtitle}</div></div>
    </div>
    <table class="meta">
      <tr><th>${t.preparedFor}</th><td><strong class="firm">${d.firm.name}</strong><br><span class="muted">${d.firm.legalForm} · ${d.firm.sector} · ${d.firm.provinces.join(', ')}</span></td></tr>
      ${by ? html`<tr><th>${t.preparedBy}</th><td>${by.organisation}${by.person ? html` · ${by.person}` : ''}</td></tr>` : ''}
      <tr><th>${t.preparedOn}</th><td>${t.formatDateTime(d.generatedAt)}<br><span class="muted">${t.submittedWith(t.formatDate(d.assessment.submittedAt), d.assessment.catalogueVersion)}</span></td></tr>
    </table>
  </header>`;
}

interface FirstThing {
  title: Html;
  owner: Html;
  due: Html;
}

/** The three things to do first: open actions (overdue first, then by date), or else the top findings' first step. */
function firstThings({ d, t }: Ctx): { intro: string; items: FirstThing[] } {
  const open = d.actions.filter((a) => a.status !== 'done');
  if (open.length) {
    const rank = (a: ReportAction) => (a.overdue ? 0 : a.dueDate ? 1 : 2);
    const sorted = [...open].sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
    return {
      intro: t.firstThingsFromActions,
      items: sorted.slice(0, 3).map((a) => ({
        title: userText(t, a.title),
        owner: a.owner ? html`${a.owner}` : html`<span class="muted">${t.unassigned}</span>`,
        due: dueDate(t, a),
      })),
    };
  }
  return {
    intro: t.firstThingsFromFindings,
    items: d.result.findings.slice(0, 3).map((f) => ({
      title: html`<strong>${f.kind === 'verify' ? `${t.dontKnow}: ` : ''}${f.title}</strong><br><span class="small">${t.recommendedStep}: ${f.kind === 'verify' ? f.meaning : (f.remediation[0] ?? '')}</span>`,
      owner: html`<span class="muted">${t.unassigned}</span>`,
      due: html`<span class="muted">${t.noDate}</span>`,
    })),
  };
}

/** A text the firm typed (an action title): printed as entered, in italics, never translated. */
function userText(t: Labels, text: string): Html {
  return html`<em class="user-text" title="${t.userEntered}">${text}</em>`;
}

/** The due date, flagged when the action is overdue (`ReportAction.overdue`, decided once by the data builder). */
function dueDate(t: Labels, a: ReportAction): Html {
  if (!a.dueDate) return html`<span class="muted">${t.noDate}</span>`;
  return html`${t.formatDate(a.dueDate)}${a.overdue ? html` <span class="badge overdue">${t.overdue}</span>` : ''}`;
}

/** Page 1: what a board reads. The level in plain words, what to do first, what changed, the repair outlook. */
function managementSummary(c: Ctx): Html {
  const { d, t } = c;
  const r = d.result;
  const first = firstThings(c);
  const p = d.previous;
  const plan = d.repairPlan;
  const projected = plan ? plan.projection.overall.filter((x): x is number => x !== null) : [];
  const earliest = plan?.items
    .map((i) => i.earliestRepair.month)
    .filter((m): m is string => m !== null)
    .sort()[0];
  return html`<section class="front">
    ${masthead(c)}
    <h1>${t.managementSummary}</h1>
    <div class="verdict">
      <div class="card level-card ${r.level ? `lv-${r.level}` : 'lv-none'}"><div class="label" style="color:#fff">${t.overall}</div><div class="value">${r.level ? t.levels[r.level] : t.notAnswered}</div><div class="sub" style="color:#fff">${t.score} ${scoreText(t, r.score)} / 100</div></div>
      <div class="verdict-text">
        <p><strong>${r.level ? t.levelSentence(t.levels[r.level], scoreText(t, r.score)) : t.notAnswered}</strong> ${r.level ? t.levelMeaning[r.level] : ''}</p>
        ${r.provisional ? html`<p class="small">${t.provisionalShort}</p>` : ''}
        <p class="small">${r.knockOuts.length ? html`<strong class="tx-critical">${t.knockOutSentence(r.knockOuts.length)}</strong> ` : ''}${r.dontKnow ? t.dontKnowSentence(r.dontKnow) : ''}</p>
      </div>
    </div>
    <h2>${t.firstThings}</h2>
    <p class="small muted">${first.intro}</p>
    ${
      first.items.length
        ? html`<table class="grid first"><thead><tr><th style="width:5%">#</th><th>${t.action}</th><th style="width:22%">${t.owner}</th><th style="width:20%">${t.due}</th></tr></thead><tbody>${first.items.map(
            (x, i) =>
              html`<tr><td class="num">${i + 1}</td><td>${x.title}</td><td>${x.owner}</td><td class="nowrap">${x.due}</td></tr>`,
          )}</tbody></table>${d.actions.some((a) => a.status !== 'done') ? html`<p class="small muted">${t.userEnteredNote}</p>` : ''}`
        : html`<p>${t.noFindings}</p>`
    }
    <div class="pair">
      <div class="part">
        <h2>${t.changesTitle}</h2>
        ${
          p
            ? html`<p>${t.changesSince(t.formatDate(p.submittedAt))} <strong>${t.changeCounts(p.findings.resolved, p.findings.new, p.findings.unchanged)}</strong></p>
              ${p.score !== null && r.score !== null ? html`<p>${t.scoreMoved(scoreText(t, p.score), scoreText(t, r.score))}</p>` : ''}`
            : html`<p>${t.firstAssessment}</p>`
        }
      </div>
      <div class="part">
        <h2>${t.outlookTitle}</h2>
        ${
          plan && plan.items.length
            ? html`<p>${t.outlookRecords(plan.items.length)} ${t.outlookEarliest(
                earliest ? t.formatMonth(earliest) : '',
                plan.items.some((i) => i.repairPossibleNow),
              )}</p>
              ${projected.length > 1 ? html`<p>${t.outlookProjection(scoreText(t, projected[0] as number), scoreText(t, projected.at(-1) as number), t.formatMonth(plan.projection.months.at(-1) as string))}</p>` : ''}`
            : html`<p>${t.outlookNone}</p>`
        }
      </div>
    </div>
    <div class="notice small"><strong>${t.noticeTitle}.</strong> ${t.notice}</div>
  </section>`;
}

/** One row of a findings table; `rank`: the severity it is ranked by, shown when it differs (a high-weight "don't know"). */
function findingRow(t: Labels, f: ReportFinding, rank?: ReportSeverity): Html {
  const ranked =
    rank && rank !== f.severity ? html`<br><span class="small muted">${t.rankedAs(t.severities[rank])}</span>` : '';
  return html`<tr>
    <td class="nowrap"><span class="badge sev-${f.severity}">${t.severities[f.severity]}</span>${f.knockOut ? html` <span class="badge ko">${t.knockOut}</span>` : ''}</td>
    <td>${f.dimensionCode} ${f.dimensionName}</td>
    <td>${f.kind === 'verify' ? html`<span class="badge dk">${t.dontKnow}</span> ` : ''}${f.title}${ranked}</td>
  </tr>`;
}

function portalTable(t: Labels, portals: readonly ReportPortal[]): Html {
  return html`<table class="grid">
    <thead><tr><th style="width:34%">${t.portalsTitle}</th><th>${t.whatToCheck}</th></tr></thead>
    <tbody>${portals.map((p) => {
      const url = safeUrl(p.url);
      return html`<tr><td><strong>${p.name}</strong>${zh(p.nameZh)}<br>${url ? html`<a href="${url}">${url}</a>` : html`<span class="muted">${p.url}</span>`}</td><td>${p.checks}</td></tr>`;
    })}</tbody>
  </table>`;
}

/**
 * Page 2: the figures behind the summary: completeness, uncertainty, the dimension chart, knock-outs and the most severe
 * findings. The chart (one picture, never split) comes before the tables, which may continue on the next page row by
 * row: after them it would move to page 3 whenever knock-outs fill half of page 2, leaving half of it empty.
 */
function glance({ d, t }: Ctx): Html {
  const r = d.result;
  const top = r.findings.slice(0, 5);
  const ranks = new Map(r.mostSevere.map((f) => [f.questionId, f.rankSeverity]));
  const notApplicable = d.dimensions.filter((x) => !x.applicable);
  return html`<section class="section" id="summary">
    <h1>${t.glanceTitle}</h1>
    <div class="cards">
      <div class="card"><div class="label">${t.completeness}</div><div class="value">${t.formatPercent(r.completeness)}</div><div class="sub">${t.answeredOf(r.answered, r.applicable)}</div></div>
      <div class="card"><div class="label">${t.uncertainty}</div><div class="value">${t.formatPercent(r.uncertainty)}</div><div class="sub">${t.dontKnowCount(r.dontKnow)}</div></div>
      <div class="card"><div class="label">${t.knockOuts}</div><div class="value ${r.knockOuts.length ? 'tx-critical' : ''}">${r.knockOuts.length}</div><div class="sub">${t.findings}: ${r.findings.length}</div></div>
    </div>
    ${r.provisional ? html`<p class="warn small">${t.provisional}</p>` : ''}
    <h2>${t.dimensionChart}</h2>
    <div class="chart">${dimensionChart(d.dimensions, { notAnswered: t.notAnswered, formatNumber: (n) => t.formatNumber(n) })}</div>
    ${notApplicable.length ? html`<p class="na-list">${t.notApplicableTitle}: ${notApplicable.map((x) => `${x.code} ${x.name}`).join(' · ')}</p>` : ''}
    ${r.knockOuts.length ? html`<h2>${t.knockOuts}</h2><p class="small keep-next">${t.knockOutExplained}</p><table class="grid"><tbody>${r.knockOuts.map((f) => findingRow(t, f))}</tbody></table>` : ''}
    <h2>${t.topFindings}</h2>
    ${
      top.length
        ? html`<table class="grid"><thead><tr><th style="width:17%">${t.severity}</th><th style="width:27%">Dimension</th><th>${t.findings}</th></tr></thead><tbody>${top.map((f) => findingRow(t, f, ranks.get(f.questionId)))}</tbody></table>`
        : html`<p>${t.noFindings}</p>`
    }
  </section>`;
}

function finding(c: Ctx, f: ReportFinding): Html {
  const { t } = c;
  const marker = unconfirmedBasis(f) ? html` <span class="mark-unconfirmed">${t.basisUnconfirmed}</span>` : '';
  if (f.kind === 'verify')
    return html`<div class="finding f-${f.severity} f-verify">
      <div class="lead"><h3><span class="badge sev-${f.severity}">${t.severities[f.severity]}</span> <span class="badge dk">${t.dontKnow}</span> ${f.title} <span class="muted small">(${t.question} ${f.questionId})</span>${marker}</h3>
      <div class="part"><h4>${t.whatToCheck}</h4><p>${f.meaning}</p>${f.remediation.length ? html`<ul class="plain small">${f.remediation.map((s) => html`<li>${s}</li>`)}</ul>` : ''}</div></div>
      ${f.references.length ? html`<p class="small refs-line">${t.references}: ${citations(c, f.references)}</p>` : ''}
    </div>`;
  return html`<div class="finding f-${f.severity}">
    <div class="lead"><h3><span class="badge sev-${f.severity}">${t.severities[f.severity]}</span>${f.knockOut ? html` <span class="badge ko">${t.knockOut}</span>` : ''} ${f.title} <span class="muted small">(${t.question} ${f.questionId})</span>${marker}</h3>
    <div class="pair">
      <div class="part"><h4>${t.whatItMeans}</h4><p>${f.meaning}</p></div>
      <div class="part"><h4>${t.consequences}</h4><p>${f.consequences}</p></div>
    </div></div>
    <div class="part"><h4>${t.remediation}</h4><ol>${f.remediation.map((s) => html`<li>${s}</li>`)}</ol></div>
    ${
      f.repair
        ? html`<div class="repair"><h4>${t.repair}${f.repair.status === 'unconfirmed' ? html` ${confirmationBadge(t, 'unconfirmed')}` : ''}</h4><p>${f.repair.path}</p><p class="small muted">${t.repairHorizon(f.repair.minMonths, f.repair.maxMonths)}</p></div>`
        : ''
    }
    ${f.references.length ? html`<p class="small refs-line">${t.references}: ${citations(c, f.references)}</p>` : ''}
  </div>`;
}

function dimension(c: Ctx, x: ReportDimension): Html {
  const { t } = c;
  return html`<div class="dimension">
    <div class="dim-head">
      <h2>${x.code} ${x.name}${zh(x.nameZh)}</h2>
      <div class="dim-score">${t.score} <strong>${scoreText(t, x.score)}</strong> ${levelBadge(t, x.level)}${x.knockOut ? html` <span class="badge ko">${t.knockOut}</span>` : ''}</div>
    </div>
    <div class="dim-meta">${t.authority}: ${x.authority}${zh(x.authorityZh)} · ${t.completeness} ${t.formatPercent(x.completeness)}${x.references.length ? html` · ${t.references}: ${citations(c, x.references)}` : ''}</div>
    ${x.findings.map((f) => finding(c, f))}
  </div>`;
}

function dimensions(c: Ctx): Html {
  const { d, t } = c;
  const applicable = d.dimensions.filter((x) => x.applicable);
  const withFindings = applicable.filter((x) => x.findings.length);
  const without = applicable.filter((x) => !x.findings.length);
  // Follows the overview on the same page: the overview's tables may end a few rows into page 3, which would
  // otherwise stay nearly empty.
  return html`<section class="section flow" id="dimensions">
    <h1>${t.dimensionsTitle}</h1>
    <p class="small muted keep-next">${t.citesUnconfirmed}</p>
    ${withFindings.map((x) => dimension(c, x))}
    ${
      without.length
        ? html`<h2>${t.dimensionsWithoutFindings}</h2>
      <table class="grid compact"><tbody>${without.map(
        (x) =>
          html`<tr><td>${x.code} ${x.name}</td><td class="num">${t.score} ${scoreText(t, x.score)}</td><td class="nowrap">${levelBadge(t, x.level)}</td><td class="small">${citations(c, x.references)}</td></tr>`,
      )}</tbody></table>`
        : ''
    }
  </section>`;
}

function actionRow(t: Labels, a: ReportAction): Html {
  return html`<tr>
    <td>${userText(t, a.title)}${a.questionId ? html` <span class="muted small">(${a.questionId})</span>` : ''}</td>
    <td>${a.owner ?? html`<span class="muted">${t.unassigned}</span>`}</td>
    <td class="nowrap">${dueDate(t, a)}</td>
    <td class="nowrap">${t.actionStatus[a.status]}</td>
  </tr>`;
}

function planDate(t: Labels, p: ReportPlanDate): Html {
  return html`${p.month ? t.formatMonth(p.month) : (p.text ?? '–')}${p.status === 'unconfirmed' ? html` ${confirmationBadge(t, 'unconfirmed')}` : ''}`;
}

function planDurations(t: Labels, items: readonly ReportPlanDuration[]): Html {
  return html`<ul class="plain">${items.map((x) => html`<li>${x.label}: <strong>${x.amount}</strong>${x.status === 'unconfirmed' ? html` ${confirmationBadge(t, 'unconfirmed')}` : ''}</li>`)}</ul>`;
}

/** Credit-repair plan: one block per adverse record that still counts, then the projected exposure chart. */
function repairPlan({ d, t }: Ctx): Html {
  const p = d.repairPlan;
  if (!p) return html``;
  return html`<section class="section flow" id="repair-plan">
    <h1>${t.repairPlanTitle}</h1>
    <p>${t.repairPlanIntro(t.formatMonth(p.asOf))}</p>
    ${
      p.items.length
        ? p.items.map(
            (i) => html`<div class="repair-item">
            <h3><span class="qid">${i.questionId}</span> ${i.recordType} <span class="muted small">· ${i.dimensionName}</span>${i.repairPossibleNow ? html` <span class="badge confirmed">${t.repairNow}</span>` : ''}</h3>
            <table class="grid">
              <tbody>
                <tr><th style="width:32%">${t.decisionDate}</th><td>${t.formatMonth(i.decided)}</td></tr>
                ${i.tier ? html`<tr><th>${t.tier}</th><td>${i.tier}</td></tr>` : ''}
                <tr><th>${t.earliestRepair}</th><td>${planDate(t, i.earliestRepair)}</td></tr>
                <tr><th>${t.automaticEnd}</th><td>${planDate(t, i.automaticEnd)}</td></tr>
                <tr><th>${t.channel}</th><td>${i.channel}</td></tr>
                ${i.documents.length ? html`<tr><th>${t.documents}</th><td><ul class="plain">${i.documents.map((x) => html`<li>${x}</li>`)}</ul></td></tr>` : ''}
                ${i.processing.length ? html`<tr><th>${t.processingTimes}</th><td>${planDurations(t, i.processing)}</td></tr>` : ''}
                ${i.deadlines.length ? html`<tr><th>${t.deadlines}</th><td>${planDurations(t, i.deadlines)}</td></tr>` : ''}
              </tbody>
            </table>
          </div>`,
          )
        : html`<p>${t.noRepairItems}</p>`
    }
    <div class="keep">
    <h2>${t.projectionTitle}</h2>
    <p class="small muted">${t.projectionIntro}</p>
    <div class="chart projection-chart">${projectionChart(p.projection, { overall: t.overall, monthLabel: t.formatMonthShort })}</div>
    </div>
  </section>`;
}

function actions({ d, t }: Ctx): Html {
  return html`<section class="section flow" id="actions">
    <h1>${t.actionsTitle}</h1>
    ${
      d.actions.length
        ? html`<table class="grid"><thead><tr><th>${t.action}</th><th style="width:20%">${t.owner}</th><th style="width:19%">${t.due}</th><th style="width:12%">${t.status}</th></tr></thead><tbody>${d.actions.map((a) => actionRow(t, a))}</tbody></table>
        <p class="small muted">${t.userEnteredNote}</p>`
        : html`<p>${t.noActions}</p>`
    }
    ${comparison(t, d.previous, d.result.score, d.result.level)}
    ${d.peers ? peers(t, d.peers, d) : ''}
  </section>`;
}

/** "Firms like yours": published means only; suppressed cells keep the disclosure mark, unavailable groups say why. */
function peers(t: Labels, p: ReportPeerComparison, d: ReportData): Html {
  const groups = p.groups.filter((g) => g.available);
  const unavailable = p.groups.filter((g) => !g.available);
  const intro = p.wave ? t.peersIntro(p.wave, p.k) : t.peersNoWave;
  const cell = (g: ReportPeerGroup, dimensionId: string | null) => {
    if (dimensionId === null) return g.overall === null ? '.' : t.formatNumber(g.overall);
    const m = g.dimensions.find((x) => x.dimensionId === dimensionId);
    return m ? (m.mean === null ? m.display : t.formatNumber(m.mean)) : '–';
  };
  return html`<h2>${t.peersTitle}</h2>
    <p>${intro}</p>
    ${unavailable.map((g) => html`<p class="muted">${t.peerGroup[g.by]}: ${g.message ?? ''}</p>`)}
    ${
      groups.length
        ? html`<table class="grid">
          <thead><tr><th>Dimension</th><th class="num">${t.yours}</th>${groups.map((g) => html`<th class="num">${t.peerGroup[g.by]}<br><span class="small muted">${t.peerGroupOf(g.label ?? '', g.firms ?? 0)}</span></th>`)}</tr></thead>
          <tbody>
            <tr><td><strong>${t.overall}</strong></td><td class="num">${scoreText(t, d.result.score)}</td>${groups.map((g) => html`<td class="num">${cell(g, null)}</td>`)}</tr>
            ${d.dimensions
              .filter((x) => x.applicable)
              .map(
                (x) =>
                  html`<tr><td>${x.code} ${x.name}</td><td class="num">${scoreText(t, x.score)}</td>${groups.map((g) => html`<td class="num">${cell(g, x.id)}</td>`)}</tr>`,
              )}
          </tbody>
        </table>
        <p class="small muted">${t.peersLegend}</p>`
        : ''
    }`;
}

function delta(t: Labels, previous: number | null, current: number | null): Html {
  if (previous === null || current === null) return html`–`;
  const diff = current - previous;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  // A higher score is more exposure: up is bad.
  return html`<span class="${diff > 0 ? 'delta-up' : diff < 0 ? 'delta-down' : ''}">${sign}${t.formatNumber(Math.abs(diff))}</span>`;
}

function comparison(t: Labels, p: ReportComparison | null, score: number | null, level: ReportLevel | null): Html {
  if (!p) return html`<h2>${t.comparisonTitle}</h2><p>${t.noComparison}</p>`;
  return html`<div class="keep"><h2>${t.comparisonTitle}</h2>
    <p>${t.previousAssessment(t.formatDate(p.submittedAt), p.catalogueVersion)}</p>
    <div class="cards">
      <div class="card"><div class="label">${t.resolved}</div><div class="value tx-low">${p.findings.resolved}</div></div>
      <div class="card"><div class="label">${t.newFindings}</div><div class="value tx-critical">${p.findings.new}</div></div>
      <div class="card"><div class="label">${t.unchanged}</div><div class="value">${p.findings.unchanged}</div></div>
    </div></div>
    <table class="grid">
      <thead><tr><th>Dimension</th><th class="num">${t.previous}</th><th class="num">${t.current}</th><th class="num">${t.change}</th></tr></thead>
      <tbody>
        <tr><td><strong>${t.overall}</strong> ${levelBadge(t, p.level)} → ${levelBadge(t, level)}</td><td class="num">${scoreText(t, p.score)}</td><td class="num">${scoreText(t, score)}</td><td class="num">${delta(t, p.score, score)}</td></tr>
        ${p.dimensions.map(
          (x) =>
            html`<tr><td>${x.code} ${x.name}</td><td class="num">${scoreText(t, x.previous)}</td><td class="num">${scoreText(t, x.current)}</td><td class="num">${delta(t, x.previous, x.current)}</td></tr>`,
        )}
      </tbody>
    </table>`;
}

function verifyRow(t: Labels, v: ReportVerifyItem): Html {
  return html`<tr>
    <td class="nowrap">${v.dimensionCode} · ${v.questionId}</td>
    <td><strong>${v.question}</strong><br>${v.check}</td>
    <td>${v.portals.map((p) => {
      const url = safeUrl(p.url);
      return html`<div>${p.name}${zh(p.nameZh)}${url ? html`<br><a class="small" href="${url}">${url}</a>` : ''}</div>`;
    })}</td>
  </tr>`;
}

function verify({ d, t }: Ctx): Html {
  if (!d.verify.length) return html``;
  return html`<section class="section flow" id="verify">
    <h1>${t.verifyTitle}</h1>
    <p>${t.verifyIntro}</p><table class="grid"><thead><tr><th style="width:13%">${t.question}</th><th>${t.whatToCheck}</th><th style="width:30%">${t.whereToCheck}</th></tr></thead><tbody>${d.verify.map((v) => verifyRow(t, v))}</tbody></table>
  </section>`;
}

function pairs<T>(items: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  return rows;
}

/** Every cited regulation once, numbered, with its status once. */
function referenceList(c: Ctx): Html {
  const { t } = c;
  const all = [...c.refs.values()];
  if (!all.length) return html``;
  return html`<h2>${t.referencesTitle}</h2>
    <p class="small muted">${t.referencesIntro}</p>
    <ol class="references">${all.map(({ n, ref: r }) => {
      const url = safeUrl(r.url);
      return html`<li value="${n}"><span class="refno">[${n}]</span> ${url ? html`<a href="${url}">${r.title}</a>` : r.title}${zh(r.titleZh)} <span class="muted">— ${r.authority}${r.number ? `, ${r.number}` : ''}, ${r.year}</span> ${r.status === 'unconfirmed' ? html`<span class="dagger">†</span>` : ''}${confirmationBadge(t, r.status)}</li>`;
    })}</ol>`;
}

function appendix(c: Ctx): Html {
  const { d, t } = c;
  return html`<section class="section" id="appendix">
    <h1>${t.appendixTitle}</h1>
    ${referenceList(c)}
    <h2>${t.methodology}</h2>
    ${d.methodology.paragraphs.map((p) => html`<p>${p}</p>`)}
    <h2>${t.profile}</h2>
    <table class="grid profile"><tbody>${pairs(d.assessment.profile).map(
      (row) => html`<tr>${row.map((p) => html`<td class="k">${p.label}</td><td>${p.value}</td>`)}</tr>`,
    )}</tbody></table>
    <h2>${t.portalsTitle}</h2>
    <p class="small">${t.portalsIntro}</p>
    ${portalTable(t, d.portals)}
  </section>`;
}

/** The complete, self-contained HTML document of a report (no script, no external resource). */
export function renderReportHtml(d: ReportData): string {
  const t = LABELS[d.locale];
  const ctx: Ctx = { d, t, refs: numberReferences(d) };
  return html`<!DOCTYPE html>
<html lang="${d.locale}">
<head>
<meta charset="utf-8">
<title>${t.documentTitle} – ${d.firm.name}</title>
<meta name="author" content="${d.preparedBy?.organisation ?? 'SCS Check'}">
<meta name="description" content="${t.reportSubtitle}">
<style>${raw(REPORT_CSS)}${raw(pageMarginCss(d))}</style>
</head>
<body>
${managementSummary(ctx)}
${glance(ctx)}
${dimensions(ctx)}
${repairPlan(ctx)}
${actions(ctx)}
${verify(ctx)}
${appendix(ctx)}
</body>
</html>`.value;
}

/**
 * A CSS string literal of any text: every character other than letters, digits and a few punctuation marks is
 * written as a six-digit hexadecimal escape, so that no text can end the string, the rule or the style element.
 * Spaces are escaped too: CSS swallows one literal whitespace after an escape.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /^[A-Za-z0-9.,:;()-]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}`;
  }
  return `${out}"`;
}

/** Longest firm name printed in the running header (the cover has the full name). */
const HEADER_NAME_MAX = 70;

/**
 * Running header and footer as CSS page-margin boxes with page counters: Chromium lays them out with the document
 * (its displayHeaderFooter templates are separate documents per page, which cost about a tenth of the render time).
 * The cover page has none. User text (the firm's and the chamber's names) goes through cssString.
 */
export function pageMarginCss(d: ReportData): string {
  const t = LABELS[d.locale];
  const name =
    [...d.firm.name].length > HEADER_NAME_MAX
      ? `${[...d.firm.name].slice(0, HEADER_NAME_MAX - 1).join('')}…`
      : d.firm.name;
  const box = `font-family: ${FONT_STACK}; font-size: 7.5pt; color: #607d8b;`;
  const head = `${box} vertical-align: bottom; padding-bottom: 2pt; border-bottom: 0.5pt solid #cfd8dc;`;
  return `@page {
  margin: 20mm 16mm 17mm 16mm;
  @top-left { content: ${cssString(`${t.reportTitle} · ${name}`)}; ${head} }
  @top-right { content: ${cssString(d.branding?.chamberName ?? 'SCS Check')}; ${head} text-align: right; }
  @bottom-left { content: ${cssString(`${t.confidential} · ${t.generatedAt} ${t.formatDate(d.generatedAt)} · ${t.catalogueVersion} ${d.assessment.catalogueVersion}`)}; ${box} vertical-align: top; padding-top: 4pt; }
  @bottom-right { content: ${cssString(`${t.page} `)} counter(page) ${cssString(` ${t.of} `)} counter(pages); ${box} vertical-align: top; padding-top: 4pt; text-align: right; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
`;
}
