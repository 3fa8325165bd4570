import {
  PROFILE_FIELDS,
  PROFILE_FIELD_NAMES,
  findingWording,
  localize,
  toPublicCatalogue,
  verifyWording,
  type Catalogue,
  type PublicCatalogue,
  type FirmProfile,
  type ProfileFieldDefinition,
  type ReadLocale,
  type Reference,
} from '@scs/shared/catalogue';
import { repairPlanData, type RepairPlanInput } from './repair-plan.builder';
import {
  DIMENSION_BURDEN_SCALE,
  OVERALL_BURDEN_SCALE,
  WORST_SHARE,
  compareFindings,
  comparisonCounts,
  orderFindings,
  rankSeverities,
  scoringModelOf,
  type ScoreResult,
  type ScoredFinding,
  type ScoringModel,
} from '@scs/shared/scoring';
import type {
  ReportAction,
  ReportBranding,
  ReportComparison,
  ReportData,
  ReportDimension,
  ReportFinding,
  ReportPortal,
  ReportReference,
  ReportTopFinding,
  ReportVerifyItem,
} from '@scs/shared/contracts';

export interface ReportDataInput {
  catalogue: Catalogue;
  /**
   * The same version in `locale` as the web reads it (CatalogueService.publicCatalogue, cached); findings are named
   * from it (findingWording), as on the result page. Default: toPublicCatalogue with the files attached at load.
   */
  wording?: PublicCatalogue;
  /** The profile snapshot the assessment was scored with. */
  profile: FirmProfile;
  result: ScoreResult;
  locale: ReadLocale;
  firmName: string;
  assessment: { id: string; submittedAt: string | Date };
  branding?: ReportBranding | null;
  actions?: ReportAction[];
  /** The firm's previous submitted assessment, scored against its own catalogue version. */
  previous?: { assessmentId: string; submittedAt: string | Date; result: ScoreResult } | null;
  generatedAt?: string | Date;
  /** Credit-repair plan and projection of the dated records (none: no section). */
  repairPlan?: RepairPlanInput | null;
}

const iso = (d: string | Date) => (d instanceof Date ? d.toISOString() : d);

const YES_NO: Record<ReadLocale, [string, string]> = { en: ['Yes', 'No'], de: ['Ja', 'Nein'], zh: ['是', '否'] };

const NOT_STATED: Record<ReadLocale, string> = { en: 'not stated', de: 'keine Angabe', zh: '未填写' };

function profileValue(def: ProfileFieldDefinition, value: unknown, locale: ReadLocale): string {
  // A field added to the profile after the snapshot was taken has no value: say so, never "undefined".
  if (value === undefined || value === null) return NOT_STATED[locale];
  switch (def.kind) {
    case 'boolean':
      return YES_NO[locale][value ? 0 : 1];
    case 'integer':
      return String(value);
    case 'enum': {
      const labels = def.valueLabels as Record<string, { en: string; de: string }>;
      const one = (v: string) => (labels[v] ? localize(labels[v], locale) : v);
      return Array.isArray(value) ? value.map((v) => one(String(v))).join(', ') || '–' : one(String(value));
    }
  }
}

