import type { Text } from '@scs/shared/catalogue';
import { MISSING } from './record';

// The research module: unscored questions asked only of firms that consented to research use. Its content is data
// (libs/api/research); this is its shape and how answers become research-record variables.

export interface ResearchModuleOption {
  id: string;
  label: Text;
}

export interface ResearchModuleQuestion {
  /** Stable lowercase id, e.g. `awareness`. */
  id: string;
  text: Text;
  help?: Text;
  /** Multiple choice: every option becomes its own yes/no variable. */
  multiple: boolean;
  options: ResearchModuleOption[];
  /** Asked only when another (single-choice) question got one of these answers. */
  showIf?: { question: string; in: string[] };
}

export interface ResearchModule {
  /** The catalogue version the module goes with (versioned together). */
  version: string;
  title: Text;
  intro: Text;
  questions: ResearchModuleQuestion[];
}

export interface ResearchModuleVariable {
  /** `rm.<question>` or, for multiple choice, `rm.<question>.<option>`. */
  name: string;
  question: ResearchModuleQuestion;
  option?: ResearchModuleOption;
}

/** Answers as given by a firm: question id → option id (single) or option ids (multiple). */
export type ResearchModuleAnswers = Readonly<Record<string, string | readonly string[]>>;

export class ResearchModuleAnswerError extends Error {
  override name = 'ResearchModuleAnswerError';
  constructor(readonly problems: string[]) {
    super(`Research module answers do not fit the module: ${problems.join('; ')}`);
  }
}

const ID = /^[a-z][a-z0-9_]*$/;

/** Problems with the module definition itself (empty when it is fine); checked by the data's unit test. */
export function researchModuleProblems(m: ResearchModule): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const textOk = (t: Text | undefined) => !t || (t.en.trim() !== '' && t.de.trim() !== '');
  if (!textOk(m.title) || !textOk(m.intro)) problems.push('title and intro need en and de');
  for (const q of m.questions) {
    if (!ID.test(q.id)) problems.push(`${q.id}: id must match ${ID}`);
    if (seen.has(q.id)) problems.push(`${q.id}: duplicate question id`);
    seen.add(q.id);
    if (!textOk(q.text) || !textOk(q.help)) problems.push(`${q.id}: texts need en and de`);
    if (q.options.length < 2) problems.push(`${q.id}: at least two options`);
    const ids = new Set<string>();
    for (const o of q.options) {
      if (!ID.test(o.id)) problems.push(`${q.id}.${o.id}: option id must match ${ID}`);
      if (ids.has(o.id)) problems.push(`${q.id}.${o.id}: duplicate option id`);
      if (!textOk(o.label)) problems.push(`${q.id}.${o.id}: label needs en and de`);
      ids.add(o.id);
    }
    if (q.showIf) {
      const target = m.questions.find((x) => x.id === q.showIf?.question);
      if (!target || m.questions.indexOf(target) >= m.questions.indexOf(q))
        problems.push(`${q.id}: showIf must name an earlier question`);
      else if (target.multiple) problems.push(`${q.id}: showIf must name a single-choice question`);
      else
        for (const v of q.showIf.in)
          if (!target.options.some((o) => o.id === v))
            problems.push(`${q.id}: showIf value "${v}" is not an option of ${target.id}`);
    }
  }
  return problems;
}

export function researchModuleVariables(m: ResearchModule): ResearchModuleVariable[] {
  return m.questions.flatMap((q) =>
    q.multiple
      ? q.options.map((option) => ({ name: `rm.${q.id}.${option.id}`, question: q, option }))
      : [{ name: `rm.${q.id}`, question: q }],
  );
}

function isShown(m: ResearchModule, q: ResearchModuleQuestion, answers: ResearchModuleAnswers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  return typeof given === 'string' && q.showIf.in.includes(given);
}

/**
 * Validates a firm's module answers and turns them into research-record variables (option codes only — the module has
 * no free text). Questions left out are `.n`; questions not shown because of `showIf` are `.a`.
 */
export function flattenResearchModule(m: ResearchModule, answers: ResearchModuleAnswers): Record<string, string> {
  const problems: string[] = [];
  const questions = new Map(m.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!questions.has(id)) problems.push(`${id}: no such question in research module ${m.version}`);
  const out: Record<string, string> = {};
  for (const q of m.questions) {
    const given = answers[q.id];
    const shown = isShown(m, q, answers);
    if (given !== undefined && !shown)
      problems.push(`${q.id}: not asked for the answer given to ${q.showIf?.question}`);
    const missing = shown ? MISSING.notAnswered : MISSING.notApplicable;
    if (q.multiple) {
      if (given !== undefined && !Array.isArray(given)) problems.push(`${q.id}: expects a list of options`);
      const list = Array.isArray(given) ? (given as readonly string[]) : undefined;
      for (const v of list ?? []) if (!q.options.some((o) => o.id === v)) problems.push(`${q.id}: no option "${v}"`);
      for (const o of q.options)
        out[`rm.${q.id}.${o.id}`] = list === undefined ? missing : list.includes(o.id) ? '1' : '0';
    } else {
      if (given !== undefined && typeof given !== 'string') problems.push(`${q.id}: expects one option`);
      else if (given !== undefined && !q.options.some((o) => o.id === given))
        problems.push(`${q.id}: no option "${given}"`);
      out[`rm.${q.id}`] = typeof given === 'string' ? given : missing;
    }
  }
  if (problems.length) throw new ResearchModuleAnswerError(problems);
  return out;
}
