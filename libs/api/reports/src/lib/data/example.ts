import { answerFromCode } from '@scs/shared/answers';
import {
  DONT_KNOW,
  applicableQuestions,
  type Catalogue,
  type FirmProfile,
  localize,
  type Question,
  type ReadLocale,
} from '@scs/shared/catalogue';
import { score, type Answers } from '@scs/shared/scoring';
import type { ReportAction, ReportBranding, ReportData, ReportPeerComparison } from '@scs/shared/contracts';
import { reportDataFrom } from './report-data.builder';

/** A mid-sized German manufacturer and importer with sites in Jiangsu and Shanghai. */
export const EXAMPLE_PROFILE: FirmProfile = {
  legalForm: 'wfoe',
  activities: ['manufacturing', 'trading'],
  importsExports: true,
  headcountBand: '250_999',
  agencyLabour: true,
  pollutantPermit: 'yes',
  largeScaleData: 'unknown',
  publicProcurement: false,
  largeEnterpriseBuyer: true,
  taxRegistrationYear: 2012,
  naceSection: 'C',
  provinces: ['JS', 'SH'],
  germanParent: true,
};

const byExposure = (q: Question) => [...q.options].sort((a, b) => a.exposure - b.exposure);

/**
 * Deterministic answers: mostly the cleanest option, every seventh question a moderate problem, every twelfth "don't know"
 * (where offered), and in `previous` a few more problems so that the comparison has something to show.
 */
function exampleAnswers(catalogue: Catalogue, profile: FirmProfile, variant: 'current' | 'previous'): Answers {
  const answers: Record<string, Answers[string]> = {};
  applicableQuestions(catalogue, profile).forEach((q, i) => {
    const options = byExposure(q).filter((o) => !o.knockOut);
    const clean = options[0]?.id ?? q.options[0]?.id ?? '';
    const problem = options[Math.min(1, options.length - 1)]?.id ?? clean;
    const worse = options[Math.min(2, options.length - 1)]?.id ?? problem;
    let code = clean;
    if (i % 12 === 4 && q.dontKnow) code = DONT_KNOW;
    else if (i % 7 === 2) code = q.weight === 'high' && i % 14 === 2 ? worse : problem;
    if (variant === 'previous' && i % 8 === 3) code = problem;
    if (variant === 'previous' && i % 7 === 2 && i % 3 === 0) code = clean;
    answers[q.id] = answerFromCode(code);
  });
  return answers;
}

export interface ExampleOptions {
  locale?: ReadLocale;
  firmName?: string;
  assessmentId?: string;
  branding?: ReportBranding | null;
  withPrevious?: boolean;
  /** Fixed by default so that the same example renders the same bytes (apart from Chromium's own metadata). */
  generatedAt?: string;
}

/**
 * A realistic report (about 10 pages) scored with the real scoring function against `catalogue`: for previews,
 * the template's tests and the PDF benchmark.
 */
export function exampleReportData(catalogue: Catalogue, options: ExampleOptions = {}): ReportData {
  const locale = options.locale ?? 'en';
  const result = score(catalogue, EXAMPLE_PROFILE, exampleAnswers(catalogue, EXAMPLE_PROFILE, 'current'));
  const previous = score(catalogue, EXAMPLE_PROFILE, exampleAnswers(catalogue, EXAMPLE_PROFILE, 'previous'));
  const owners = ['Li Wei (Finance)', 'Anna Schmidt (Compliance)', 'Zhang Min (HR)', null];
  const actions: ReportAction[] = result.findings
    .filter((f) => f.kind === 'exposure' && f.finding)
    .slice(0, 6)
    .map((f, i) => ({
      title: (f.finding ? localize(f.finding.remediation, locale) : [])[0] ?? f.questionId,
      owner: owners[i % owners.length] ?? null,
      dueDate: i === 3 ? null : `2026-${String(5 + i).padStart(2, '0')}-${String(10 + i * 3).padStart(2, '0')}`,
      status: i === 0 ? 'in_progress' : i === 5 ? 'done' : 'open',
      // Every due date lies after the example's date (4 May 2026): nothing is overdue yet.
      overdue: false,
      questionId: f.questionId,
    }));
  const data = reportDataFrom({
    catalogue,
    profile: EXAMPLE_PROFILE,
    result,
    locale,
    firmName: options.firmName ?? 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.',
    assessment: {
      id: options.assessmentId ?? '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
      submittedAt: '2026-05-04T09:30:00.000Z',
    },
    branding: options.branding ?? null,
    actions,
    previous:
      options.withPrevious === false
        ? null
        : {
            assessmentId: '0b7e6d5c-4a3b-4c2d-9e1f-0a1b2c3d4e5f',
            submittedAt: '2025-11-12T14:00:00.000Z',
            result: previous,
          },
    generatedAt: options.generatedAt ?? '2026-05-04T10:00:00.000Z',
  });
  return {
    ...data,
    preparedBy: { organisation: options.branding?.chamberName ?? data.firm.name, person: 'Anna Schmidt' },
    peers: examplePeers(data, locale),
  };
}

/**
 * A plausible peer comparison: the sector group published (one dimension suppressed), the size group too small.
 * Means are derived from the firm's own scores so that the example stays consistent with the catalogue.
 */
const EXAMPLE_PEER_TEXTS: Record<ReadLocale, { sector: string; tooFew: string }> = {
  en: { sector: 'Manufacturing', tooFew: 'Too few comparable firms have shared their results to show a comparison.' },
  de: {
    sector: 'Verarbeitendes Gewerbe',
    tooFew: 'Zu wenige vergleichbare Unternehmen haben ihre Ergebnisse geteilt, um einen Vergleich zu zeigen.',
  },
  zh: { sector: '制造业', tooFew: '共享结果的可比企业太少，无法显示对比。' },
};

function examplePeers(data: ReportData, locale: ReadLocale): ReportPeerComparison {
  const applicable = data.dimensions.filter((d) => d.applicable);
  return {
    wave: '2026-H1',
    k: 10,
    groups: [
      {
        by: 'sector',
        available: true,
        label: EXAMPLE_PEER_TEXTS[locale].sector,
        firms: 37,
        overall: data.result.score === null ? null : Math.round(data.result.score * 0.8 * 10) / 10,
        dimensions: applicable.map((d, i) => {
          if (i === 2 || d.score === null) return { dimensionId: d.id, mean: null, display: '.' };
          const mean = Math.round((d.score * 0.7 + 8) * 10) / 10;
          return { dimensionId: d.id, mean, display: mean.toFixed(1) };
        }),
        message: null,
      },
      {
        by: 'size',
        available: false,
        label: null,
        firms: null,
        overall: null,
        dimensions: [],
        message: EXAMPLE_PEER_TEXTS[locale].tooFew,
      },
    ],
  };
}