/** The score paragraph of model 2 (docs/methodology.md, "Scoring models"); model 1 keeps its own text below. */
const MODEL_2_SCORE: Record<ReadLocale, (share: number) => string> = {
  en: (share) =>
    `Scoring model 2. A dimension's score (0–100) combines the single worst answer, scaled by its question weight (${Math.round(share * 100)} %), with the burden of all its other findings (${Math.round((1 - share) * 100)} %): each further finding closes part of the remaining gap to the maximum (1 − e^(−r/${DIMENSION_BURDEN_SCALE}), r = the other findings' weighted exposures), so every finding resolved lowers the score visibly, and clean answers do not dilute the findings. The overall score combines the worst answer anywhere with the burden of all other findings in the same way (scale ${OVERALL_BURDEN_SCALE}). Without a knock-out a score stays below critical. Levels: low up to 24, moderate up to 49, high up to 74, critical from 75.`,
  de: (share) =>
    `Bewertungsmodell 2. Der Betroffenheitswert einer Dimension (0–100) verbindet die schlechteste einzelne Antwort, gewichtet mit ihrem Fragegewicht (${Math.round(share * 100)} %), mit der Last aller übrigen Befunde (${Math.round((1 - share) * 100)} %): Jeder weitere Befund schließt einen Teil des Abstands zum Höchstwert (1 − e^(−r/${DIMENSION_BURDEN_SCALE}), r = die gewichtete Betroffenheit der übrigen Befunde). So senkt jeder behobene Befund den Wert sichtbar, und unbedenkliche Antworten verdünnen die Befunde nicht. Der Gesamtwert verbindet ebenso die schlechteste Antwort insgesamt mit der Last aller übrigen Befunde (Skala ${OVERALL_BURDEN_SCALE}). Ohne K.-o.-Befund bleibt ein Wert unter „kritisch“. Stufen: niedrig bis 24, mittel bis 49, hoch bis 74, kritisch ab 75.`,
  zh: (share) =>
    `评分模型 2。某一维度的分值（0–100）由按问题权重加权的单项最差答案（${Math.round(share * 100)}%）与该维度其余所有发现的负担（${Math.round((1 - share) * 100)}%）组合而成：每多一项发现，就会缩小与最高值之间剩余差距的一部分（1 − e^(−r/${DIMENSION_BURDEN_SCALE})，r = 其余发现的加权风险敞口），因此每解决一项发现，分值都会明显下降，无问题的答案也不会稀释发现。总分值同样由全部答案中的最差答案与其余所有发现的负担组合而成（尺度 ${OVERALL_BURDEN_SCALE}）。没有一票否决项时，分值保持在“严重”以下。风险等级：24 及以下为低，49 及以下为中，74 及以下为高，75 及以上为严重。`,
};

function methodology(locale: ReadLocale, version: string, model: ScoringModel): string[] {
  const paragraphs = METHODOLOGY[locale](version, WORST_SHARE);
  return model === 1 ? paragraphs : paragraphs.map((p, i) => (i === 1 ? MODEL_2_SCORE[locale](WORST_SHARE) : p));
}

