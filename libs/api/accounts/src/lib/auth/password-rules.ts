import { type FieldProblem, translate } from '@scs/api/core';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256; // bounds the hashing work per request

/** Why a password is not acceptable for this account (a keyed problem), or null when it is. */
export function passwordProblemOf(password: string, email: string): FieldProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return { code: 'validation.password.tooShort', params: { n: String(MIN_PASSWORD_LENGTH) } };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { code: 'validation.password.tooLong', params: { n: String(MAX_PASSWORD_LENGTH) } };
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return { code: 'validation.password.tooCommon' };
  if (lower === email.trim().toLowerCase()) return { code: 'validation.password.isEmail' };
  return null;
}

/** The same problem in English (the admin CLI). */
export function passwordProblem(password: string, email: string): string | null {
  const problem = passwordProblemOf(password, email);
  return problem ? translate(problem.code, problem.params) : null;
}
