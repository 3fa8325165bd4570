import { localizePart, type Localized, type PublicCatalogue } from './public';
import type { Finding } from './schema';
import { localize, type Text } from './text';

/**
 * One wording per finding (issue 16 item 13, issue 19). A submitted result keeps its findings' texts as they were at
 * submission, but the catalogue version's wording is corrected (`i18n/de.yaml`) and translated (`i18n/zh.yaml`) in
 * files beside it. Every page and report that names a finding reads it here, so the result page, the comparison,
 * the action dialog and the PDF say the same: the text of (question id, option id) in the result's catalogue version,
 * in the display language. The text stored with the result is the fallback when the version lacks that id. Scores and
 * severities stay as stored; only texts are looked up.
 */

/** A catalogue version in one language, as toPublicCatalogue serves it (the web's catalogue, the report's). */
export type WordingCatalogue = Pick<PublicCatalogue, 'questions' | 'locale'>;

/** What a result stored of a finding: where it sits in the catalogue and, if any, its texts at submission. */
export interface StoredFinding {
  questionId: string;
  optionId: string;
  finding?: Finding;
}

/** A finding's texts in one language (the severity shown is the result's, never the catalogue's). */
export type FindingWording = Omit<Localized<Finding>, 'severity'>;

/** The finding's texts: the catalogue's current wording of (question, option), else the stored texts, else none. */
export function findingWording(catalogue: WordingCatalogue, f: StoredFinding): FindingWording | undefined {
  const current = catalogue.questions.find((q) => q.id === f.questionId)?.options.find((o) => o.id === f.optionId);
  if (current?.finding) return current.finding;
  return f.finding ? localizePart(f.finding, catalogue.locale) : undefined;
}

/** What to check for a "don't know": the question's current wording, else the text stored with the result. */
export function verifyWording(
  catalogue: WordingCatalogue,
  v: { questionId: string; verify?: Text },
): string | undefined {
  const current = catalogue.questions.find((q) => q.id === v.questionId)?.dontKnow?.verify;
  if (current !== undefined) return current;
  return v.verify ? localize(v.verify, catalogue.locale) : undefined;
}
