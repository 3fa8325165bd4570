import type {
  ReportActionStatus,
  ReportConfirmation,
  ReportLevel,
  ReportLocale,
  ReportSeverity,
} from '@scs/shared/contracts';

/** Every fixed text of the report template, in each report language (English, German, Simplified Chinese). */
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
  /** Why a "don't know" stands among the most severe: the severity it is ranked by (as on the result page). */
  rankedAs: (severity: string) => string;
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
  rankedAs: (severity) => `ranked as ${severity}: not yet checked`,
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
  assessmentDate: 'Selbstcheck abgeschlossen',
  catalogueVersion: 'Kriterienkatalog',
  reportLanguage: 'Berichtssprache',
  languageName: 'Deutsch',
  generatedAt: 'Erstellt',
  assessmentId: 'Selbstcheck-ID',
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

  comparisonTitle: 'Vergleich mit dem vorigen Selbstcheck',
  previous: 'Vorher',
  current: 'Jetzt',
  change: 'Änderung',
  previousAssessment: (date, version) => `Voriger Selbstcheck abgeschlossen am ${date} (Katalog ${version}).`,
  resolved: 'Erledigte Befunde',
  newFindings: 'Neue Befunde',
  unchanged: 'Unveränderte Befunde',
  noComparison: 'Dies ist der erste Selbstcheck des Unternehmens; ein Vergleich ist noch nicht möglich.',

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
  changesTitle: 'Was sich seit dem letzten Selbstcheck geändert hat',
  changesSince: (date) => `Im Vergleich mit dem Selbstcheck vom ${date}:`,
  changeCounts: (resolved, added, unchanged) =>
    `${resolved} ${resolved === 1 ? 'Befund' : 'Befunde'} erledigt, ${added} neu, ${unchanged} unverändert.`,
  scoreMoved: (from, to) => `Betroffenheitswert gesamt ${from} → ${to}.`,
  firstAssessment: 'Dies ist der erste Selbstcheck des Unternehmens; ein Vergleich ist noch nicht möglich.',
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
  rankedAs: (severity) => `eingestuft als ${severity}: noch nicht geprüft`,
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

