import { parse } from 'yaml';
import { z } from 'zod';

// The partner check (issue 19): a short questionnaire a firm sends to a business partner. It is reviewed data
// (data/partner-check/<version>.yaml), not code: questions, options, the red flag each option raises and where the
// firm can check the answer itself. Every text has English, German and Simplified Chinese: the partner chooses.

/** The folder under the catalogue data that holds the partner-check versions (not a catalogue version folder). */
export const PARTNER_CHECK_FOLDER = 'partner-check';
export const PARTNER_LOCALES = ['zh', 'en', 'de'] as const;
export type PartnerLocale = (typeof PARTNER_LOCALES)[number];
export const RED_FLAG_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type RedFlagSeverity = (typeof RED_FLAG_SEVERITIES)[number];
/** Where a partner's record can be looked up by anyone (the firm's own verification names the same places). */
export const PARTNER_SOURCES = ['credit_china', 'necips', 'court_enforcement', 'tax_grade', 'customs', 'ccgp'] as const;
export type PartnerSource = (typeof PARTNER_SOURCES)[number];

const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const trilingualSchema = z.strictObject({ en: nonEmpty, de: nonEmpty, zh: nonEmpty });
export type Trilingual = z.infer<typeof trilingualSchema>;

const redFlagSchema = z.strictObject({ severity: z.enum(RED_FLAG_SEVERITIES), text: trilingualSchema });

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case id'),
  label: trilingualSchema,
  /** The red flag this answer raises; none for a clean answer. */
  flag: redFlagSchema.optional(),
});

const whereSchema = z.strictObject({
  source: z.enum(PARTNER_SOURCES),
  name: trilingualSchema,
  url: z.url({ protocol: /^https?$/ }),
  how: trilingualSchema,
});

const questionSchema = z
  .strictObject({
    id: z.string().regex(/^PC\d+$/, 'ids look like PC1'),
    text: trilingualSchema,
    help: trilingualSchema.optional(),
    /** The legal basis of the consequence (joint punishment, procurement ban …). */
    basis: trilingualSchema,
    whereToCheck: z.array(whereSchema).min(1),
    /** `unconfirmed`: a fact behind the question (a threshold, a period) was not read in the official text. */
    status: z.enum(['confirmed', 'unconfirmed']),
    statusNote: trilingualSchema.optional(),
    options: z.array(optionSchema).min(2),
  })
  .superRefine((q, ctx) => {
    if (q.status === 'unconfirmed' && !q.statusNote)
      ctx.addIssue({
        code: 'custom',
        path: ['statusNote'],
        message: 'an unconfirmed question says what is unconfirmed',
      });
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'duplicate option id' });
    if (!q.options.some((o) => !o.flag))
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option raises no flag' });
  });

export const partnerCheckSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/),
    effectiveFrom: z.iso.date(),
    title: trilingualSchema,
    intro: trilingualSchema,
    declaration: trilingualSchema,
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const ids = c.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'duplicate question id' });
  });

export type PartnerCheckQuestionnaire = z.infer<typeof partnerCheckSchema>;
export type PartnerCheckQuestion = PartnerCheckQuestionnaire['questions'][number];

/** Parses and validates one questionnaire file; throws with every issue and its path. */
export function parsePartnerCheck(yamlText: string): PartnerCheckQuestionnaire {
  const result = partnerCheckSchema.safeParse(parse(yamlText));
  if (!result.success)
    throw new Error(
      `Invalid partner check: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return result.data;
}

export interface RedFlag {
  questionId: string;
  optionId: string;
  severity: RedFlagSeverity;
  text: Trilingual;
  /** The question's facts are unconfirmed: the flag is shown as such. */
  unconfirmed: boolean;
}

export type PartnerLevel = 'low' | 'moderate' | 'high' | 'critical';

/** Why answers do not fit the questionnaire (question id → problem), or null when every question has a known option. */
export function partnerAnswerProblems(
  q: PartnerCheckQuestionnaire,
  answers: Record<string, string>,
): Record<string, 'missing' | 'unknownOption' | 'unknownQuestion'> | null {
  const problems: Record<string, 'missing' | 'unknownOption' | 'unknownQuestion'> = {};
  for (const question of q.questions) {
    const a = answers[question.id];
    if (a === undefined) problems[question.id] = 'missing';
    else if (!question.options.some((o) => o.id === a)) problems[question.id] = 'unknownOption';
  }
  for (const id of Object.keys(answers)) if (!q.questions.some((x) => x.id === id)) problems[id] = 'unknownQuestion';
  return Object.keys(problems).length ? problems : null;
}

/** The red flags of complete answers (most severe first) and the level: the most severe flag decides. */
export function evaluatePartnerCheck(
  q: PartnerCheckQuestionnaire,
  answers: Record<string, string>,
): { flags: RedFlag[]; level: PartnerLevel } {
  const flags: RedFlag[] = [];
  for (const question of q.questions) {
    const option = question.options.find((o) => o.id === answers[question.id]);
    if (option?.flag)
      flags.push({
        questionId: question.id,
        optionId: option.id,
        severity: option.flag.severity,
        text: option.flag.text,
        unconfirmed: question.status === 'unconfirmed',
      });
  }
  flags.sort((a, b) => RED_FLAG_SEVERITIES.indexOf(a.severity) - RED_FLAG_SEVERITIES.indexOf(b.severity));
  const top = flags[0]?.severity;
  const level: PartnerLevel =
    top === 'critical' ? 'critical' : top === 'high' ? 'high' : top === 'medium' ? 'moderate' : 'low';
  return { flags, level };
}
