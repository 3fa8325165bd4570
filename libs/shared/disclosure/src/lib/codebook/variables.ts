import { bilingual as t } from '@scs/shared/catalogue';
import {
  DONT_KNOW,
  PROFILE_FIELDS,
  type ApplicabilityRule,
  type Catalogue,
  type ProfileFieldDefinition,
  type Text,
} from '@scs/shared/catalogue';
import { CURRENT_SCORING_MODEL, WORST_SHARE } from '@scs/shared/scoring';
import {
  activityColumns,
  generaliseQi,
  isQiColumn,
  QI_LEVEL_DESCRIPTIONS,
  QI_SUPPRESSED,
  suppressionKey,
  TOP_CODED,
  type QiLevels,
} from '../microdata';
import { researchModuleVariables, type ResearchModule } from '../module';
import { MISSING, PROVINCE_GROUPS, SECTOR_GROUPS, type ResearchRecord } from '../record';
import { csvLine } from '../csv';

/** Scores in microdata are rounded to multiples of this many points (documented in the codebook labels). */
export const MICRODATA_SCORE_STEP = 5;
export const roundScore = (x: number): number => Math.round(x / MICRODATA_SCORE_STEP) * MICRODATA_SCORE_STEP;

// The codebook spec: one list of microdata variables drives the CSV columns and the codebook, and every writer (HTML,
// DDI-Codebook XML, Stata and R scripts, one file each next to this one) renders that codebook, so none can disagree
// with the file.

const W = WORST_SHARE;
// The formulas of model 1; model 2 (scoring_model = 2) replaces the mean term by the burden of the other findings.
const MODEL_2 = t(
  ` Model 2 (scoring_model = 2): 100 × (${W} × worst + ${1 - W} × (1 − e^(−rest / s))), rest = the other answers' weighted exposures added up, s = 1 per dimension, 3 overall; capped below critical without a knock-out. Above: model 1.`,
  ` Modell 2 (scoring_model = 2): 100 × (${W} × worst + ${1 - W} × (1 − e^(−rest / s))), rest = Summe der gewichteten Risiken der übrigen Antworten, s = 1 je Dimension, 3 gesamt; ohne K.-o.-Antwort unterhalb von kritisch begrenzt. Oben: Modell 1.`,
);
const FORMULAS = {
  dimension: t(
    `100 × (${W} × max_i(w_i·e_i / w_max) + ${1 - W} × Σ w_i·e_i / Σ w_i) over the applicable, answered questions i of the dimension (e = exposure 0–1 of the answer, "don't know" = the question's dontKnow exposure; w = question weight); at least the critical floor when a knock-out answer was given. See docs/methodology.md.`,
    `100 × (${W} × max_i(w_i·e_i / w_max) + ${1 - W} × Σ w_i·e_i / Σ w_i) über die zutreffenden, beantworteten Fragen i der Dimension (e = Risiko 0–1 der Antwort, „weiß nicht“ = dontKnow-Risiko der Frage; w = Fragegewicht); mindestens die kritische Untergrenze bei einer K.-o.-Antwort. Siehe docs/methodology.md.`,
  ),
  overall: t(
    `100 × (${W} × worst + ${1 - W} × Σ_d W_d·mean_d / Σ_d W_d): worst = the largest weighted exposure of any answer (damped for dimensions weighted below 1), mean_d = weighted mean exposure of dimension d, W_d = dimension weight; at least the critical floor with a knock-out answer.`,
    `100 × (${W} × worst + ${1 - W} × Σ_d W_d·mean_d / Σ_d W_d): worst = größtes gewichtetes Risiko einer Antwort (gedämpft bei Dimensionsgewicht unter 1), mean_d = gewichtetes mittleres Risiko der Dimension d, W_d = Dimensionsgewicht; mindestens die kritische Untergrenze bei einer K.-o.-Antwort.`,
  ),
};

const withModel2 = (x: Text): Text => t(x.en + MODEL_2.en, x.de + MODEL_2.de);

export interface ValueLabel {
  code: string;
  label: Text;
}