const zh: Labels = {
  documentTitle: 'SCS Check 风险报告',
  reportTitle: 'SCS Check 风险报告',
  reportSubtitle: '企业社会信用体系风险敞口自评',
  firm: '企业',
  assessmentDate: '评估提交时间',
  catalogueVersion: '评估标准目录',
  reportLanguage: '报告语言',
  languageName: '简体中文',
  generatedAt: '生成时间',
  assessmentId: '评估编号',
  distributedBy: '提供方',
  contents: '目录',
  legalForm: '法律形式',
  provinces: '省份',
  sector: '行业',
  profile: '提交时的企业概况',

  summary: '摘要',
  overall: '总体风险敞口',
  score: '分值',
  level: '风险等级',
  provisional: '暂定：并非所有适用问题均已回答，因此风险等级为下限。',
  completeness: '完整度',
  uncertainty: '不确定性',
  answeredOf: (a, n) => `${n} 个适用问题中已回答 ${a} 个`,
  dontKnowCount: (n) => `${n} 个回答为“不清楚”`,
  knockOuts: '一票否决项',
  noKnockOuts: '没有一票否决项。',
  knockOutExplained: '一旦出现一票否决项，无论其他答案如何，结果均为严重。',
  topFindings: '最严重的五个发现项',
  noFindings: '没有发现项：没有任何答案显示存在风险敞口。',
  dimensionChart: '各维度分值（0 = 无风险敞口，100 = 最大）',
  notApplicable: '不适用',
  notApplicableTitle: '不适用于本企业',
  toVerify: (ids) => `回答为“不清楚”（计为不确定）：${ids}。见“待核实事项”。`,
  notAnswered: '未回答',
  noticeTitle: '重要提示',
  notice:
    '本报告是基于企业自行报告的事实所作的自我评估，并非官方评级、信用报告或法律意见。' +
    '在依赖任何事实之前，请在下列官方查询平台上进行核实。',
  portalsTitle: '官方查询平台',
  portalsIntro: '各项事实的查询途径：',

  dimensionsTitle: '各维度结果',
  authority: '主管部门',
  findings: '发现项',
  noDimensionFindings: '本维度没有发现项。',
  severity: '严重程度',
  whatItMeans: '含义',
  consequences: '后果',
  remediation: '整改步骤',
  repair: '信用修复',
  repairHorizon: (min, max) =>
    min !== null && max !== null
      ? `时限：${min}–${max} 个月`
      : max !== null
        ? `时限：最长 ${max} 个月`
        : min !== null
          ? `时限：至少 ${min} 个月`
          : '时限：未知',
  references: '法规',
  referenceNo: '序号',
  unconfirmedNote: '未确认：未能核实来源原文；请谨慎对待此项内容。',
  knockOut: '一票否决',
  question: '问题',

  actionsTitle: '整改计划',
  action: '措施',
  owner: '负责人',
  due: '截止日期',
  status: '状态',
  noActions: '尚未记录任何措施。',
  unassigned: '未分配',
  noDate: '无日期',

  comparisonTitle: '与上一次评估的对比',
  previous: '上一次',
  current: '本次',
  change: '变化',
  previousAssessment: (date, version) => `上一次评估提交于 ${date}（目录 ${version}）。`,
  resolved: '已解决的发现项',
  newFindings: '新的发现项',
  unchanged: '未变的发现项',
  noComparison: '这是本企业的第一次评估：尚无可对比的内容。',

  peersTitle: '与您类似的企业',
  peersIntro: (wave, k) =>
    `在最近一次已完成的调查轮次（${wave}）中，为研究分享匿名结果的企业的平均分值。只有至少 ${k} 家企业参与计算的数字才会显示。`,
  peersNoWave: '尚无对比数据：尚未完成任何调查轮次。',
  peerGroup: { sector: '同一行业', size: '同一规模' },
  peerGroupOf: (label, firms) => `${label}（${firms} 家企业）`,
  yours: '贵企业',
  peersLegend: '“.” = 为保护企业而不予显示（企业过少或可被反算）；“–” = 没有企业涉及此维度。',

  verifyTitle: '待核实事项',
  verifyIntro: '以下问题的回答为“不清楚”。它们计为不确定，而非安全。请按所示途径逐项核实：',
  whatToCheck: '核实内容',
  whereToCheck: '查询途径',
  noVerify: '所有问题均已回答：无需核实。',

  appendixTitle: '附录：方法与来源',
  methodology: '方法',
  sources: '来源',
  confirmationLegend: '已确认：已查阅来源原文。未确认：仅来自二手资料；以标记显示。',

  page: '第',
  of: '页，共',
  confidential: '保密',

  levels: { low: '低', moderate: '中', high: '高', critical: '严重' },
  severities: { critical: '严重', high: '高', medium: '中', low: '低' },
  repairPlanTitle: '信用修复计划',
  repairPlanIntro: (asOf) =>
    `截至 ${asOf} 仍然有效的每条不良记录：何时可以申请信用修复、何时自动到期、向何处申请以及需要提交哪些材料。未确认的期限已标注；它们并非硬性期限。`,
  repairNow: '现在即可申请修复',
  decisionDate: '认定之日',
  tier: '等级',
  earliestRepair: '最早可申请修复日期',
  automaticEnd: '自动到期',
  channel: '渠道',
  documents: '材料',
  processingTimes: '办理时限',
  deadlines: '您的期限',
  noRepairItems: '已没有有效的不良记录：无需修复。',
  projectionTitle: '预计风险敞口（未来 36 个月）',
  projectionIntro: '如果每条记录都在最早日期修复且没有新的记录，总分值和各维度分值将如何下降。',
  confirmation: { confirmed: '已确认', unconfirmed: '未确认' },
  actionStatus: { open: '待处理', in_progress: '进行中', done: '已完成' },
  // board report (issue 16: the report a board reads)
  managementSummary: '管理层摘要',
  preparedFor: '编制对象',
  preparedBy: '编制方',
  preparedOn: '日期',
  submittedWith: (date, version) => `自查提交于 ${date}，评估目录 ${version}`,
  levelSentence: (level, score) => `总体风险敞口：${level}（风险敞口分值 ${score}/100）。`,
  levelMeaning: {
    low: '答案未显示企业受社会信用体系影响的明显风险敞口。请保持记录良好，并于明年再次自查。',
    moderate: '部分答案显示出合作伙伴或主管部门可以看到的风险敞口。可通过以下步骤降低。',
    high: '多项答案显示出明显的风险敞口，可能导致失去许可、补贴或客户。请立即采取以下步骤。',
    critical: '至少有一项答案使企业面临联合惩戒或被列入失信名单的风险。管理层应立即采取以下步骤。',
  },
  provisionalShort: '暂定：并非所有问题都已回答，因此风险等级为下限。',
  knockOutSentence: (n) => `${n} 个一票否决项。`,
  dontKnowSentence: (n) => `${n} 个问题的回答为“不清楚”：在核实事实之前，计为不确定因素。`,
  firstThings: '最优先的三件事',
  firstThingsFromActions: '取自整改计划，最紧急的在前。',
  firstThingsFromFindings: '尚未计划任何措施：最严重的发现项及建议的第一步。',
  recommendedStep: '建议步骤',
  overdue: '已逾期',
  changesTitle: '自上次评估以来的变化',
  changesSince: (date) => `与 ${date} 的评估相比：`,
  changeCounts: (resolved, added, unchanged) => `已解决 ${resolved} 个发现项，新增 ${added} 个，${unchanged} 个未变。`,
  scoreMoved: (from, to) => `总体风险敞口分值 ${from} → ${to}。`,
  firstAssessment: '这是本企业的首次评估：尚无可比较的内容。',
  outlookTitle: '信用修复展望',
  outlookNone: '没有对企业不利的记录：无需修复。',
  outlookRecords: (n) => `仍有 ${n} 条不良信用记录有效。`,
  outlookEarliest: (month, now) => (now ? '现在即可申请信用修复。' : `自 ${month} 起可申请信用修复。`),
  outlookProjection: (from, to, month) => `如果每条记录都在最早日期修复，到 ${month} 总体分值将从 ${from} 降至 ${to}。`,
  glanceTitle: '结果一览',
  dontKnow: '不清楚',
  rankedAs: (severity) => `按${severity}排序：尚未核实`,
  basisUnconfirmed: '依据未确认',
  citesUnconfirmed: '† 未确认的法规：见附录中的法规列表。',
  dimensionsWithoutFindings: '无发现项的维度',
  referencesTitle: '引用的法规',
  referencesIntro: '按发现项中的引用编号（[1]、[2] …）。已确认：已查阅来源原文。未确认：仅来自二手资料；请谨慎使用。',
  userEntered: '企业自行输入',
  userEnteredNote: '斜体标题由企业自行输入，按原样打印。',
  ...formatter('zh-CN'),
};

export const LABELS: Record<ReportLocale, Labels> = { en, de, zh };