const METHODOLOGY: Record<ReadLocale, (version: string, share: number) => string[]> = {
  en: (version, share) => [
    `The firm answered the questions of criteria catalogue ${version} that apply to its profile (legal form, activities, customs registration, size, sites, ...). Every answer option carries an exposure between 0 (none) and 1 (the worst case the question covers); every question a weight (high, medium, low); every dimension a weight.`,
    `A dimension's score (0–100) combines the single worst answer, scaled by its question weight (${Math.round(share * 100)} %), with the weighted mean exposure of all its answers (${Math.round((1 - share) * 100)} %): one serious problem counts on its own, and many small ones add up. The overall score combines the worst answer anywhere with the dimension-weighted mean in the same way. Levels: low up to 24, moderate up to 49, high up to 74, critical from 75.`,
    'Knock-out answers (for example a listing as a dishonest judgment debtor, tax credit grade D or unpaid tax decisions) make the result critical whatever else was answered. “Don’t know” counts as uncertainty, not as safe: it scores at least the midpoint of the question’s options and is listed under “Facts to verify”. Unanswered questions make the result provisional: the level is then a lower bound.',
    'The catalogue is compiled from the published regulations of the Chinese authorities listed below and from the research of an interdisciplinary project on the Social Credit System. Facts that could not be verified against an official text are marked “unconfirmed”. The report reflects the firm’s own answers at the time of submission; it does not query any authority.',
  ],
  de: (version, share) => [
    `Das Unternehmen hat die Fragen des Kriterienkatalogs ${version} beantwortet, die auf sein Profil zutreffen (Rechtsform, Tätigkeiten, Zollregistrierung, Größe, Standorte, …). Jede Antwortoption hat eine Betroffenheit zwischen 0 (keine) und 1 (der schlimmste Fall, den die Frage abdeckt); jede Frage ein Gewicht (hoch, mittel, niedrig); jede Dimension ein Gewicht.`,
    `Der Betroffenheitswert einer Dimension (0–100) verbindet die schlechteste einzelne Antwort, gewichtet mit ihrem Fragegewicht (${Math.round(share * 100)} %), mit der gewichteten mittleren Betroffenheit aller Antworten (${Math.round((1 - share) * 100)} %): Ein schweres Problem zählt für sich, viele kleine summieren sich. Die Gesamtbetroffenheit verbindet ebenso die schlechteste Antwort insgesamt mit dem nach Dimensionen gewichteten Mittel. Risikostufen: niedrig bis 24, mittel bis 49, hoch bis 74, kritisch ab 75.`,
    'K.-o.-Antworten (etwa die Eintragung als unredlicher Vollstreckungsschuldner, die Steuerkreditstufe D oder unbezahlte Steuerbescheide) machen das Ergebnis kritisch, unabhängig von allen anderen Antworten. „Weiß nicht“ zählt als Unsicherheit, nicht als unbedenklich: Die Antwort wird mindestens mit dem Mittelwert der Optionen bewertet und unter „Zu prüfende Angaben“ aufgeführt. Unbeantwortete Fragen machen das Ergebnis vorläufig; die Risikostufe ist dann eine Untergrenze.',
    'Der Katalog stützt sich auf die unten genannten veröffentlichten Vorschriften der chinesischen Behörden und auf die Forschung eines interdisziplinären Projekts zum Sozialkreditsystem. Angaben, die nicht an einem amtlichen Text geprüft werden konnten, sind als „unbestätigt“ gekennzeichnet. Der Bericht gibt die eigenen Antworten des Unternehmens zum Zeitpunkt des Abschlusses wieder; er fragt keine Behörde ab.',
  ],
  zh: (version, share) => [
    `企业回答了评估标准目录 ${version} 中适用于其概况（法律形式、业务活动、海关备案、规模、经营地点……）的问题。每个答案选项都有一个介于 0（无）和 1（该问题涵盖的最坏情况）之间的风险敞口值；每个问题有一个权重（高、中、低）；每个维度也有一个权重。`,
    `某一维度的分值（0–100）由按问题权重加权的单项最差答案（${Math.round(share * 100)}%）与该维度所有答案的加权平均风险敞口（${Math.round((1 - share) * 100)}%）组合而成：一个严重问题单独计入，多个小问题累加。总分值同样由全部答案中的最差答案与按维度加权的平均值组合而成。风险等级：24 及以下为低，49 及以下为中，74 及以下为高，75 及以上为严重。`,
    '一票否决答案（例如被列入失信被执行人名单、纳税信用级别为 D 或税务处理决定未缴纳）无论其他答案如何，都会使结果成为严重。“不清楚”计为不确定，而非安全：其分值至少为该问题各选项的中间值，并列入“待核实事项”。有未回答的问题时结果为暂定，此时风险等级为下限。',
    '本目录依据下列中国主管部门已公布的法规以及一个关于社会信用体系的跨学科研究项目的成果编制。未能对照官方文本核实的内容标注为“未确认”。本报告反映企业在提交时自行作出的回答，并未向任何主管部门查询。',
  ],
};

/**
 * Turns a scored assessment into the report contract: every text resolved in `locale`, Chinese originals kept.
 * Pure; the assessments feature's REPORT_DATA_SOURCE can build its data with it.
 */
