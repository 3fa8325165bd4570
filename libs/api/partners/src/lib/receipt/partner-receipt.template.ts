import { html } from '@scs/api/reports';
import type { PartnerCheckQuestionnaire, PartnerLocale, RedFlag } from '@scs/shared/catalogue';

export const PARTNER_RECEIPT_TEMPLATE_VERSION = '1';

/** What the partner's receipt shows: its own answers, the declaration and the evidence it attached. No firm-side data. */
export interface PartnerReceiptData {
  locale: PartnerLocale;
  firmName: string;
  partnerName: string;
  partnerNameZh: string | null;
  uscc: string | null;
  submittedAt: string;
  questionnaire: PartnerCheckQuestionnaire;
  answers: Record<string, string>;
  flags: RedFlag[];
  declaration: { name: string; role: string; date: string };
  evidence: { filename: string; size: number; sha256: string }[];
  checkId: string;
}

const LABELS: Record<PartnerLocale, Record<string, string>> = {
  zh: {
    title: '合作伙伴信用核查回执',
    requestedBy: '发起方',
    company: '作答企业',
    uscc: '统一社会信用代码',
    submitted: '提交时间（UTC）',
    answers: '答复',
    answer: '答复',
    whereToCheck: '核实渠道',
    unconfirmed: '未确认：',
    declaration: '声明',
    signed: '签署人',
    role: '职务',
    date: '日期',
    evidence: '附件',
    none: '无',
    reference: '编号',
    note: '本回执由 SCS Check 根据贵方通过一次性链接提交的内容生成。',
  },
  en: {
    title: 'Partner credit check: receipt',
    requestedBy: 'Requested by',
    company: 'Answered for',
    uscc: 'USCC',
    submitted: 'Submitted (UTC)',
    answers: 'Answers',
    answer: 'Answer',
    whereToCheck: 'Where to check',
    unconfirmed: 'Unconfirmed: ',
    declaration: 'Declaration',
    signed: 'Signed by',
    role: 'Role',
    date: 'Date',
    evidence: 'Attachments',
    none: 'None',
    reference: 'Reference',
    note: 'SCS Check produced this receipt from what you submitted through your single-use link.',
  },
  de: {
    title: 'Partnerprüfung: Empfangsbestätigung',
    requestedBy: 'Angefragt von',
    company: 'Beantwortet für',
    uscc: 'USCC',
    submitted: 'Abgeschickt (UTC)',
    answers: 'Antworten',
    answer: 'Antwort',
    whereToCheck: 'Wo prüfen',
    unconfirmed: 'Unbestätigt: ',
    declaration: 'Erklärung',
    signed: 'Unterzeichnet von',
    role: 'Funktion',
    date: 'Datum',
    evidence: 'Anhänge',
    none: 'Keine',
    reference: 'Referenz',
    note: 'SCS Check hat diese Bestätigung aus Ihren Angaben über Ihren einmaligen Link erstellt.',
  },
};

const CJK = `"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC"`;

/** The receipt as escaped HTML; Chinese text uses the CJK fonts the firm reports use. */
export function renderPartnerReceipt(d: PartnerReceiptData): string {
  const t = LABELS[d.locale];
  const lang = d.locale === 'zh' ? 'zh-Hans' : d.locale;
  const q = d.questionnaire;
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <title>${t.title}</title>
        <style>
          @page { size: A4; margin: 18mm 16mm; }
          html { font-family: "Liberation Sans", Arial, ${CJK}, sans-serif; font-size: 10pt; line-height: 1.45; color: #1f2a30; }
          :lang(zh-Hans) { font-family: ${CJK}, sans-serif; }
          h1 { font-size: 16pt; margin: 0 0 8pt; }
          h2 { font-size: 12pt; margin: 14pt 0 6pt; border-bottom: 1px solid #c8d0d4; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; vertical-align: top; padding: 3pt 4pt; border-bottom: 1px solid #e3e7e9; }
          th { width: 32%; font-weight: 600; }
          .q { margin: 0 0 8pt; page-break-inside: avoid; }
          .q p { margin: 1pt 0; }
          .a { font-weight: 600; }
          .muted { color: #56646b; font-size: 8.5pt; }
          .flag { color: #a1260d; }
        </style>
      </head>
      <body>
        <h1>${t.title}</h1>
        <table>
          <tr><th>${t.requestedBy}</th><td>${d.firmName}</td></tr>
          <tr><th>${t.company}</th><td>${d.partnerNameZh ? `${d.partnerNameZh} / ${d.partnerName}` : d.partnerName}</td></tr>
          ${d.uscc ? html`<tr><th>${t.uscc}</th><td>${d.uscc}</td></tr>` : ''}
          <tr><th>${t.submitted}</th><td>${d.submittedAt.slice(0, 16).replace('T', ' ')}</td></tr>
          <tr><th>${t.reference}</th><td>${d.checkId}</td></tr>
        </table>
        <h2>${t.answers}</h2>
        ${q.questions.map((question, i) => {
          const option = question.options.find((o) => o.id === d.answers[question.id]);
          const flag = d.flags.find((f) => f.questionId === question.id);
          return html`<div class="q">
            <p>${i + 1}. ${question.text[d.locale]}</p>
            <p>${t.answer}: <span class="a">${option ? option.label[d.locale] : '—'}</span></p>
            ${flag ? html`<p class="flag">⚑ ${flag.text[d.locale]}</p>` : ''}
            ${
              question.status === 'unconfirmed' && question.statusNote
                ? html`<p class="muted">${t.unconfirmed}${question.statusNote[d.locale]}</p>`
                : ''
            }
            <p class="muted">${t.whereToCheck}: ${question.whereToCheck.map((w) => w.name[d.locale]).join(', ')}</p>
          </div>`;
        })}
        <h2>${t.declaration}</h2>
        <p>${q.declaration[d.locale]}</p>
        <table>
          <tr><th>${t.signed}</th><td>${d.declaration.name}</td></tr>
          <tr><th>${t.role}</th><td>${d.declaration.role}</td></tr>
          <tr><th>${t.date}</th><td>${d.declaration.date}</td></tr>
        </table>
        <h2>${t.evidence}</h2>
        ${
          d.evidence.length
            ? html`<table>
              ${d.evidence.map(
                (e) => html`<tr><th>${e.filename}</th><td>${kb(e.size)} · SHA-256 ${e.sha256.slice(0, 16)}…</td></tr>`,
              )}
            </table>`
            : html`<p>${t.none}</p>`
        }
        <p class="muted">${t.note}</p>
      </body>
    </html>`.value;
}
