import { bilingual as t } from '@scs/shared/catalogue';
import type { ResearchModule } from '@scs/shared/disclosure';

const o = (id: string, en: string, de: string) => ({ id, label: t(en, de) });
const yesNo = [o('yes', 'Yes', 'Ja'), o('no', 'No', 'Nein'), o('dont_know', "Don't know", 'Weiß nicht')];

/**
 * The research module that goes with catalogue 2026.1: unscored questions asked only of firms that consented to
 * research use. Option codes only, no free text, so nothing identifying can enter a research record. A new catalogue
 * version gets a copy of this file with its own version (changed questions keep or change ids deliberately: the
 * codebook links variables across versions by id).
 */
export const RESEARCH_MODULE_2026_1: ResearchModule = {
  version: '2026.1',
  title: t('Research questions (optional, not scored)', 'Forschungsfragen (freiwillig, ohne Bewertung)'),
  intro: t(
    'Because your firm agreed to share anonymised results with the research team, we ask a few more questions. They do not change your score, and you can skip any of them.',
    'Weil Ihr Unternehmen der Weitergabe anonymisierter Ergebnisse an das Forschungsteam zugestimmt hat, stellen wir einige weitere Fragen. Sie ändern Ihre Bewertung nicht und können einzeln übersprungen werden.',
  ),
  questions: [
    {
      id: 'awareness',
      text: t(
        "Before this self-check, how familiar was your firm's management in China with the corporate social credit system?",
        'Wie vertraut war die Geschäftsführung Ihres Unternehmens in China vor diesem Selbstcheck mit dem Unternehmens-Sozialkreditsystem?',
      ),
      help: t(
        'In a 2019 chamber survey, about 7 in 10 German firms in China were not familiar with it.',
        'In einer Kammerumfrage 2019 war es etwa 7 von 10 deutschen Unternehmen in China nicht vertraut.',
      ),
      multiple: false,
      options: [
        o('not_familiar', 'Not familiar', 'Nicht vertraut'),
        o('heard_of', 'Heard of it, no details', 'Davon gehört, ohne Einzelheiten'),
        o('basic', 'Know the basics', 'Grundkenntnisse'),
        o('detailed', 'Know it in detail', 'Detaillierte Kenntnisse'),
      ],
    },
    {
      id: 'learned_from',
      text: t('Where did you learn about it? (all that apply)', 'Woher wissen Sie davon? (alles Zutreffende)'),
      multiple: true,
      showIf: { question: 'awareness', in: ['heard_of', 'basic', 'detailed'] },
      options: [
        o('chamber', 'Chamber of commerce (AHK / EUCCC)', 'Handelskammer (AHK / EUCCC)'),
        o('authorities', 'Chinese authorities or official portals', 'Chinesische Behörden oder offizielle Portale'),
        o('advisers', 'Lawyers, tax advisers, consultants', 'Anwälte, Steuerberater, Berater'),
        o('headquarters', 'Our headquarters', 'Unsere Zentrale'),
        o('partners', 'Business partners or customers', 'Geschäftspartner oder Kunden'),
        o('media', 'Media or publications', 'Medien oder Veröffentlichungen'),
        o('incident', 'Our own rating or listing incident', 'Ein eigener Bewertungs- oder Listungsfall'),
      ],
    },
    {
      id: 'impact',
      text: t(
        'What has your firm experienced so far in China? (all that apply)',
        'Was hat Ihr Unternehmen in China bisher erlebt? (alles Zutreffende)',
      ),
      multiple: true,
      options: [
        o(
          'rating_checked',
          'We checked our own credit ratings or list entries',
          'Wir haben eigene Kreditbewertungen oder Listeneinträge geprüft',
        ),
        o('more_inspections', 'More or targeted inspections', 'Mehr oder gezielte Kontrollen'),
        o(
          'fewer_inspections',
          'Fewer inspections or simplified procedures',
          'Weniger Kontrollen oder vereinfachte Verfahren',
        ),
        o(
          'partner_requirements',
          'Customers or partners asked for our credit status',
          'Kunden oder Partner fragten nach unserem Kreditstatus',
        ),
        o(
          'supplier_checks',
          "We check our suppliers' credit status",
          'Wir prüfen den Kreditstatus unserer Lieferanten',
        ),
        o(
          'tender_effect',
          'A rating affected a tender, subsidy or licence',
          'Eine Bewertung wirkte sich auf Ausschreibung, Förderung oder Lizenz aus',
        ),
        o('costs', 'Measurable compliance costs', 'Messbare Compliance-Kosten'),
        o('none', 'None of these', 'Nichts davon'),
      ],
    },
    {
      id: 'preparation',
      text: t(
        'Which preparation measures has your firm taken? (all that apply)',
        'Welche Vorbereitungsmaßnahmen hat Ihr Unternehmen ergriffen? (alles Zutreffende)',
      ),
      multiple: true,
      options: [
        o('responsible', 'Named a person responsible', 'Eine verantwortliche Person benannt'),
        o(
          'monitoring',
          'Regular monitoring of ratings and lists',
          'Regelmäßige Überwachung von Bewertungen und Listen',
        ),
        o('training', 'Staff training', 'Schulung der Mitarbeitenden'),
        o('external_advice', 'External advice', 'Externe Beratung'),
        o('data_processes', 'Changed data reporting processes', 'Meldeprozesse für Daten angepasst'),
        o('supplier_screening', 'Screening of suppliers and partners', 'Prüfung von Lieferanten und Partnern'),
        o('none', 'None yet', 'Noch keine'),
      ],
    },
    {
      id: 'pilots',
      text: t(
        'Does your firm pilot data-driven products or practices in China that it would not run in the EU?',
        'Erprobt Ihr Unternehmen in China datengetriebene Produkte oder Verfahren, die es in der EU nicht einsetzen würde?',
      ),
      multiple: false,
      options: yesNo,
    },
    {
      id: 'pilot_areas',
      text: t('In which areas? (all that apply)', 'In welchen Bereichen? (alles Zutreffende)'),
      multiple: true,
      showIf: { question: 'pilots', in: ['yes'] },
      options: [
        o(
          'employee_monitoring',
          'Employee monitoring or performance scoring',
          'Überwachung oder Leistungsbewertung von Beschäftigten',
        ),
        o('customer_profiling', 'Customer profiling or scoring', 'Kundenprofile oder Kundenbewertung'),
        o('facial_recognition', 'Facial or biometric recognition', 'Gesichts- oder biometrische Erkennung'),
        o('location_tracking', 'Location tracking', 'Standortverfolgung'),
        o('automated_decisions', 'Automated decisions about people', 'Automatisierte Entscheidungen über Personen'),
        o('data_sharing', 'Sharing data with platforms or authorities', 'Datenweitergabe an Plattformen oder Behörden'),
        o('other', 'Other', 'Sonstiges'),
      ],
    },
    {
      id: 'outside_china',
      text: t(
        'Has your firm met SCS-like credit-rating requirements outside China (e.g. supplier ratings, ESG or compliance scores demanded by customers or authorities)?',
        'Ist Ihr Unternehmen außerhalb Chinas auf SCS-ähnliche Bewertungsanforderungen gestoßen (z. B. Lieferantenratings, ESG- oder Compliance-Scores, die Kunden oder Behörden verlangen)?',
      ),
      multiple: false,
      options: yesNo,
    },
  ],
};

/**
 * Catalogue 2026.2 asks the same research questions (same ids, texts and options), so that answers stay comparable
 * across the two waves — with one deliberate change: 2026.1 showed a hint on `awareness` ("in a 2019 chamber survey,
 * about 7 in 10 firms were not familiar with it") that anchors the answer. 2026.2 asks without it, so answers of
 * the two waves are not strictly comparable on that question.
 */
export const RESEARCH_MODULE_2026_2: ResearchModule = {
  ...RESEARCH_MODULE_2026_1,
  version: '2026.2',
  questions: RESEARCH_MODULE_2026_1.questions.map((q) => {
    if (q.id !== 'awareness') return q;
    const { help: _anchoring, ...neutral } = q;
    return neutral;
  }),
};

/** Every research module version, oldest first. */
export const RESEARCH_MODULES: readonly ResearchModule[] = [RESEARCH_MODULE_2026_1, RESEARCH_MODULE_2026_2];

/** The module of a catalogue version (none when the version has no module file yet: copy it when adding a version). */
export function researchModuleFor(catalogueVersion: string): ResearchModule | undefined {
  return RESEARCH_MODULES.find((m) => m.version === catalogueVersion);
}
