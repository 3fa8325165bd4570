import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  EvidenceView,
  PartnerCheckView,
  PartnerDetailView,
  PartnerImportResult,
  PartnerInput,
  PartnerLanguage,
  PartnerLinkPeek,
  PartnerLinkView,
  PartnerReceiptStatus,
  PartnerSubmitted,
  PartnerView,
  TriText,
  VerificationView,
} from '@scs/shared/contracts';

/** The text of a trilingual catalogue entry in the UI language (English for anything else). */
export function tri(text: TriText | undefined, lang: string): string {
  if (!text) return '';
  return lang === 'zh' ? text.zh : lang === 'de' ? text.de : text.en;
}

/** The firm's partner API and the partner's link API. */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  list(orgId: string): Promise<PartnerView[]> {
    return firstValueFrom(this.http.get<PartnerView[]>(`/api/orgs/${orgId}/partners`));
  }
  get(orgId: string, id: string): Promise<PartnerDetailView> {
    return firstValueFrom(this.http.get<PartnerDetailView>(`/api/orgs/${orgId}/partners/${id}`));
  }
  create(orgId: string, input: PartnerInput): Promise<PartnerView> {
    return firstValueFrom(this.http.post<PartnerView>(`/api/orgs/${orgId}/partners`, input));
  }
  update(orgId: string, id: string, input: Partial<PartnerInput>): Promise<PartnerView> {
    return firstValueFrom(this.http.patch<PartnerView>(`/api/orgs/${orgId}/partners/${id}`, input));
  }
  remove(orgId: string, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/orgs/${orgId}/partners/${id}`));
  }
  import(orgId: string, file: File, preview: boolean): Promise<PartnerImportResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(
      this.http.post<PartnerImportResult>(`/api/orgs/${orgId}/partners/import${preview ? '/preview' : ''}`, form),
    );
  }
  exportUrl(orgId: string, locale: 'de' | 'en'): string {
    return `/api/orgs/${orgId}/partners/export?locale=${locale}`;
  }
  sendCheck(
    orgId: string,
    id: string,
    body: { email?: string; locale?: PartnerLanguage; validDays?: number },
  ): Promise<PartnerCheckView> {
    return firstValueFrom(this.http.post<PartnerCheckView>(`/api/orgs/${orgId}/partners/${id}/checks`, body));
  }
  revoke(orgId: string, id: string, checkId: string): Promise<PartnerCheckView> {
    return firstValueFrom(
      this.http.post<PartnerCheckView>(`/api/orgs/${orgId}/partners/${id}/checks/${checkId}/revoke`, {}),
    );
  }
  evidenceUrl(orgId: string, id: string, checkId: string, evidenceId: string): string {
    return `/api/orgs/${orgId}/partners/${id}/checks/${checkId}/evidence/${evidenceId}`;
  }
  requestReceipt(orgId: string, id: string, checkId: string): Promise<{ reportId: string }> {
    return firstValueFrom(
      this.http.post<{ reportId: string }>(`/api/orgs/${orgId}/partners/${id}/checks/${checkId}/receipt`, {}),
    );
  }
  reportStatus(reportId: string): Promise<{ status: string }> {
    return firstValueFrom(this.http.get<{ status: string }>(`/api/reports/${reportId}`));
  }
  verify(
    orgId: string,
    id: string,
    body: { source: string; checkedOn: string; outcome: string; note?: string | null },
  ): Promise<VerificationView> {
    return firstValueFrom(this.http.post<VerificationView>(`/api/orgs/${orgId}/partners/${id}/verifications`, body));
  }

  // The partner's side (no sign-in).
  peek(token: string): Promise<PartnerLinkPeek> {
    return firstValueFrom(this.http.get<PartnerLinkPeek>(`/api/partner-check/${token}`));
  }
  open(token: string, email: string): Promise<PartnerLinkView> {
    return firstValueFrom(this.http.post<PartnerLinkView>(`/api/partner-check/${token}/open`, { email }));
  }
  upload(token: string, email: string, file: File): Promise<EvidenceView> {
    const form = new FormData();
    form.append('email', email);
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<EvidenceView>(`/api/partner-check/${token}/evidence`, form));
  }
  removeEvidence(token: string, email: string, evidenceId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/partner-check/${token}/evidence/${evidenceId}/remove`, { email }));
  }
  submit(
    token: string,
    body: {
      email: string;
      locale: PartnerLanguage;
      answers: Record<string, string>;
      declaration: { name: string; role: string; date: string };
    },
  ): Promise<PartnerSubmitted> {
    return firstValueFrom(this.http.post<PartnerSubmitted>(`/api/partner-check/${token}/submit`, body));
  }
  receiptStatus(receiptToken: string): Promise<PartnerReceiptStatus> {
    return firstValueFrom(this.http.get<PartnerReceiptStatus>(`/api/partner-receipts/${receiptToken}`));
  }
  receiptUrl(receiptToken: string): string {
    return `/api/partner-receipts/${receiptToken}/pdf`;
  }
}
