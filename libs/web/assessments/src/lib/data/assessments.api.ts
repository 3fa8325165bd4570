import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FirmProfile } from '@scs/shared/catalogue';
import type { Observable } from 'rxjs';
import type {
  ActionStatus,
  ActionView,
  AnswerInput,
  AssessmentSummary,
  AssessmentView,
  ChangeImpactView,
  ComparisonView,
  CreateActionInput,
  MemberView,
  RepairActionsResult,
  SaveAnswersResult,
  UpdateActionInput,
} from './assessment.types';

/** HTTP calls of the self-check, its results and the action plan. */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  list(orgId: string): Observable<AssessmentSummary[]> {
    return this.http.get<AssessmentSummary[]>(`/api/orgs/${orgId}/assessments`);
  }

  /** Starts a draft; with `previousId` a re-assessment pre-filled from that submitted one. 422 when the profile is incomplete. */
  start(orgId: string, previousId?: string): Observable<AssessmentView> {
    return this.http.post<AssessmentView>(`/api/orgs/${orgId}/assessments`, previousId ? { previousId } : {});
  }

  /** What the current catalogue version changes for the firm (its latest submitted assessment vs. the current version). */
  changeImpact(orgId: string): Observable<ChangeImpactView> {
    return this.http.get<ChangeImpactView>(`/api/orgs/${orgId}/change-impact`);
  }

  get(id: string): Observable<AssessmentView> {
    return this.http.get<AssessmentView>(`/api/assessments/${id}`);
  }

  /** 409 `{ conflicts }` when someone else changed one of the answers; nothing of the batch is saved then. */
  saveAnswers(id: string, answers: AnswerInput[]): Observable<SaveAnswersResult> {
    return this.http.put<SaveAnswersResult>(`/api/assessments/${id}/answers`, { answers });
  }

  updateProfile(id: string, profile: Partial<FirmProfile>): Observable<AssessmentView> {
    return this.http.patch<AssessmentView>(`/api/assessments/${id}/profile`, { profile });
  }

  /** 422 `{ unanswered }` while applicable questions are open. */
  submit(id: string): Observable<AssessmentView> {
    return this.http.post<AssessmentView>(`/api/assessments/${id}/submit`, {});
  }

  /** Turns the repair plan into dated actions; idempotent (actions created before are returned as `existing`). */
  createRepairActions(id: string): Observable<RepairActionsResult> {
    return this.http.post<RepairActionsResult>(`/api/assessments/${id}/repair-plan/actions`, {});
  }

  compare(id: string, otherId: string): Observable<ComparisonView> {
    return this.http.get<ComparisonView>(`/api/assessments/${id}/compare/${otherId}`);
  }

  exportUrl(id: string, format: 'csv' | 'xlsx', lang: string): string {
    return `/api/assessments/${id}/export.${format}?lang=${encodeURIComponent(lang)}`;
  }

  actions(orgId: string, filter: { status?: ActionStatus | null; overdue?: boolean } = {}): Observable<ActionView[]> {
    let params = new HttpParams();
    if (filter.status) params = params.set('status', filter.status);
    if (filter.overdue) params = params.set('overdue', 'true');
    return this.http.get<ActionView[]>(`/api/orgs/${orgId}/actions`, { params });
  }

  createAction(orgId: string, input: CreateActionInput): Observable<ActionView> {
    return this.http.post<ActionView>(`/api/orgs/${orgId}/actions`, input);
  }

  updateAction(id: string, patch: UpdateActionInput): Observable<ActionView> {
    return this.http.patch<ActionView>(`/api/actions/${id}`, patch);
  }

  /** Closes an action as resolved by the latest self-check (the offer on the action plan); idempotent. */
  closeResolvedAction(id: string): Observable<ActionView> {
    return this.http.post<ActionView>(`/api/actions/${id}/close-resolved`, {});
  }

  deleteAction(id: string): Observable<void> {
    return this.http.delete<void>(`/api/actions/${id}`);
  }

  members(orgId: string): Observable<MemberView[]> {
    return this.http.get<MemberView[]>(`/api/orgs/${orgId}/members`);
  }
}