export interface CodebookVariable {
  name: string;
  label: Text;
  /** The question as asked (catalogue or research module). */
  question?: Text;
  type: 'string' | 'numeric' | 'categorical';
  /** The range a numeric variable can take. */
  range?: { min: number; max: number };
  values?: ValueLabel[];
  missing: ValueLabel[];
  /** Which firms the variable applies to (the question's applicability rule in words). */
  universe: Text;
  /** Source question id and the catalogue versions it exists in. */
  source?: { questionId: string; catalogueVersions: string[] };
  /** How a derived variable is computed. */
  formula?: Text;
}

export interface MicrodataVariable extends CodebookVariable {
  value(r: ResearchRecord, id: string): string;
}

export interface Codebook {
  title: Text;
  dataset: {
    file: string;
    delimiter: ',';
    decimal: '.';
    encoding: 'UTF-8';
    waves: string[];
    catalogueVersions: string[];
    k: number;
    /** Microdata: the quasi-identifiers' generalisation (absent in a table's codebook). */
    generalisation?: QiLevels;
    /** Name of the data frame the R script reads the file into (default `microdata`). */
    frame?: string;
  };
  notes: Text[];
  variables: CodebookVariable[];
}

const SCORE_RANGE = { min: 0, max: 100 };
const ALL_FIRMS_UNIVERSE = t('All consenting firms', 'Alle einwilligenden Unternehmen');
const NUMERIC_MISSING: ValueLabel[] = [
  {
    code: '',
    label: t(
      'No score (no question of the dimension applied or was answered)',
      'Kein Wert (keine Frage der Dimension zutreffend oder beantwortet)',
    ),
  },
];
const ANSWER_MISSING: ValueLabel[] = [
  {
    code: MISSING.notApplicable,
    label: t(
      'Not applicable (the question does not apply to the firm)',
      'Nicht zutreffend (die Frage gilt nicht für das Unternehmen)',
    ),
  },
  { code: MISSING.notAnswered, label: t('Not answered', 'Nicht beantwortet') },
  {
    code: MISSING.otherVersion,
    label: t(
      'Not asked in the catalogue version of this record',
      'In der Katalogversion dieses Datensatzes nicht gefragt',
    ),
  },
];

function enumValues(def: ProfileFieldDefinition): ValueLabel[] {
  return def.kind === 'enum'
    ? def.values.map((v) => {
        // The codebook is bilingual (en, de); some profile labels carry Chinese too, which it leaves out.
        const { en, de } = (def.valueLabels as Record<string, Text>)[v] as Text;
        return { code: v, label: { en, de } };
      })
    : [];
}

function fieldLabel(field: string): Text {
  const label = (PROFILE_FIELDS as Record<string, ProfileFieldDefinition>)[field]?.label;
  return label ? t(label.en, label.de) : t(field, field);
}

function valueText(field: string, value: unknown, lang: 'en' | 'de'): string {
  const def = (PROFILE_FIELDS as Record<string, ProfileFieldDefinition>)[field];
  if (typeof value === 'boolean') return value ? (lang === 'en' ? 'yes' : 'ja') : lang === 'en' ? 'no' : 'nein';
  if (def?.kind === 'enum') return (def.valueLabels as Record<string, Text>)[String(value)]?.[lang] ?? String(value);
  return String(value);
}

/** An applicability rule in words, e.g. "Imports or exports … = yes". */
export function describeRule(rule: ApplicabilityRule | undefined, lang: 'en' | 'de'): string {
  if (!rule) return ALL_FIRMS_UNIVERSE[lang];
  const and = lang === 'en' ? ' and ' : ' und ';
  const or = lang === 'en' ? ' or ' : ' oder ';
  if ('all' in rule) return rule.all.map((r) => `(${describeRule(r, lang)})`).join(and);
  if ('any' in rule) return rule.any.map((r) => `(${describeRule(r, lang)})`).join(or);
  if ('not' in rule) return `${lang === 'en' ? 'not' : 'nicht'} (${describeRule(rule.not, lang)})`;
  const label = fieldLabel(rule.field)[lang];
  if ('equals' in rule) return `${label} = ${valueText(rule.field, rule.equals, lang)}`;
  if ('in' in rule) return `${label} ∈ {${rule.in.map((v) => valueText(rule.field, v, lang)).join(', ')}}`;
  if ('includes' in rule) return `${label} ∋ ${valueText(rule.field, rule.includes, lang)}`;
  if ('includesAny' in rule)
    return `${label} ∩ {${rule.includesAny.map((v) => valueText(rule.field, v, lang)).join(', ')}} ≠ ∅`;
  if ('lte' in rule) return `${label} ≤ ${rule.lte}`;
  return `${label} ≥ ${rule.gte}`;
}

