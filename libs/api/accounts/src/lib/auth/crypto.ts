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

// argon2id with the OWASP cheat-sheet parameters (19 MiB, 2 iterations, 1 lane): ~40 ms of one core per hash.
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

/** Runs `work` when a hashing slot is free. */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashesRunning < hashSlots) hashesRunning++;
  else await new Promise<void>((resolve) => hashQueue.push(resolve)); // the slot is handed over, see below
  try {
    return await work();
  } finally {
    // Hand the slot to the next waiter (the count stays), unless the limit was lowered meanwhile.
    const next = hashesRunning <= hashSlots ? hashQueue.shift() : undefined;
    if (next) next();
    else hashesRunning--;
  }
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