export function reportDataFrom(input: ReportDataInput): ReportData {
  const { catalogue, profile, result, locale } = input;
  const wording = input.wording ?? toPublicCatalogue(catalogue, locale);
  const references = new Map(catalogue.references.map((r) => [r.id, r]));
  const dimensions = new Map(catalogue.dimensions.map((d) => [d.id, d]));
  const questions = new Map(catalogue.questions.map((q) => [q.id, q]));
  const portals = new Map(catalogue.portals.map((p) => [p.id, p]));

  const reference = (r: Reference): ReportReference => ({
    id: r.id,
    title: localize(r.title, locale),
    ...(r.title.zh ? { titleZh: r.title.zh } : {}),
    authority: localize(r.authority, locale),
    ...(r.authority.zh ? { authorityZh: r.authority.zh } : {}),
    ...(r.number ? { number: r.number } : {}),
    year: r.year,
    status: r.status,
    ...(r.url ? { url: r.url } : {}),
  });
  const referencesOf = (ids: readonly string[]) =>
    ids.flatMap((id) => (references.has(id) ? [reference(references.get(id) as Reference)] : []));
  const portal = (id: string): ReportPortal[] => {
    const p = portals.get(id);
    return p
      ? [
          {
            name: localize(p.name, locale),
            ...(p.name.zh ? { nameZh: p.name.zh } : {}),
            url: p.url,
            checks: localize(p.checks, locale),
          },
        ]
      : [];
  };
  const dimensionName = (id: string) => {
    const d = dimensions.get(id);
    return d ? localize(d.name, locale) : id;
  };

  const finding = (f: ScoredFinding): ReportFinding[] => {
    const where = {
      questionId: f.questionId,
      dimensionCode: dimensions.get(f.dimensionId)?.code ?? f.dimensionId,
      dimensionName: dimensionName(f.dimensionId),
      severity: f.severity,
      knockOut: f.knockOut,
    };
    if (f.kind === 'verify') {
      // "Don't know" is a finding too (uncertainty, not safe): the question, and what to check where.
      const q = questions.get(f.questionId);
      const check = verifyWording(wording, f) ?? '';
      return [
        {
          kind: 'verify',
          ...where,
          title: q ? localize(q.text, locale) : f.questionId,
          meaning: check,
          consequences: '',
          remediation: f.portals.flatMap(portal).map((p) => `${p.name}: ${p.checks}`),
          repair: null,
          references: referencesOf(f.references),
        },
      ];
    }
    const c = findingWording(wording, f);
    if (!c) return [];
    return [
      {
        kind: 'exposure',
        ...where,
        title: c.title,
        meaning: c.meaning,
        consequences: c.consequences,
        remediation: c.remediation,
        repair: c.repair
          ? {
              path: c.repair.path,
              minMonths: c.repair.minMonths ?? null,
              maxMonths: c.repair.maxMonths ?? null,
              status: c.repair.status,
            }
          : null,
        references: referencesOf(f.references),
      },
    ];
  };

  const ranks = rankSeverities(result.findings, catalogue);
  const mostSevere: ReportTopFinding[] = orderFindings(result.findings, catalogue)
    .slice(0, 5)
    .map((f) => {
      const q = questions.get(f.questionId);
      return {
        questionId: f.questionId,
        kind: f.kind,
        dimensionCode: dimensions.get(f.dimensionId)?.code ?? f.dimensionId,
        dimensionName: dimensionName(f.dimensionId),
        severity: f.severity,
        rankSeverity: ranks.get(f.questionId) ?? f.severity,
        knockOut: f.knockOut,
        title:
          (f.kind === 'exposure' ? findingWording(wording, f)?.title : undefined) ??
          (q ? localize(q.text, locale) : f.questionId),
        ...(f.kind === 'verify' && f.verify ? { check: verifyWording(wording, f) ?? '' } : {}),
      };
    });

  const reportDimensions: ReportDimension[] = result.dimensions.map((s) => {
    const d = dimensions.get(s.dimensionId);
    return {
      id: s.dimensionId,
      code: s.code,
      name: dimensionName(s.dimensionId),
      ...(d?.name.zh ? { nameZh: d.name.zh } : {}),
      authority: d ? localize(d.authority, locale) : '',
      ...(d?.authority.zh ? { authorityZh: d.authority.zh } : {}),
      score: s.score,
      level: s.level,
      applicable: s.applicable > 0,
      completeness: s.completeness,
      knockOut: s.knockOut,
      findings: orderFindings(s.findings, catalogue).flatMap(finding),
      references: referencesOf(d?.references ?? []),
    };
  });

  const verify: ReportVerifyItem[] = result.verify.map((v) => {
    const q = questions.get(v.questionId);
    return {
      questionId: v.questionId,
      dimensionCode: dimensions.get(v.dimensionId)?.code ?? v.dimensionId,
      dimensionName: dimensionName(v.dimensionId),
      question: q ? localize(q.text, locale) : v.questionId,
      check: verifyWording(wording, v) ?? '',
      portals: v.portals.flatMap(portal),
    };
  });

  const cited = new Map<string, ReportReference>();
  for (const d of reportDimensions.filter((x) => x.applicable))
    for (const r of [...d.references, ...d.findings.flatMap((f) => f.references)]) cited.set(r.id, r);
  const sources = [...cited.values()]
    .sort((a, b) => a.year - b.year || a.title.localeCompare(b.title))
    // Chinese titles are printed with each reference; the bibliography keeps to the report language.
    .map((r) => ({
      title: `${r.title}${r.number ? `, ${r.number}` : ''}, ${r.year}`,
      ...(r.url ? { url: r.url } : {}),
    }));

  return {
    locale,
    generatedAt: iso(input.generatedAt ?? new Date()),
    firm: {
      name: input.firmName,
      legalForm: profileValue(PROFILE_FIELDS.legalForm, profile.legalForm, locale),
      provinces: profile.provinces.map((p) => localize(PROFILE_FIELDS.provinces.valueLabels[p], locale)),
      sector: profileValue(PROFILE_FIELDS.naceSection, profile.naceSection, locale),
    },
    assessment: {
      id: input.assessment.id,
      submittedAt: iso(input.assessment.submittedAt),
      catalogueVersion: catalogue.version,
      profile: PROFILE_FIELD_NAMES.map((name) => ({
        label: localize(PROFILE_FIELDS[name].label, locale),
        value: profileValue(PROFILE_FIELDS[name], profile[name], locale),
      })),
    },
    branding: input.branding ?? null,
    result: {
      score: result.score,
      level: result.level,
      provisional: result.provisional,
      applicable: result.applicable,
      answered: result.answered,
      dontKnow: result.dontKnow,
      completeness: result.completeness,
      uncertainty: result.uncertainty,
      knockOuts: orderFindings(result.knockOuts, catalogue).flatMap(finding),
      // The shared order (`orderFindings`): the PDF's "most severe findings" are the first of these, as on the web.
      findings: orderFindings(result.findings, catalogue).flatMap(finding),
      scoringModel: scoringModelOf(result),
      mostSevere,
    },
    dimensions: reportDimensions,
    verify,
    actions: input.actions ?? [],
    previous: input.previous ? comparison(input.previous, result, reportDimensions) : null,
    methodology: { paragraphs: methodology(locale, catalogue.version, scoringModelOf(result)), sources },
    portals: catalogue.portals.flatMap((p) => portal(p.id)),
    ...(input.repairPlan && (input.repairPlan.repairPlan.length || (result.records?.length ?? 0) > 0)
      ? { repairPlan: repairPlanData(catalogue, locale, input.repairPlan) }
      : {}),
  };
}

function comparison(
  previous: NonNullable<ReportDataInput['previous']>,
  current: ScoreResult,
  dimensions: ReportDimension[],
): ReportComparison {
  const byCode = new Map(previous.result.dimensions.map((d) => [d.code, d]));
  return {
    assessmentId: previous.assessmentId,
    submittedAt: iso(previous.submittedAt),
    catalogueVersion: previous.result.catalogueVersion,
    score: previous.result.score,
    level: previous.result.level,
    dimensions: dimensions
      .filter((d) => d.applicable || byCode.get(d.code)?.score != null)
      .map((d) => ({ code: d.code, name: d.name, previous: byCode.get(d.code)?.score ?? null, current: d.score })),
    // The one comparison the web uses too (issue #16: the PDF counted exposure findings only and disagreed).
    findings: comparisonCounts(compareFindings(previous.result, current)),
  };
}
