import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  AcceptedInvitation,
  FirmChamberView,
  InvitationPreview,
  InvitationView,
  MemberView,
  ProfileData,
  ProfileVersionView,
  ProfileView,
  RegisterInput,
  RegisterResponse,
  SessionResponse,
  VerifiedResponse,
} from './accounts.types';

/**
 * Under a burst of sign-ins the server refuses a sign-in at once with 503 `errors.auth.busy` and Retry-After (its
 * hashing queue is full); the sign-in is then tried again by itself after that many seconds, at most this often.
 */
export const BUSY_SIGN_IN_RETRIES = 3;
const MAX_RETRY_AFTER_SECONDS = 30;

/** The seconds to wait before trying a sign-in again, when `e` is the server's "busy" refusal. */
export function busyRetryAfterSeconds(e: unknown): number | undefined {
  if (!(e instanceof HttpErrorResponse) || e.status !== 503) return undefined;
  const body: unknown = e.error;
  if (typeof body !== 'object' || body === null || (body as { code?: unknown }).code !== 'errors.auth.busy')
    return undefined;
  const seconds = Number(e.headers.get('Retry-After') ?? (body as { retryAfterSeconds?: unknown }).retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, MAX_RETRY_AFTER_SECONDS) : 1;
}

/** The accounts endpoints (sessions travel as httpOnly cookies; the XSRF header is added by the HTTP setup). */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  register(input: RegisterInput): Promise<RegisterResponse> {
    return firstValueFrom(this.http.post<RegisterResponse>('/api/auth/register', input));
  }
  verifyEmail(token: string): Promise<VerifiedResponse> {
    return firstValueFrom(this.http.post<VerifiedResponse>('/api/auth/verify-email', { token }));
  }
  async login(email: string, password: string): Promise<SessionResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await firstValueFrom(this.http.post<SessionResponse>('/api/auth/login', { email, password }));
      } catch (e) {
        const seconds = busyRetryAfterSeconds(e);
        if (seconds === undefined || attempt >= BUSY_SIGN_IN_RETRIES) throw e;
        await new Promise((r) => setTimeout(r, seconds * 1000));
      }
    }
  }
  logout(): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/logout', {}));
  }
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password', { currentPassword, newPassword }));
  }
  requestPasswordReset(email: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password-reset/request', { email }));
  }
  confirmPasswordReset(token: string, password: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password-reset/confirm', { token, password }));
  }

  invitation(token: string): Promise<InvitationPreview> {
    return firstValueFrom(this.http.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`));
  }
  acceptInvitation(token: string, firmId?: string): Promise<AcceptedInvitation> {
    return firstValueFrom(
      this.http.post<AcceptedInvitation>(
        `/api/invitations/${encodeURIComponent(token)}/accept`,
        firmId ? { firmId } : {},
      ),
    );
  }

  profile(orgId: string): Promise<ProfileView> {
    return firstValueFrom(this.http.get<ProfileView>(`/api/orgs/${orgId}/profile`));
  }
  saveProfile(orgId: string, data: ProfileData, baseVersion: number): Promise<ProfileView> {
    return firstValueFrom(this.http.put<ProfileView>(`/api/orgs/${orgId}/profile`, { ...data, baseVersion }));
  }
  profileVersions(orgId: string): Promise<ProfileVersionView[]> {
    return firstValueFrom(this.http.get<ProfileVersionView[]>(`/api/orgs/${orgId}/profile/versions`));
  }

  members(orgId: string): Promise<MemberView[]> {
    return firstValueFrom(this.http.get<MemberView[]>(`/api/orgs/${orgId}/members`));
  }
  changeRole(orgId: string, userId: string, role: string): Promise<MemberView> {
    return firstValueFrom(this.http.patch<MemberView>(`/api/orgs/${orgId}/members/${userId}`, { role }));
  }
  removeMember(orgId: string, userId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/orgs/${orgId}/members/${userId}`));
  }
  invitations(orgId: string): Promise<InvitationView[]> {
    return firstValueFrom(this.http.get<InvitationView[]>(`/api/orgs/${orgId}/invitations`));
  }
  invite(orgId: string, email: string, role: string): Promise<InvitationView> {
    return firstValueFrom(this.http.post<InvitationView>(`/api/orgs/${orgId}/invitations`, { email, role }));
  }
  revokeInvitation(orgId: string, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/orgs/${orgId}/invitations/${id}`));
  }

  chambers(firmId: string): Promise<FirmChamberView[]> {
    return firstValueFrom(this.http.get<FirmChamberView[]>(`/api/orgs/${firmId}/chambers`));
  }
  leaveChamber(firmId: string, chamberId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/orgs/${firmId}/chambers/${chamberId}`));
  }
}