const universeOf = (rule: ApplicabilityRule | undefined): Text => ({
  en: describeRule(rule, 'en'),
  de: describeRule(rule, 'de'),
});

/** Variable groups a researcher may leave out of a file (leaving out never weakens the k guarantee). */
export const MICRODATA_GROUPS = ['scores', 'answers', 'module'] as const;
export type MicrodataGroup = (typeof MICRODATA_GROUPS)[number];

export interface MicrodataSpec {
  catalogues: readonly Catalogue[];
  modules: readonly ResearchModule[];
  levels: QiLevels;
  waves: readonly string[];
  k: number;
  /** Question id → answer codes top-coded to `.t` in this release (rare answers, see rareAnswers). */
  topCoded?: Readonly<Record<string, readonly string[]>>;
  /** Variable groups the researcher left out. */
  omit?: readonly MicrodataGroup[];
  /**
   * Rows (suppressionKey: wave and pseudonym) whose quasi-identifiers are locally suppressed to `.s` in this release,
   * so that files linked row by row stay k-anonymous (see linkageSuppression).
   */
  suppressed?: readonly string[];
}

const SUPPRESSED_LABEL = (k: number): ValueLabel => ({
  code: QI_SUPPRESSED,
  label: t(
    `Suppressed: rows that files linked by their other columns would have singled out (fewer than ${k} firms)`,
    `Unterdrückt: Zeilen, die über ihre übrigen Spalten verknüpfte Dateien herausgreifen würden (weniger als ${k} Unternehmen)`,
  ),
});

const TOP_CODED_LABEL = (k: number): ValueLabel => ({
  code: TOP_CODED,
  label: t(
    `Rare answer, top-coded: fewer than ${k} firms gave it in a wave of this release`,
    `Seltene Antwort, zusammengefasst: in einer Welle dieser Veröffentlichung von weniger als ${k} Unternehmen gegeben`,
  ),
});

/** The group a variable belongs to (null: always in the file). */
function groupOf(name: string): MicrodataGroup | null {
  if (name === 'overall_score' || name === 'level' || name === 'scoring_model' || name.startsWith('score_'))
    return 'scores';
  if (name.startsWith('q_')) return 'answers';
  if (name.startsWith('rm_')) return 'module';
  return null;
}

