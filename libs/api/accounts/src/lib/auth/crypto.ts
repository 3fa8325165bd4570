import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as argon2 from 'argon2';

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
let hashSlots = Math.max(1, availableParallelism() - 1);
let hashesRunning = 0;
const hashQueue: (() => void)[] = [];

export function setPasswordHashConcurrency(n: number): void {
  hashSlots = Math.max(1, Math.floor(n));
  while (hashesRunning < hashSlots && hashQueue.length) {
    hashesRunning++;
    hashQueue.shift()?.();
  }
}

// Moving average of how long one hash holds its slot (wall time), for the admission estimate below.
let hashMsAverage = 25;
const AVERAGE_WEIGHT = 0.2;

/** Runs `work` when a hashing slot is free. */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashesRunning < hashSlots) hashesRunning++;
  else await new Promise<void>((resolve) => hashQueue.push(resolve)); // the slot is handed over, see below
  const started = performance.now();
  try {
    return await work();
  } finally {
    hashMsAverage += AVERAGE_WEIGHT * (performance.now() - started - hashMsAverage);
    // Hand the slot to the next waiter (the count stays), unless the limit was lowered meanwhile.
    const next = hashesRunning <= hashSlots ? hashQueue.shift() : undefined;
    if (next) next();
    else hashesRunning--;
  }
}

/**
 * How long a password check that arrives now would take until its hash is done, estimated from the hashes running and
 * waiting, the slots and the recent time per hash.
 */
export function estimatedPasswordCheckMs(): number {
  const ahead = Math.max(0, hashesRunning + hashQueue.length - hashSlots + 1);
  return Math.ceil(ahead / hashSlots) * hashMsAverage + hashMsAverage;
}

/**
 * Admission of a sign-in under a burst: `undefined` when its password check is expected to be done within `maxWaitMs`,
 * else the seconds after which to try again (the time the hashes already queued need, spread by up to half of it so
 * the refused do not all return at the same moment). Refusing costs no hash: a queue longer than the budget would only
 * spend CPU on requests whose users or proxies have given up, and take it from autosave meanwhile.
 */
export function passwordCheckRetryAfter(maxWaitMs: number, random: () => number = Math.random): number | undefined {
  const ms = estimatedPasswordCheckMs();
  if (ms <= maxWaitMs) return undefined;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds + Math.floor(random() * (Math.ceil(seconds / 2) + 1));
}

/** Hashes waiting for a slot (for tests and metrics). */
export function passwordHashesWaiting(): number {
  return hashQueue.length;
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
