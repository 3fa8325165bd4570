import { availableParallelism } from 'node:os';
import {
  admitPasswordCheck,
  hashPassword,
  passwordCheckEstimate,
  passwordHashesWaiting,
  setPasswordHashConcurrency,
  verifyPassword,
  withHashSlot,
} from './crypto';

describe('password hashing slots', () => {
  afterEach(() => setPasswordHashConcurrency(Math.max(1, availableParallelism() - 1)));

  it('runs at most the configured number of hashes at once, the others in arrival order', async () => {
    setPasswordHashConcurrency(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) =>
      withHashSlot(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(passwordHashesWaiting()).toBe(4);
    while (started.length < 6 || releases.length) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(passwordHashesWaiting()).toBe(0);
  });

  it('frees the slot when a hash fails', async () => {
    setPasswordHashConcurrency(1);
    await expect(withHashSlot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withHashSlot(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('still hashes and verifies argon2id passwords through the slots', async () => {
    setPasswordHashConcurrency(1);
    const hashes = await Promise.all(['eins zwei drei', 'vier fünf sechs'].map((p) => hashPassword(p)));
    expect(hashes[0]).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hashes[1], 'vier fünf sechs')).toBe(true);
    expect(await verifyPassword(hashes[1], 'eins zwei drei')).toBe(false);
  });

  it('refuses a sign-in at once when the work ahead of it would take longer than the budget', async () => {
    setPasswordHashConcurrency(1);
    const idle = passwordCheckEstimate();
    expect(idle.ahead).toBe(0);
    const one = idle.ms; // nothing ahead: one hash
    // Nothing ahead: admitted even with a budget below one hash (nobody can be locked out).
    const first = admitPasswordCheck(1);
    expect(first.admitted).toBe(true);
    // That admitted sign-in has not reached its hash yet, but the next arrival already counts it.
    expect(passwordCheckEstimate().ahead).toBe(1);
    expect(passwordCheckEstimate().ms).toBeCloseTo(2 * one, 6);
    const refused = admitPasswordCheck(1, () => 0);
    expect(refused).toEqual({ admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((2 * one) / 1000)) });
    if (first.admitted) first.done();
    if (first.admitted) first.done(); // done twice counts once
    expect(passwordCheckEstimate().ahead).toBe(0);

    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 4 }, () => withHashSlot(() => new Promise<void>((r) => releases.push(r))));
    await new Promise((r) => setImmediate(r));
    // One running and three waiting: a new check waits for four hashes, then runs its own.
    expect(passwordCheckEstimate().ahead).toBe(4);
    expect(passwordCheckEstimate().ms).toBeCloseTo(5 * one, 6);
    const within = admitPasswordCheck(5 * one + 1e-6);
    expect(within.admitted).toBe(true);
    if (within.admitted) within.done();
    const seconds = Math.max(1, Math.ceil((5 * one) / 1000));
    expect(admitPasswordCheck(4 * one, () => 0)).toEqual({ admitted: false, retryAfterSeconds: seconds });
    expect(admitPasswordCheck(4 * one, () => 0.999)).toEqual({
      admitted: false,
      retryAfterSeconds: seconds + Math.ceil(seconds / 2),
    });
    // Two slots: the same four hashes are done in half the time.
    setPasswordHashConcurrency(2);
    await new Promise((r) => setImmediate(r));
    expect(passwordCheckEstimate().ahead).toBe(3);
    expect(passwordCheckEstimate().ms).toBeCloseTo(3 * one, 6);
    while (releases.length) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(jobs);
  });
});
