import type { AssessmentView } from '../lib/data/assessment.types';
import { CONSULTANCY_PROFILE } from './profiles';

/** The view of a consultancy's draft on catalogue 2026.1 (no answers yet), with overrides. */
export function draftView(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    id: '0b8e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    orgId: 'org-1',
    status: 'draft',
    catalogueVersion: '2026.1',
    createdAt: '2026-05-01T09:00:00.000Z',
    submittedAt: null,
    overallScore: null,
    level: null,
    previousId: null,
    answered: 0,
    profile: CONSULTANCY_PROFILE,
    answers: [],
    changedQuestions: [],
    result: null,
    ...overrides,
  };
}
