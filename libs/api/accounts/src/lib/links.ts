// Paths of the web app that emails link to (the web app's accountsRoutes define the same paths).
export const RESET_PASSWORD_PATH = '/reset-password';
export const INVITATION_PATH = '/invitations';
export const VERIFY_EMAIL_PATH = '/verify-email';

export function resetPasswordLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}${RESET_PASSWORD_PATH}/${token}`;
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}${INVITATION_PATH}/${token}`;
}

export function verifyEmailLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}${VERIFY_EMAIL_PATH}/${token}`;
}

export function appLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/$/, '')}${path}`;
}
