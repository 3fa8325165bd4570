import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PeerBenchmark, ResearchModule, ResearchModuleAnswers } from '@scs/shared/disclosure';
import type { Observable } from 'rxjs';

export type ConsentKind = 'research' | 'chamber' | 'chamber_participation';

/** A published consent text (the API's ConsentTextView). */
export interface ConsentText {
  kind: ConsentKind;
  version: number;
  en: string;
  de: string;
  publishedAt: string;
}

/** One consent of the firm (the API's ConsentStatus). */
export interface ConsentStatus {
  kind: ConsentKind;
  /** The chamber a chamber consent is given to (null: research, or the firm belongs to no chamber). */
  chamberId: string | null;
  chamberName: string | null;
  granted: boolean;
  textVersion: number | null;
  grantedAt: string | null;
  grantedBy: string | null;
  latestTextVersion: number;
}

export interface FirmChamber {
  chamberId: string;
  name: string;
}

export interface ResearchAnswersView {
  catalogueVersion: string;
  answers: Record<string, string | string[]>;
}

/** Consent, the research module and the peer benchmark: the firm's side of the research feature. */
@Injectable({ providedIn: 'root' })
export class SharingApi {
  private readonly http = inject(HttpClient);

  consentTexts(): Observable<ConsentText[]> {
    return this.http.get<ConsentText[]>('/api/consent-texts');
  }

  consents(orgId: string): Observable<ConsentStatus[]> {
    return this.http.get<ConsentStatus[]>(`/api/orgs/${orgId}/consents`);
  }

  /** Grant (with the text version shown) or revoke; a chamber consent names its chamber; 409 when the text changed meanwhile. */
  setConsent(
    orgId: string,
    kind: ConsentKind,
    granted: boolean,
    textVersion?: number,
    chamberId?: string | null,
  ): Observable<ConsentStatus[]> {
    return this.http.put<ConsentStatus[]>(`/api/orgs/${orgId}/consents`, {
      kind,
      granted,
      ...(granted ? { textVersion } : {}),
      ...(chamberId ? { chamberId } : {}),
    });
  }

  chambers(orgId: string): Observable<FirmChamber[]> {
    return this.http.get<FirmChamber[]>(`/api/orgs/${orgId}/chambers`);
  }

  researchModule(catalogueVersion: string): Observable<ResearchModule> {
    return this.http.get<ResearchModule>('/api/research-module', { params: { catalogueVersion } });
  }

  researchAnswers(assessmentId: string): Observable<ResearchAnswersView> {
    return this.http.get<ResearchAnswersView>(`/api/assessments/${assessmentId}/research-answers`);
  }

  saveResearchAnswers(assessmentId: string, answers: ResearchModuleAnswers): Observable<void> {
    return this.http.put<void>(`/api/assessments/${assessmentId}/research-answers`, { answers });
  }

  peerBenchmark(orgId: string): Observable<PeerBenchmark> {
    return this.http.get<PeerBenchmark>(`/api/orgs/${orgId}/peer-benchmark`);
  }
}
