import type { PublicDimension, PublicQuestion } from '@scs/web/catalogue';

/** The `step` query parameter of the last step: review and submit (or the summary of a submitted assessment). */
export const REVIEW_STEP = 'review';

/** One step of the wizard: a dimension with the questions that apply to the firm's profile. */
export interface WizardStep {
  dimension: PublicDimension;
  questions: PublicQuestion[];
  answered: number;
}

/** The questions of one step still open (the review lists them). */
export interface OpenQuestions {
  step: WizardStep;
  questions: PublicQuestion[];
}

/** Where to put the focus after moving to a step: its heading, or one question (scrolled into view). */
export type StepFocus = 'heading' | { question: string };