/** The microdata variables, in file order. */
export function microdataVariables(spec: MicrodataSpec): MicrodataVariable[] {
  const catalogues = [...spec.catalogues].sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
  const latest = catalogues.at(-1);
  const versions = catalogues.map((c) => c.version);
  const gen = (r: ResearchRecord) => generaliseQi(r, spec.levels);
  const level = (q: keyof QiLevels) => spec.levels[q];
  const described = (q: keyof QiLevels) =>
    t(`Generalised: ${QI_LEVEL_DESCRIPTIONS[q][level(q)]}`, `Verallgemeinert: ${QI_LEVEL_DESCRIPTIONS[q][level(q)]}`);
  const vars: MicrodataVariable[] = [
    {
      name: 'firm',
      label: t('Firm (pseudonymous id of this export)', 'Unternehmen (pseudonyme Kennung dieses Exports)'),
      type: 'string',
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      formula: t(
        'Derived from the keyed pseudonym; stable across the waves of this file, different in every export.',
        'Aus dem verschlüsselten Pseudonym abgeleitet; über die Wellen dieser Datei stabil, in jedem Export anders.',
      ),
      value: (_r, id) => id,
    },
    {
      name: 'wave',
      label: t('Wave (half-year of submission)', 'Welle (Halbjahr der Einreichung)'),
      type: 'string',
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      value: (r) => r.wave,
    },
    {
      name: 'catalogue_version',
      label: t('Criteria catalogue version answered', 'Beantwortete Version des Kriterienkatalogs'),
      type: 'categorical',
      values: versions.map((v) => ({ code: v, label: t(v, v) })),
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      value: (r) => r.catalogueVersion,
    },
  ];
  if (level('sector') < 2) {
    vars.push({
      name: 'sector',
      label:
        level('sector') === 0
          ? t('Main sector (NACE section)', 'Hauptbranche (NACE-Abschnitt)')
          : t('Sector group', 'Branchengruppe'),
      type: 'categorical',
      values:
        level('sector') === 0
          ? enumValues(PROFILE_FIELDS.naceSection)
          : Object.entries(SECTOR_GROUPS).map(([code, g]) => ({ code, label: g.label })),
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      formula: described('sector'),
      value: (r) => gen(r).sector,
    });
  }
  if (level('province') < 2) {
    const multi = { code: 'multi', label: t('Several provinces / regions', 'Mehrere Provinzen / Regionen') };
    vars.push({
      name: 'province',
      label: level('province') === 0 ? t('Province (if only one)', 'Provinz (falls nur eine)') : t('Region', 'Region'),
      type: 'categorical',
      values: [
        ...(level('province') === 0
          ? enumValues(PROFILE_FIELDS.provinces)
          : Object.entries(PROVINCE_GROUPS).map(([code, g]) => ({ code, label: g.label }))),
        multi,
      ],
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      formula: described('province'),
      value: (r) => gen(r).province,
    });
  }
  if (level('size') < 2) {
    vars.push({
      name: 'size',
      label: PROFILE_FIELDS.headcountBand.label,
      type: 'categorical',
      values:
        level('size') === 0
          ? enumValues(PROFILE_FIELDS.headcountBand)
          : [
              { code: 'lt250', label: t('Fewer than 250', 'Weniger als 250') },
              { code: 'gte250', label: t('250 or more', '250 oder mehr') },
            ],
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      formula: described('size'),
      value: (r) => gen(r).size,
    });
  }
  if (level('legalForm') < 2) {
    const all = enumValues(PROFILE_FIELDS.legalForm);
    vars.push({
      name: 'legal_form',
      label: PROFILE_FIELDS.legalForm.label,
      type: 'categorical',
      values:
        level('legalForm') === 0
          ? all
          : [
              ...all.filter((v) => v.code === 'wfoe' || v.code === 'jv'),
              {
                code: 'other',
                label: t(
                  'Other (incl. representative office, branch)',
                  'Sonstige (inkl. Repräsentanz, Zweigniederlassung)',
                ),
              },
            ],
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      formula: described('legalForm'),
      value: (r) => gen(r).legalForm,
    });
  }
  for (const flag of activityColumns(level('activities'))) {
    const label = (PROFILE_FIELDS.activities.valueLabels as Record<string, Text>)[flag] as Text;
    vars.push({
      name: `act_${flag}`,
      label: t(`Activity: ${label.en}`, `Tätigkeit: ${label.de}`),
      type: 'categorical',
      values: [
        { code: '1', label: t('yes', 'ja') },
        { code: '0', label: t('no', 'nein') },
      ],
      missing: [],
      universe: ALL_FIRMS_UNIVERSE,
      value: (r) => (r.activities.includes(flag) ? '1' : '0'),
    });
  }
  // Scores leave the system rounded to MICRODATA_SCORE_STEP points: an exact score (with the answers) made every row
  // unique and linkable across files (issue 15, attack 3).
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(roundScore(x)));
  vars.push({
    name: 'overall_score',
    label: t(
      `Overall exposure score (0–100, rounded to ${MICRODATA_SCORE_STEP} points)`,
      `Gesamt-Risikowert (0–100, auf ${MICRODATA_SCORE_STEP} Punkte gerundet)`,
    ),
    type: 'numeric',
    range: SCORE_RANGE,
    missing: NUMERIC_MISSING,
    universe: ALL_FIRMS_UNIVERSE,
    formula: withModel2(FORMULAS.overall),
    value: (r) => num(r.overallScore),
  });
  vars.push({
    name: 'level',
    label: t('Overall risk level', 'Gesamt-Risikostufe'),
    type: 'categorical',
    values: (latest?.levels ?? []).map((l) => ({ code: l.id, label: l.label })),
    missing: NUMERIC_MISSING,
    universe: ALL_FIRMS_UNIVERSE,
    formula: t(
      'Band of overall_score (catalogue levels); critical whenever a knock-out answer was given.',
      'Band von overall_score (Stufen des Katalogs); kritisch bei jeder K.-o.-Antwort.',
    ),
    value: (r) => r.level ?? '',
  });
  vars.push({
    name: 'scoring_model',
    label: t(
      'Scoring model of overall_score, level and the dimension scores',
      'Bewertungsmodell von overall_score, level und den Dimensionswerten',
    ),
    type: 'categorical',
    values: [
      {
        code: '1',
        label: t(
          'Model 1 (worst answer + weighted mean; results before 2026.12)',
          'Modell 1 (schlechteste Antwort + gewichtetes Mittel; Ergebnisse vor 2026.12)',
        ),
      },
      {
        code: '2',
        label: t(
          'Model 2 (worst answer + burden of the other findings)',
          'Modell 2 (schlechteste Antwort + Last der übrigen Befunde)',
        ),
      },
    ],
    missing: [],
    universe: ALL_FIRMS_UNIVERSE,
    formula: t(
      'Scores of different models are not comparable; the research tables use model 2 only (docs/methodology.md, "Aggregates and scoring models").',
      'Werte verschiedener Modelle sind nicht vergleichbar; die Forschungstabellen verwenden nur Modell 2 (docs/methodology.md, „Aggregates and scoring models“).',
    ),
    value: (r) => String(r.scoringModel ?? CURRENT_SCORING_MODEL),
  });
  const dims = new Map<string, Catalogue['dimensions'][number]>();
  for (const c of catalogues) for (const d of c.dimensions) dims.set(d.id, d);
  for (const d of dims.values()) {
    vars.push({
      name: `score_${d.id}`,
      label: t(
        `${d.code} ${d.name.en}: exposure score (0–100, rounded to ${MICRODATA_SCORE_STEP} points)`,
        `${d.code} ${d.name.de}: Risikowert (0–100, auf ${MICRODATA_SCORE_STEP} Punkte gerundet)`,
      ),
      type: 'numeric',
      range: SCORE_RANGE,
      missing: NUMERIC_MISSING,
      universe: t(
        'Firms to which at least one question of the dimension applies',
        'Unternehmen, für die mindestens eine Frage der Dimension gilt',
      ),
      formula: withModel2(FORMULAS.dimension),
      value: (r) => num(r.dimensionScores[d.id]),
    });
  }
  const questions = new Map<string, { q: Catalogue['questions'][number]; versions: string[] }>();
  for (const c of catalogues) {
    for (const q of c.questions) {
      const entry = questions.get(q.id);
      if (entry) {
        entry.q = q;
        entry.versions.push(c.version);
      } else questions.set(q.id, { q, versions: [c.version] });
    }
  }
  for (const { q, versions: qv } of questions.values()) {
    // Rare answers of this release are top-coded: the option stays in the value labels, marked, and `.t` replaces it.
    const rare = new Set(spec.topCoded?.[q.id] ?? []);
    const mark = (code: string, label: Text): ValueLabel => ({
      code,
      label: rare.has(code)
        ? t(`${label.en} (top-coded to ${TOP_CODED})`, `${label.de} (als ${TOP_CODED} zusammengefasst)`)
        : label,
    });
    vars.push({
      name: `q_${q.id}`,
      label: t(`Answer to ${q.id}`, `Antwort auf ${q.id}`),
      question: q.text,
      type: 'categorical',
      values: [
        ...q.options.map((o) => mark(o.id, o.label)),
        ...(q.dontKnow
          ? [mark(DONT_KNOW, t("Don't know (counts as uncertainty)", 'Weiß nicht (zählt als Unsicherheit)'))]
          : []),
      ],
      missing: rare.size ? [...ANSWER_MISSING, TOP_CODED_LABEL(spec.k)] : ANSWER_MISSING,
      universe: universeOf(q.applicability),
      source: { questionId: q.id, catalogueVersions: qv },
      value: (r) => {
        if (!qv.includes(r.catalogueVersion)) return MISSING.otherVersion;
        const code = r.answers[q.id] ?? MISSING.notAnswered;
        return rare.has(code) ? TOP_CODED : code;
      },
    });
  }
  const moduleVars = new Map<string, { v: ReturnType<typeof researchModuleVariables>[number]; versions: string[] }>();
  for (const m of [...spec.modules].sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }))) {
    for (const v of researchModuleVariables(m)) {
      const entry = moduleVars.get(v.name);
      if (entry) {
        entry.v = v;
        entry.versions.push(m.version);
      } else moduleVars.set(v.name, { v, versions: [m.version] });
    }
  }
  for (const { v, versions: mv } of moduleVars.values()) {
    const q = v.question;
    const showIf = q.showIf
      ? t(
          `Firms that answered ${q.showIf.question} with ${q.showIf.in.join(' or ')}`,
          `Unternehmen, die ${q.showIf.question} mit ${q.showIf.in.join(' oder ')} beantwortet haben`,
        )
      : undefined;
    vars.push({
      name: v.name.replace(/\./g, '_'),
      label: v.option
        ? t(`${q.id}: ${v.option.label.en}`, `${q.id}: ${v.option.label.de}`)
        : t(`Research module: ${q.id}`, `Forschungsmodul: ${q.id}`),
      question: q.text,
      type: 'categorical',
      values: v.option
        ? [
            { code: '1', label: t('selected', 'ausgewählt') },
            { code: '0', label: t('not selected', 'nicht ausgewählt') },
          ]
        : q.options.map((o) => ({ code: o.id, label: o.label })),
      missing: [
        {
          code: MISSING.notApplicable,
          label: t('Not asked (filtered by an earlier answer)', 'Nicht gefragt (Filter durch frühere Antwort)'),
        },
        {
          code: MISSING.notAnswered,
          label: t('Not answered / module skipped', 'Nicht beantwortet / Modul übersprungen'),
        },
        ANSWER_MISSING[2] as ValueLabel,
      ],
      universe:
        showIf ??
        t(
          'Firms that consented to research use (optional, unscored module)',
          'Unternehmen mit Einwilligung zur Forschungsnutzung (freiwilliges, nicht bewertetes Modul)',
        ),
      source: { questionId: `rm.${q.id}`, catalogueVersions: mv },
      value: (r) =>
        mv.includes(r.catalogueVersion) ? (r.researchModule?.[v.name] ?? MISSING.notAnswered) : MISSING.otherVersion,
    });
  }
  const omitted = new Set(spec.omit ?? []);
  const suppressed = new Set(spec.suppressed ?? []);
  return vars
    .filter((v) => {
      const group = groupOf(v.name);
      return group === null || !omitted.has(group);
    })
    .map((v) =>
      suppressed.size && isQiColumn(v.name)
        ? {
            ...v,
            missing: [...v.missing, SUPPRESSED_LABEL(spec.k)],
            value: (r: ResearchRecord, id: string) =>
              suppressed.has(suppressionKey(r)) ? QI_SUPPRESSED : v.value(r, id),
          }
        : v,
    );
}

