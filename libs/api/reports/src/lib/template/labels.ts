import type {
  ReportActionStatus,
  ReportConfirmation,
  ReportLevel,
  ReportLocale,
  ReportSeverity,
} from '@scs/shared/contracts';

/** Every fixed text of the report template, in both report languages. */
export interface Labels {
  documentTitle: string;
  reportTitle: string;
  reportSubtitle: string;
  firm: string;
  assessmentDate: string;
  catalogueVersion: string;
  reportLanguage: string;
  languageName: string;
  generatedAt: string;
  assessmentId: string;
  distributedBy: string;
  contents: string;
  legalForm: string;
  provinces: string;
  sector: string;
  profile: string;

  summary: string;
  overall: string;
  score: string;
  level: string;
  provisional: string;
  completeness: string;
  uncertainty: string;
  answeredOf: (answered: number, applicable: number) => string;
  dontKnowCount: (n: number) => string;
  knockOuts: string;
  noKnockOuts: string;
  knockOutExplained: string;
  topFindings: string;
  noFindings: string;
  dimensionChart: string;
  notApplicable: string;
  notApplicableTitle: string;
  toVerify: (ids: string) => string;
  notAnswered: string;
  noticeTitle: string;
  notice: string;
  portalsTitle: string;
  portalsIntro: string;

  dimensionsTitle: string;
  authority: string;
  findings: string;
  noDimensionFindings: string;
  severity: string;
  whatItMeans: string;
  consequences: string;
  remediation: string;
  repair: string;
  repairHorizon: (min: number | null, max: number | null) => string;
  references: string;
  referenceNo: string;
  unconfirmedNote: string;
  knockOut: string;
  question: string;

  actionsTitle: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  noActions: string;
  unassigned: string;
  noDate: string;

  comparisonTitle: string;
  previous: string;
  current: string;
  change: string;
  previousAssessment: (date: string, version: string) => string;
  resolved: string;
  newFindings: string;
  unchanged: string;
  noComparison: string;

  peersTitle: string;
  peersIntro: (wave: string, k: number) => string;
  peersNoWave: string;
  peerGroup: Record<'sector' | 'size', string>;
  peerGroupOf: (label: string, firms: number) => string;
  yours: string;
  peersLegend: string;

  verifyTitle: string;
  verifyIntro: string;
  whatToCheck: string;
  whereToCheck: string;
  noVerify: string;

  appendixTitle: string;
  methodology: string;
  sources: string;
  confirmationLegend: string;

  page: string;
  of: string;
  confidential: string;

  levels: Record<ReportLevel, string>;
  severities: Record<ReportSeverity, string>;
  confirmation: Record<ReportConfirmation, string>;
  actionStatus: Record<ReportActionStatus, string>;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (n: number, digits?: number) => string;
  formatPercent: (share: number) => string;
  /** 'YYYY-MM' → "March 2027" / "März 2027" */
  formatMonth: (month: string) => string;
  /** 'YYYY-MM' → "Mar 27" / "März 27" (chart axis) */
  formatMonthShort: (month: string) => string;

  managementSummary: string;
  preparedFor: string;
  preparedBy: string;
  preparedOn: string;
  submittedWith: (date: string, version: string) => string;
  levelSentence: (level: string, score: string) => string;
  levelMeaning: Record<ReportLevel, string>;
  provisionalShort: string;
  knockOutSentence: (n: number) => string;
  dontKnowSentence: (n: number) => string;
  firstThings: string;
  firstThingsFromActions: string;
  firstThingsFromFindings: string;
  recommendedStep: string;
  overdue: string;
  changesTitle: string;
  changesSince: (date: string) => string;
  changeCounts: (resolved: number, added: number, unchanged: number) => string;
  scoreMoved: (from: string, to: string) => string;
  firstAssessment: string;
  outlookTitle: string;
  outlookNone: string;
  outlookRecords: (n: number) => string;
  outlookEarliest: (month: string, now: boolean) => string;
  outlookProjection: (from: string, to: string, month: string) => string;
  glanceTitle: string;
  dontKnow: string;
  basisUnconfirmed: string;
  citesUnconfirmed: string;
  dimensionsWithoutFindings: string;
  referencesTitle: string;
  referencesIntro: string;
  userEntered: string;
  userEnteredNote: string;
  formatTime: (iso: string) => string;

