import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  GroupLinkView,
  GroupLinksView,
  PortfolioAnswersView,
  PortfolioView,
  ReportLocale,
  ReportView,
} from '@scs/shared/contracts';

export interface PortfolioFilters {
  province?: string;
  legalForm?: string;
}

/** The group portfolio API of one firm: its links (as group and as entity), the portfolio view and its PDF. */
@Injectable({ providedIn: 'root' })
export class PortfolioApi {
  private readonly http = inject(HttpClient);

  links(orgId: string): Promise<GroupLinksView> {
    return firstValueFrom(this.http.get<GroupLinksView>(`/api/orgs/${orgId}/group-links`));
  }

  invite(orgId: string, uscc: string): Promise<GroupLinkView> {
    return firstValueFrom(this.http.post<GroupLinkView>(`/api/orgs/${orgId}/group-links`, { uscc }));
  }

  /** accept / decline (the entity's owner) or end (either side). */
  act(orgId: string, linkId: string, action: 'accept' | 'decline' | 'end'): Promise<GroupLinkView> {
    return firstValueFrom(this.http.post<GroupLinkView>(`/api/orgs/${orgId}/group-links/${linkId}/${action}`, {}));
  }

  setAnswersAccess(orgId: string, linkId: string, granted: boolean): Promise<GroupLinkView> {
    return firstValueFrom(
      this.http.put<GroupLinkView>(`/api/orgs/${orgId}/group-links/${linkId}/answers-access`, { granted }),
    );
  }

  portfolio(orgId: string, filters: PortfolioFilters = {}): Promise<PortfolioView> {
    let params = new HttpParams();
    if (filters.province) params = params.set('province', filters.province);
    if (filters.legalForm) params = params.set('legalForm', filters.legalForm);
    return firstValueFrom(this.http.get<PortfolioView>(`/api/orgs/${orgId}/portfolio`, { params }));
  }

  /** The answers an entity shares with the group (404 unless the link is active and the entity grants them). */
  entityAnswers(orgId: string, entityId: string): Promise<PortfolioAnswersView> {
    return firstValueFrom(
      this.http.get<PortfolioAnswersView>(`/api/orgs/${orgId}/portfolio/entities/${entityId}/answers`),
    );
  }

  reports(orgId: string): Promise<ReportView[]> {
    return firstValueFrom(this.http.get<ReportView[]>(`/api/orgs/${orgId}/portfolio/reports`));
  }

  requestReport(orgId: string, locale: ReportLocale): Promise<ReportView> {
    return firstValueFrom(this.http.post<ReportView>(`/api/orgs/${orgId}/portfolio/reports`, { locale }));
  }
}
