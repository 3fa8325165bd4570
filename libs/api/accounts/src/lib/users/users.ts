import { QueryFailedError, type EntityManager } from 'typeorm';
import { fieldError, ConflictError } from '@scs/api/core';
import { passwordProblemOf } from '../auth/password-rules';
import { hashPassword } from '../auth/crypto';
import { UserAccount } from './user-account.entity';

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const driver = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  return e instanceof QueryFailedError && driver?.code === '23505' && driver.constraint === constraint;
}

export function emailTaken(): never {
  throw fieldError('email', 'errors.auth.emailTaken', {}, ConflictError);
}

/** Checks the password rules and the email, hashes, inserts. Field errors: password (400), email (409). */
export async function createUser(
  m: EntityManager,
  input: { email: string; name: string; password: string; platformAdmin?: boolean; emailVerified?: boolean },
  passwordField = 'password',
): Promise<UserAccount> {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblemOf(input.password, email);
  if (problem) throw fieldError(passwordField, problem.code, problem.params);
  if (await m.exists(UserAccount, { where: { email } })) emailTaken();
  const user = m.create(UserAccount, {
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    platformAdmin: input.platformAdmin ?? false,
    emailVerifiedAt: input.emailVerified ? new Date() : null,
  });
  try {
    return await m.save(user);
  } catch (e) {
    if (isUniqueViolation(e, 'UQ_user_account_email')) emailTaken();
    throw e;
  }
}

export function findUserByEmail(m: EntityManager, email: string): Promise<UserAccount | null> {
  return m.findOne(UserAccount, { where: { email: email.trim().toLowerCase() } });
}