  repairPlanTitle: string;
  repairPlanIntro: (asOf: string) => string;
  repairNow: string;
  decisionDate: string;
  tier: string;
  earliestRepair: string;
  automaticEnd: string;
  channel: string;
  documents: string;
  processingTimes: string;
  deadlines: string;
  noRepairItems: string;
  projectionTitle: string;
  projectionIntro: string;
}

/** Locale-bound formatters; Intl objects are built once per locale (building one costs far more than using it). */
/** Readers of the reports sit in Germany and at German firms in China; times are German time, with the zone named. */
export const REPORT_TIME_ZONE = 'Europe/Berlin';

function formatter(locale: string) {
  // Glossary formats: 05.12.2026 in German, 5 Dec 2026 in English. A date-only value ('YYYY-MM-DD') is a calendar day.
  const dateOptions: Intl.DateTimeFormatOptions =
    locale === 'de-DE'
      ? { year: 'numeric', month: '2-digit', day: '2-digit' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
  const day = new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: REPORT_TIME_ZONE });
  const dateTime = new Intl.DateTimeFormat(locale, {
    ...dateOptions,
    hour: '2-digit',
    minute: '2-digit',
    timeZone: REPORT_TIME_ZONE,
    timeZoneName: 'short',
  });
  const numbers = new Map<number, Intl.NumberFormat>();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' });
  const monthDate = (m: string) => new Date(`${m.slice(0, 7)}-15T00:00:00Z`);
  const number = (digits: number) => {
    let f = numbers.get(digits);
    if (!f)
      numbers.set(
        digits,
        (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })),
      );
    return f;
  };
  return {
    formatDate: (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? day : date).format(new Date(iso)),
    formatDateTime: (iso: string) => dateTime.format(new Date(iso)),
    formatTime: (iso: string) => dateTime.format(new Date(iso)),
    formatNumber: (n: number, digits = 1) => number(digits).format(n),
    formatPercent: (share: number) => percent.format(share),
    formatMonth: (m: string) => month.format(monthDate(m)),
    formatMonthShort: (m: string) => monthShort.format(monthDate(m)),
  };
}