/** The group a microdata variable belongs to (null: always in the file). */
export const microdataGroupOf = groupOf;

export function buildCodebook(
  spec: MicrodataSpec,
  variables: readonly CodebookVariable[] = microdataVariables(spec),
): Codebook {
  return {
    title: t(
      'SCS Check research data: anonymised self-assessments of German firms in China',
      'SCS Check Forschungsdaten: anonymisierte Selbstbewertungen deutscher Unternehmen in China',
    ),
    dataset: {
      file: 'microdata.csv',
      delimiter: ',',
      decimal: '.',
      encoding: 'UTF-8',
      waves: [...spec.waves],
      catalogueVersions: spec.catalogues.map((c) => c.version),
      k: spec.k,
      generalisation: spec.levels,
    },
    notes: [
      t(
        `Only firms that consented. One row per firm and wave. Quasi-identifiers are generalised so that every combination of them holds at least ${spec.k} firms per wave.`,
        `Nur Unternehmen mit Einwilligung. Eine Zeile je Unternehmen und Welle. Quasi-Identifikatoren sind so verallgemeinert, dass jede Kombination je Welle mindestens ${spec.k} Unternehmen umfasst.`,
      ),
      t(
        `Top-coding: an answer code that fewer than ${spec.k} firms gave to a question in a wave of this release is replaced by ${TOP_CODED} (marked in the value labels; ${Object.values(spec.topCoded ?? {}).reduce((n, c) => n + c.length, 0)} codes in this release). A code once top-coded stays top-coded in later releases. Research-module answers are not top-coded.`,
        `Zusammenfassung seltener Antworten: Ein Antwortcode, den in einer Welle dieser Veröffentlichung weniger als ${spec.k} Unternehmen auf eine Frage gegeben haben, wird durch ${TOP_CODED} ersetzt (in den Wertelabels markiert; ${Object.values(spec.topCoded ?? {}).reduce((n, c) => n + c.length, 0)} Codes in dieser Veröffentlichung). Ein einmal zusammengefasster Code bleibt es in späteren Veröffentlichungen. Antworten des Forschungsmoduls werden nicht zusammengefasst.`,
      ),
      t(
        `Local suppression: in ${(spec.suppressed ?? []).length} rows of this release every quasi-identifier shows ${QI_SUPPRESSED}. Rows that agree in every other column can be linked across files; where such linked rows would show a combination of quasi-identifiers held by fewer than ${spec.k} firms of a wave, their quasi-identifiers are suppressed. A row once suppressed stays suppressed in later releases.`,
        `Lokale Unterdrückung: In ${(spec.suppressed ?? []).length} Zeilen dieser Veröffentlichung zeigt jeder Quasi-Identifikator ${QI_SUPPRESSED}. Zeilen, die in allen übrigen Spalten übereinstimmen, lassen sich über Dateien hinweg verknüpfen; wo solche verknüpften Zeilen eine Kombination von Quasi-Identifikatoren zeigen würden, die in einer Welle weniger als ${spec.k} Unternehmen haben, werden ihre Quasi-Identifikatoren unterdrückt. Eine einmal unterdrückte Zeile bleibt es in späteren Veröffentlichungen.`,
      ),
      t(
        `Chosen by the researcher within the release: quasi-identifiers ${JSON.stringify(spec.levels)} (0 = as recorded, 1 = grouped, 2 = dropped; never finer than the release); left out: ${(spec.omit ?? []).join(', ') || 'nothing'}.`,
        `Von der forschenden Person innerhalb der Veröffentlichung gewählt: Quasi-Identifikatoren ${JSON.stringify(spec.levels)} (0 = wie erfasst, 1 = gruppiert, 2 = entfernt; nie feiner als die Veröffentlichung); weggelassen: ${(spec.omit ?? []).join(', ') || 'nichts'}.`,
      ),
      t(
        'CSV: RFC 4180, comma-separated, "." as decimal point, UTF-8, first row = variable names.',
        'CSV: RFC 4180, Komma als Trennzeichen, „.“ als Dezimalzeichen, UTF-8, erste Zeile = Variablennamen.',
      ),
    ],
    variables: variables.map(({ name, label, question, type, range, values, missing, universe, source, formula }) => ({
      name,
      label,
      ...(question ? { question } : {}),
      type,
      ...(range ? { range } : {}),
      ...(values ? { values } : {}),
      missing,
      universe,
      ...(source ? { source } : {}),
      ...(formula ? { formula } : {}),
    })),
  };
}

export function microdataHeader(vars: readonly MicrodataVariable[]): string {
  return csvLine(vars.map((v) => v.name));
}

export function microdataRow(vars: readonly MicrodataVariable[], r: ResearchRecord, id: string): string {
  return csvLine(vars.map((v) => v.value(r, id)));
}
