import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { DistributionView, MemberAggregatesView, ReportLocale, ReportView } from '@scs/shared/contracts';
import type {
  BrandingInput,
  BrandingView,
  CampaignFirmView,
  CampaignInput,
  CampaignInvitationPage,
  CampaignInvitationView,
  InvitationStatus,
  CampaignView,
  InvitePreview,
  InviteResult,
  ProgressView,
  ReminderResult,
} from './chambers.types';

/** The chambers API: branding, campaigns, invitations, progress and reminders of one chamber. */
@Injectable({ providedIn: 'root' })
export class ChambersApi {
  private readonly http = inject(HttpClient);

  branding(chamberId: string): Promise<BrandingView> {
    return firstValueFrom(this.http.get<BrandingView>(`/api/orgs/${chamberId}/branding`));
  }

  saveBranding(chamberId: string, input: BrandingInput): Promise<BrandingView> {
    return firstValueFrom(this.http.put<BrandingView>(`/api/orgs/${chamberId}/branding`, input));
  }

  uploadLogo(chamberId: string, file: File): Promise<BrandingView> {
    const form = new FormData();
    form.append('logo', file, file.name);
    return firstValueFrom(this.http.put<BrandingView>(`/api/orgs/${chamberId}/branding/logo`, form));
  }

  removeLogo(chamberId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/orgs/${chamberId}/branding/logo`));
  }

  campaigns(chamberId: string): Promise<CampaignView[]> {
    return firstValueFrom(this.http.get<CampaignView[]>(`/api/orgs/${chamberId}/campaigns`));
  }

  campaign(chamberId: string, id: string): Promise<CampaignView> {
    return firstValueFrom(this.http.get<CampaignView>(`/api/orgs/${chamberId}/campaigns/${id}`));
  }

  createCampaign(chamberId: string, input: CampaignInput): Promise<CampaignView> {
    return firstValueFrom(this.http.post<CampaignView>(`/api/orgs/${chamberId}/campaigns`, input));
  }

  closeCampaign(chamberId: string, id: string): Promise<CampaignView> {
    return firstValueFrom(this.http.post<CampaignView>(`/api/orgs/${chamberId}/campaigns/${id}/close`, {}));
  }

  deleteCampaign(chamberId: string, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/orgs/${chamberId}/campaigns/${id}`));
  }

  /** Moves `sourceCampaignId`'s addresses and firms into campaign `id`, then deletes the source. */
  mergeCampaign(chamberId: string, id: string, sourceCampaignId: string): Promise<CampaignView> {
    return firstValueFrom(
      this.http.post<CampaignView>(`/api/orgs/${chamberId}/campaigns/${id}/merge`, { sourceCampaignId }),
    );
  }

  invitations(
    chamberId: string,
    id: string,
    query: { offset: number; limit: number; status?: InvitationStatus | null; q?: string },
  ): Promise<CampaignInvitationPage> {
    let params = new HttpParams().set('offset', query.offset).set('limit', query.limit);
    if (query.status) params = params.set('status', query.status);
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    return firstValueFrom(
      this.http.get<CampaignInvitationPage>(`/api/orgs/${chamberId}/campaigns/${id}/invitations`, { params }),
    );
  }

  resendInvitation(chamberId: string, id: string, invitationId: string): Promise<CampaignInvitationView> {
    return firstValueFrom(
      this.http.post<CampaignInvitationView>(
        `/api/orgs/${chamberId}/campaigns/${id}/invitations/${invitationId}/resend`,
        {},
      ),
    );
  }

  revokeInvitation(chamberId: string, id: string, invitationId: string): Promise<CampaignInvitationView> {
    return firstValueFrom(
      this.http.post<CampaignInvitationView>(
        `/api/orgs/${chamberId}/campaigns/${id}/invitations/${invitationId}/revoke`,
        {},
      ),
    );
  }

  /** Download link of the participation CSV (cookie-authenticated GET). */
  exportUrl(chamberId: string, id: string, locale: ReportLocale): string {
    return `/api/orgs/${chamberId}/campaigns/${id}/export?locale=${locale}`;
  }

  /** Pasted text or a CSV file. */
  invite(chamberId: string, id: string, input: { text: string } | { file: File }): Promise<InviteResult> {
    return this.postList<InviteResult>(`/api/orgs/${chamberId}/campaigns/${id}/invitations`, input);
  }

  /** What `invite` would do with the same list; sends nothing. */
  previewInvitations(chamberId: string, id: string, input: { text: string } | { file: File }): Promise<InvitePreview> {
    return this.postList<InvitePreview>(`/api/orgs/${chamberId}/campaigns/${id}/invitations/preview`, input);
  }

  private postList<T>(url: string, input: { text: string } | { file: File }): Promise<T> {
    if ('text' in input) return firstValueFrom(this.http.post<T>(url, { addresses: input.text }));
    const form = new FormData();
    form.append('file', input.file, input.file.name);
    return firstValueFrom(this.http.post<T>(url, form));
  }

  progress(chamberId: string, id: string): Promise<ProgressView> {
    return firstValueFrom(this.http.get<ProgressView>(`/api/orgs/${chamberId}/campaigns/${id}/progress`));
  }

  firms(chamberId: string, id: string): Promise<CampaignFirmView[]> {
    return firstValueFrom(this.http.get<CampaignFirmView[]>(`/api/orgs/${chamberId}/campaigns/${id}/firms`));
  }

  remind(chamberId: string, id: string): Promise<ReminderResult> {
    return firstValueFrom(this.http.post<ReminderResult>(`/api/orgs/${chamberId}/campaigns/${id}/reminders`, {}));
  }

  memberAggregates(chamberId: string): Promise<MemberAggregatesView> {
    return firstValueFrom(this.http.get<MemberAggregatesView>(`/api/orgs/${chamberId}/member-aggregates`));
  }

  benchmarkReports(chamberId: string): Promise<ReportView[]> {
    return firstValueFrom(this.http.get<ReportView[]>(`/api/orgs/${chamberId}/benchmark-reports`));
  }

  requestBenchmark(chamberId: string, locale: ReportLocale): Promise<ReportView> {
    return firstValueFrom(this.http.post<ReportView>(`/api/orgs/${chamberId}/benchmark-reports`, { locale }));
  }

  benchmarkReport(chamberId: string, reportId: string): Promise<ReportView> {
    return firstValueFrom(this.http.get<ReportView>(`/api/orgs/${chamberId}/benchmark-reports/${reportId}`));
  }

  benchmarkPdfUrl(chamberId: string, reportId: string): string {
    return `/api/orgs/${chamberId}/benchmark-reports/${reportId}/pdf`;
  }

  distribution(chamberId: string, campaignId: string): Promise<DistributionView> {
    return firstValueFrom(
      this.http.get<DistributionView>(`/api/orgs/${chamberId}/campaigns/${campaignId}/distribution`),
    );
  }

  startDistribution(chamberId: string, campaignId: string, locale?: ReportLocale): Promise<DistributionView> {
    return firstValueFrom(
      this.http.post<DistributionView>(
        `/api/orgs/${chamberId}/campaigns/${campaignId}/distribution`,
        locale ? { locale } : {},
      ),
    );
  }

  retryDistribution(chamberId: string, campaignId: string): Promise<DistributionView> {
    return firstValueFrom(
      this.http.post<DistributionView>(`/api/orgs/${chamberId}/campaigns/${campaignId}/distribution/retry`, {}),
    );
  }
}