const en: Labels = {
  documentTitle: 'SCS Check risk report',
  reportTitle: 'SCS Check risk report',
  reportSubtitle: "Self-assessment of exposure to China's Corporate Social Credit System",
  firm: 'Firm',
  assessmentDate: 'Assessment submitted',
  catalogueVersion: 'Criteria catalogue',
  reportLanguage: 'Report language',
  languageName: 'English',
  generatedAt: 'Generated',
  assessmentId: 'Assessment ID',
  distributedBy: 'Provided by',
  contents: 'Contents',
  legalForm: 'Legal form',
  provinces: 'Provinces',
  sector: 'Sector',
  profile: 'Firm profile at submission',

  summary: 'Results at a glance',
  overall: 'Overall exposure',
  score: 'Score',
  level: 'Level',
  provisional: 'Provisional: not every applicable question was answered, so the level is a lower bound.',
  completeness: 'Completeness',
  uncertainty: 'Uncertainty',
  answeredOf: (a, n) => `${a} of ${n} applicable questions answered`,
  dontKnowCount: (n) => `${n} answered “don't know”`,
  knockOuts: 'Knock-out findings',
  noKnockOuts: 'No knock-out findings.',
  knockOutExplained: 'A knock-out makes the result critical whatever else was answered.',
  topFindings: 'The five most severe findings',
  noFindings: 'No findings: no answer indicates an exposure.',
  dimensionChart: 'Score by dimension (0 = no exposure, 100 = maximum)',
  notApplicable: 'not applicable',
  notApplicableTitle: 'Not applicable to this firm',
  toVerify: (ids) => `Answered “don’t know” (counts as uncertainty): ${ids}. See “Facts to verify”.`,
  notAnswered: 'not answered',
  noticeTitle: 'Important notice',
  notice:
    'This report is a self-assessment based on facts reported by the firm itself. It is not an official rating, not a credit report and not legal advice. ' +
    'Verify every fact in the official look-up portals (listed in the appendix) before relying on it.',
  portalsTitle: 'Official look-up portals',
  portalsIntro: 'Where each fact can be checked:',

  dimensionsTitle: 'Results by dimension',
  authority: 'Authority',
  findings: 'Findings',
  noDimensionFindings: 'No findings in this dimension.',
  severity: 'Severity',
  whatItMeans: 'What it means',
  consequences: 'Consequences',
  remediation: 'Remediation steps',
  repair: 'Credit repair',
  repairHorizon: (min, max) =>
    min !== null && max !== null
      ? `Horizon: ${min}–${max} months`
      : max !== null
        ? `Horizon: up to ${max} months`
        : min !== null
          ? `Horizon: at least ${min} months`
          : 'Horizon: not known',
  references: 'Regulations',
  referenceNo: 'No.',
  unconfirmedNote: 'Unconfirmed: the source text could not be verified; treat this item with care.',
  knockOut: 'Knock-out',
  question: 'Question',

  actionsTitle: 'Action plan',
  action: 'Action',
  owner: 'Owner',
  due: 'Due',
  status: 'Status',
  noActions: 'No actions recorded.',
  unassigned: 'unassigned',
  noDate: 'no date',

  comparisonTitle: 'Comparison with the previous assessment',
  previous: 'Previous',
  current: 'Current',
  change: 'Change',
  previousAssessment: (date, version) => `Previous assessment submitted ${date} (catalogue ${version}).`,
  resolved: 'Findings resolved',
  newFindings: 'New findings',
  unchanged: 'Findings unchanged',
  noComparison: 'This is the first assessment of the firm: there is nothing to compare with yet.',

  peersTitle: 'Firms like yours',
  peersIntro: (wave, k) =>
    `Mean scores of firms that shared their anonymised results for research, in the latest completed survey wave (${wave}). A figure is shown only where at least ${k} firms contribute to it.`,
  peersNoWave: 'No comparison data yet: no survey wave has been completed.',
  peerGroup: { sector: 'Same sector', size: 'Same size' },
  peerGroupOf: (label, firms) => `${label} (${firms} firms)`,
  yours: 'Your firm',
  peersLegend:
    '“.” = withheld to protect the firms (too few firms or recomputable); “–” = no firm with this dimension.',

  verifyTitle: 'Facts to verify',
  verifyIntro:
    'These questions were answered “don’t know”. They count as uncertainty, not as safe. Check each fact where indicated:',
  whatToCheck: 'What to check',
  whereToCheck: 'Where',
  noVerify: 'Every question was answered: nothing to verify.',

  appendixTitle: 'Appendix: methodology and sources',
  methodology: 'Methodology',
  sources: 'Sources',
  confirmationLegend:
    'Confirmed: the source text was read. Unconfirmed: known only from secondary sources; shown with a marked badge.',

  page: 'Page',
  of: 'of',
  confidential: 'Confidential',

  levels: { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' },
  severities: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
  managementSummary: 'Management summary',
  preparedFor: 'Prepared for',
  preparedBy: 'Prepared by',
  preparedOn: 'Date',
  submittedWith: (date, version) => `Self-check submitted ${date}, criteria catalogue ${version}`,
  levelSentence: (level, score) => `Overall exposure: ${level} (exposure score ${score} of 100).`,
  levelMeaning: {
    low: 'The answers show no notable exposure to the Social Credit System. Keep the records clean and check again next year.',
    moderate:
      'Some answers show an exposure that partners or authorities can see. It can be reduced with the steps below.',
    high: 'Several answers show a clear exposure that can cost permits, subsidies or customers. Act on the steps below now.',
    critical:
      'At least one answer puts the firm at risk of joint punishment or a blacklist. The management should act on the steps below at once.',
  },
  provisionalShort: 'Provisional: not every question was answered, so the level is a lower bound.',
  knockOutSentence: (n) => (n === 1 ? 'One knock-out finding.' : `${n} knock-out findings.`),
  dontKnowSentence: (n) =>
    n === 1
      ? 'One question was answered “don’t know”: it counts as uncertainty until the fact is checked.'
      : `${n} questions were answered “don’t know”: they count as uncertainty until the facts are checked.`,
  firstThings: 'The three things to do first',
  firstThingsFromActions: 'From the action plan, most urgent first.',
  firstThingsFromFindings: 'No action has been planned yet: the most severe findings and the recommended first step.',
  recommendedStep: 'Recommended step',
  overdue: 'overdue',
  changesTitle: 'What changed since the last assessment',
  changesSince: (date) => `Compared with the assessment of ${date}:`,
  changeCounts: (resolved, added, unchanged) =>
    `${resolved} ${resolved === 1 ? 'finding' : 'findings'} resolved, ${added} new, ${unchanged} unchanged.`,
  scoreMoved: (from, to) => `Overall exposure score ${from} → ${to}.`,
  firstAssessment: 'This is the first assessment of the firm: there is nothing to compare with yet.',
  outlookTitle: 'Repair outlook',
  outlookNone: 'No adverse record counts against the firm: there is nothing to repair.',
  outlookRecords: (n) => (n === 1 ? 'One adverse record still counts.' : `${n} adverse records still count.`),
  outlookEarliest: (month, now) =>
    now ? 'Credit repair can be applied for now.' : `Credit repair can be applied for from ${month}.`,
  outlookProjection: (from, to, month) =>
    `If every record is repaired at its earliest date, the overall score falls from ${from} to ${to} by ${month}.`,
  glanceTitle: 'Results at a glance',
  dontKnow: 'Don’t know',
  basisUnconfirmed: 'basis unconfirmed',
  citesUnconfirmed: '† unconfirmed regulation: see the list of regulations in the appendix.',
  dimensionsWithoutFindings: 'Dimensions without findings',
  referencesTitle: 'Regulations cited',
  referencesIntro:
    'Numbered as cited in the findings ([1], [2] …). Confirmed: the source text was read. Unconfirmed: known only from secondary sources; treat with care.',
  userEntered: 'as entered',
  userEnteredNote: 'Titles in italics were entered by the firm and are printed as entered.',
  repairPlanTitle: 'Credit-repair plan',
  repairPlanIntro: (asOf) =>
    `Every adverse record that still counts as of ${asOf}: when credit repair can be applied for, when the record ends by itself, where to apply and what to file. Unconfirmed periods are marked; they are no hard deadlines.`,
  repairNow: 'repair can be applied for now',
  decisionDate: 'Decision date',
  tier: 'Tier',
  earliestRepair: 'Earliest repair date',
  automaticEnd: 'Automatic end',
  channel: 'Channel',
  documents: 'Documents',
  processingTimes: 'Processing times',
  deadlines: 'Your deadlines',
  noRepairItems: 'No adverse record counts any more: there is nothing to repair.',
  projectionTitle: 'Projected exposure (next 36 months)',
  projectionIntro:
    'How the overall and the dimension scores fall if every record is repaired at its earliest date and nothing new happens.',
  confirmation: { confirmed: 'confirmed', unconfirmed: 'unconfirmed' },
  actionStatus: { open: 'Open', in_progress: 'In progress', done: 'Done' },
  ...formatter('en-GB'),
};

const de: Labels = {
  documentTitle: 'SCS Check Risikobericht',
  reportTitle: 'SCS Check Risikobericht',
  reportSubtitle: 'Selbsteinschätzung der Betroffenheit durch Chinas Corporate Social Credit System',
  firm: 'Unternehmen',
  assessmentDate: 'Einschätzung abgeschlossen',
  catalogueVersion: 'Kriterienkatalog',
  reportLanguage: 'Berichtssprache',
  languageName: 'Deutsch',
  generatedAt: 'Erstellt',
  assessmentId: 'Einschätzungs-ID',
  distributedBy: 'Bereitgestellt von',
  contents: 'Inhalt',
  legalForm: 'Rechtsform',
  provinces: 'Provinzen',
  sector: 'Branche',
  profile: 'Unternehmensprofil bei Abschluss',

  summary: 'Zusammenfassung',
  overall: 'Gesamtbetroffenheit',
  score: 'Betroffenheitswert',
  level: 'Risikostufe',
  provisional: 'Vorläufig: Nicht alle zutreffenden Fragen wurden beantwortet; die Risikostufe ist eine Untergrenze.',
  completeness: 'Vollständigkeit',
  uncertainty: 'Unsicherheit',
  answeredOf: (a, n) => `${a} von ${n} zutreffenden Fragen beantwortet`,
  dontKnowCount: (n) =>
    n === 0 ? 'keine Antwort „Weiß nicht“' : n === 1 ? 'eine Antwort „Weiß nicht“' : `${n} Antworten „Weiß nicht“`,
  knockOuts: 'K.-o.-Befunde',
  noKnockOuts: 'Keine K.-o.-Befunde.',
  knockOutExplained: 'Ein K.-o.-Befund macht das Ergebnis kritisch, unabhängig von allen anderen Antworten.',
  topFindings: 'Die fünf schwerwiegendsten Befunde',
  noFindings: 'Keine Befunde: Keine Antwort weist auf eine Betroffenheit hin.',
  dimensionChart: 'Betroffenheitswert je Dimension (0 = keine Betroffenheit, 100 = Maximum)',
  notApplicable: 'nicht zutreffend',
  notApplicableTitle: 'Für dieses Unternehmen nicht zutreffend',
  toVerify: (ids) => `Mit „Weiß nicht“ beantwortet (zählt als Unsicherheit): ${ids}. Siehe „Zu prüfende Angaben“.`,
  notAnswered: 'nicht beantwortet',
  noticeTitle: 'Wichtiger Hinweis',
  notice:
    'Dieser Bericht ist eine Selbsteinschätzung auf Grundlage der vom Unternehmen selbst gemachten Angaben. Er ist keine amtliche Bewertung, keine Kreditauskunft und keine Rechtsberatung. ' +
    'Prüfen Sie jede Angabe in den amtlichen Portalen (im Anhang aufgeführt), bevor Sie sich darauf stützen.',
  portalsTitle: 'Amtliche Abfrageportale',
  portalsIntro: 'Wo sich jede Angabe prüfen lässt:',

  dimensionsTitle: 'Ergebnisse je Dimension',
  authority: 'Behörde',
  findings: 'Befunde',
  noDimensionFindings: 'Keine Befunde in dieser Dimension.',
  severity: 'Schweregrad',
  whatItMeans: 'Bedeutung',
  consequences: 'Folgen',
  remediation: 'Abhilfemaßnahmen',
  repair: 'Kreditwiederherstellung',
  repairHorizon: (min, max) =>
    min !== null && max !== null
      ? `Zeitrahmen: ${min}–${max} Monate`
      : max !== null
        ? `Zeitrahmen: bis zu ${max} Monate`
        : min !== null
          ? `Zeitrahmen: mindestens ${min} Monate`
          : 'Zeitrahmen: nicht bekannt',
  references: 'Vorschriften',
  referenceNo: 'Nr.',
  unconfirmedNote: 'Unbestätigt: Der Quelltext konnte nicht geprüft werden; mit Vorsicht verwenden.',
  knockOut: 'K.-o.',
  question: 'Frage',

  actionsTitle: 'Maßnahmenplan',
  action: 'Maßnahme',
  owner: 'Verantwortlich',
  due: 'Fällig',
  status: 'Status',
  noActions: 'Keine Maßnahmen erfasst.',
  unassigned: 'nicht zugewiesen',
  noDate: 'ohne Datum',

  comparisonTitle: 'Vergleich mit der vorigen Einschätzung',
  previous: 'Vorher',
  current: 'Jetzt',
  change: 'Änderung',
  previousAssessment: (date, version) => `Vorige Einschätzung abgeschlossen am ${date} (Katalog ${version}).`,
  resolved: 'Erledigte Befunde',
  newFindings: 'Neue Befunde',
  unchanged: 'Unveränderte Befunde',
  noComparison: 'Dies ist die erste Einschätzung des Unternehmens; ein Vergleich ist noch nicht möglich.',

  peersTitle: 'Unternehmen wie Ihres',
  peersIntro: (wave, k) =>
    `Durchschnittswerte der Unternehmen, die ihre anonymisierten Ergebnisse für die Forschung freigegeben haben, in der letzten abgeschlossenen Erhebungswelle (${wave}). Ein Wert erscheint nur, wenn mindestens ${k} Unternehmen dazu beitragen.`,
  peersNoWave: 'Noch keine Vergleichsdaten: Es ist noch keine Erhebungswelle abgeschlossen.',
  peerGroup: { sector: 'Gleiche Branche', size: 'Gleiche Größe' },
  peerGroupOf: (label, firms) => `${label} (${firms} Unternehmen)`,
  yours: 'Ihr Unternehmen',
  peersLegend:
    '„.“ = zum Schutz der Unternehmen zurückgehalten (zu wenige Unternehmen oder rückrechenbar); „–“ = kein Unternehmen mit dieser Dimension.',

  verifyTitle: 'Zu prüfende Angaben',
  verifyIntro:
    'Diese Fragen wurden mit „Weiß nicht“ beantwortet. Sie zählen als Unsicherheit, nicht als unbedenklich. Prüfen Sie jede Angabe an der genannten Stelle:',
  whatToCheck: 'Was zu prüfen ist',
  whereToCheck: 'Wo',
  noVerify: 'Alle Fragen wurden beantwortet; nichts zu prüfen.',

  appendixTitle: 'Anhang: Methodik und Quellen',
  methodology: 'Methodik',
  sources: 'Quellen',
  confirmationLegend:
    'Bestätigt: Der Quelltext wurde gelesen. Unbestätigt: nur aus Sekundärquellen bekannt; mit eigenem Kennzeichen dargestellt.',

  page: 'Seite',
  of: 'von',
  confidential: 'Vertraulich',

  levels: { low: 'Niedrig', moderate: 'Mittel', high: 'Hoch', critical: 'Kritisch' },
  severities: { critical: 'Kritisch', high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
  managementSummary: 'Management-Zusammenfassung',
  preparedFor: 'Erstellt für',
  preparedBy: 'Erstellt von',
  preparedOn: 'Datum',
  submittedWith: (date, version) => `Selbstcheck abgeschlossen am ${date}, Kriterienkatalog ${version}`,
  levelSentence: (level, score) => `Gesamtbetroffenheit: ${level} (Betroffenheitswert ${score} von 100).`,
  levelMeaning: {
    low: 'Die Antworten zeigen keine nennenswerte Betroffenheit durch das Sozialkreditsystem. Halten Sie die Einträge sauber und prüfen Sie im nächsten Jahr erneut.',
    moderate:
      'Einige Antworten zeigen eine Betroffenheit, die Geschäftspartner oder Behörden sehen können. Sie lässt sich mit den Schritten unten verringern.',
    high: 'Mehrere Antworten zeigen eine deutliche Betroffenheit, die Genehmigungen, Förderungen oder Kunden kosten kann. Setzen Sie die Schritte unten jetzt um.',
    critical:
      'Mindestens eine Antwort bringt das Unternehmen in Gefahr gemeinsamer Sanktionen oder einer Listung. Die Geschäftsleitung sollte die Schritte unten sofort angehen.',
  },
  provisionalShort: 'Vorläufig: Nicht alle Fragen wurden beantwortet; die Risikostufe ist eine Untergrenze.',
  knockOutSentence: (n) => (n === 1 ? 'Ein K.-o.-Befund.' : `${n} K.-o.-Befunde.`),
  dontKnowSentence: (n) =>
    n === 1
      ? 'Eine Frage wurde mit „Weiß nicht“ beantwortet: Sie zählt als Unsicherheit, bis die Angabe geprüft ist.'
      : `${n} Fragen wurden mit „Weiß nicht“ beantwortet: Sie zählen als Unsicherheit, bis die Angaben geprüft sind.`,
  firstThings: 'Die drei wichtigsten nächsten Schritte',
  firstThingsFromActions: 'Aus dem Maßnahmenplan, das Dringendste zuerst.',
  firstThingsFromFindings:
    'Noch ist keine Maßnahme geplant: die schwerwiegendsten Befunde und der empfohlene erste Schritt.',
  recommendedStep: 'Empfohlener Schritt',
  overdue: 'überfällig',
  changesTitle: 'Was sich seit der letzten Einschätzung geändert hat',
  changesSince: (date) => `Im Vergleich mit der Einschätzung vom ${date}:`,
  changeCounts: (resolved, added, unchanged) =>
    `${resolved} ${resolved === 1 ? 'Befund' : 'Befunde'} erledigt, ${added} neu, ${unchanged} unverändert.`,
  scoreMoved: (from, to) => `Betroffenheitswert gesamt ${from} → ${to}.`,
  firstAssessment: 'Dies ist die erste Einschätzung des Unternehmens; ein Vergleich ist noch nicht möglich.',
  outlookTitle: 'Ausblick Kreditwiederherstellung',
  outlookNone: 'Kein Eintrag zählt gegen das Unternehmen: Es gibt nichts wiederherzustellen.',
  outlookRecords: (n) => (n === 1 ? 'Ein Eintrag zählt noch.' : `${n} Einträge zählen noch.`),
  outlookEarliest: (month, now) =>
    now
      ? 'Die Kreditwiederherstellung kann jetzt beantragt werden.'
      : `Die Kreditwiederherstellung kann ab ${month} beantragt werden.`,
  outlookProjection: (from, to, month) =>
    `Wird jeder Eintrag zum frühesten Termin wiederhergestellt, sinkt der Betroffenheitswert gesamt bis ${month} von ${from} auf ${to}.`,
  glanceTitle: 'Ergebnis im Überblick',
  dontKnow: 'Weiß nicht',
  basisUnconfirmed: 'Grundlage unbestätigt',
  citesUnconfirmed: '† unbestätigte Vorschrift: siehe das Verzeichnis der Vorschriften im Anhang.',
  dimensionsWithoutFindings: 'Dimensionen ohne Befunde',
  referencesTitle: 'Zitierte Vorschriften',
  referencesIntro:
    'Nummeriert wie in den Befunden zitiert ([1], [2] …). Bestätigt: Der Quelltext wurde gelesen. Unbestätigt: nur aus Sekundärquellen bekannt; mit Vorsicht verwenden.',
  userEntered: 'wie eingegeben',
  userEnteredNote: 'Kursive Titel hat das Unternehmen selbst eingegeben; sie sind unverändert abgedruckt.',
  repairPlanTitle: 'Plan zur Kreditwiederherstellung',
  repairPlanIntro: (asOf) =>
    `Jeder Eintrag, der im ${asOf} noch zählt: ab wann die Kreditwiederherstellung beantragt werden kann, wann der Eintrag automatisch endet, wo der Antrag gestellt wird und welche Unterlagen einzureichen sind. Unbestätigte Fristen sind gekennzeichnet; sie sind keine festen Termine.`,
  repairNow: 'Antrag jetzt möglich',
  decisionDate: 'Entscheidungsdatum',
  tier: 'Stufe',
  earliestRepair: 'Frühester Antragstermin',
  automaticEnd: 'Automatisches Ende',
  channel: 'Antragsweg',
  documents: 'Unterlagen',
  processingTimes: 'Bearbeitungszeiten',
  deadlines: 'Ihre Fristen',
  noRepairItems: 'Kein Eintrag zählt mehr: Es gibt nichts wiederherzustellen.',
  projectionTitle: 'Voraussichtliche Betroffenheit (nächste 36 Monate)',
  projectionIntro:
    'So sinken der Gesamtwert und die Werte je Dimension, wenn jeder Eintrag zum frühesten Termin wiederhergestellt wird und nichts Neues hinzukommt.',
  confirmation: { confirmed: 'bestätigt', unconfirmed: 'unbestätigt' },
  actionStatus: { open: 'Offen', in_progress: 'In Arbeit', done: 'Erledigt' },
  ...formatter('de-DE'),
};

export const LABELS: Record<ReportLocale, Labels> = { en, de };
