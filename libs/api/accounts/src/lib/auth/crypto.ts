import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as argon2 from 'argon2';
import { WorkSlots } from '@scs/api/core';

/** 32 random bytes, URL-safe. Used for refresh, invitation and reset tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their sha256, so a database leak does not leak usable tokens. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// argon2id with the OWASP cheat-sheet parameters (19 MiB, 2 iterations, 1 lane; its minimum configuration): about
// 20–25 ms of one core per hash on the 2-core bench machine (min of 15 verifications; docs/performance.md).
const ARGON2 = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many password hashes run at once (the rest wait in order): a burst of sign-ins would otherwise keep
 * every core busy with argon2 (libuv runs four at a time) and starve the requests that need little CPU, like autosave.
 * Default: one less than the cores, at least one (ARGON2_CONCURRENCY overrides; set by AuthService at start).
 */
const hashSlots = new WorkSlots(Math.max(1, availableParallelism() - 1));

export function setPasswordHashConcurrency(n: number): void {
  hashSlots.limit = n;
}

// Moving average of how long one hash holds its slot (wall time), for the admission estimate below.
let hashMsAverage = 25;
const AVERAGE_WEIGHT = 0.2;

/** Runs `work` when a hashing slot is free. */
export function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  return hashSlots.run(async () => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      hashMsAverage += AVERAGE_WEIGHT * (performance.now() - started - hashMsAverage);
    }
  });
}

// Sign-ins admitted (below) whose password check has not finished yet: between admission and their hash they look up
// the account, so the hash queue alone would not show them to the next arrival.
let checksAdmitted = 0;

/**
 * How long a password check that arrives now would take until its hash is done, estimated from the work ahead of it
 * (hashes running and waiting, or admitted sign-ins not yet finished, whichever is more), the slots and the recent time
 * per hash. `ahead` is 0 when it would start at once.
 */
export function passwordCheckEstimate(): { ahead: number; ms: number } {
  const work = Math.max(hashSlots.running + hashSlots.waiting, checksAdmitted);
  const ahead = Math.max(0, work - hashSlots.limit + 1);
  return { ahead, ms: Math.ceil(ahead / hashSlots.limit) * hashMsAverage + hashMsAverage };
}

export type Admission = { admitted: true; done: () => void } | { admitted: false; retryAfterSeconds: number };

/**
 * Admission of a sign-in under a burst: admitted when nothing is ahead of its password check or the check is expected to
 * be done within `maxWaitMs` (call `done` when the sign-in has finished), else refused with the seconds after which to
 * try again (the time the work ahead needs, spread by up to half of it so the refused do not all return at once).
 * Refusing costs no hash: a queue longer than the budget would only spend CPU on requests whose users or proxies have
 * given up, and take it from autosave meanwhile. A check with nothing ahead is always admitted, so a budget below the
 * time of one hash cannot lock everybody out.
 */
export function admitPasswordCheck(maxWaitMs: number, random: () => number = Math.random): Admission {
  const { ahead, ms } = passwordCheckEstimate();
  if (ahead > 0 && ms > maxWaitMs) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return { admitted: false, retryAfterSeconds: seconds + Math.floor(random() * (Math.ceil(seconds / 2) + 1)) };
  }
  checksAdmitted++;
  let finished = false;
  return {
    admitted: true,
    done: () => {
      if (!finished) checksAdmitted--;
      finished = true;
    },
  };
}

/** Hashes waiting for a slot (for tests and metrics). */
export function passwordHashesWaiting(): number {
  return hashSlots.waiting;
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => argon2.hash(password, ARGON2));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await withHashSlot(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a login takes as long whether or not the account exists.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
  await verifyPassword(await dummyHash, password);
}
