import { WorkSlots } from './work-slots';

/** A piece of work that ends when `finish` is called. */
function pending() {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('WorkSlots', () => {
  it('runs at most `limit` at once, the rest in arrival order', async () => {
    const slots = new WorkSlots(2);
    const started: number[] = [];
    const jobs = [0, 1, 2, 3].map(() => pending());
    const runs = jobs.map((j, i) =>
      slots.run(async () => {
        started.push(i);
        await j.work();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect([slots.running, slots.waiting]).toEqual([2, 2]);
    jobs[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    jobs[0]!.fail(new Error('boom')); // a failing piece of work frees its slot as well
    await expect(runs[0]).rejects.toThrow('boom');
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    jobs[2]!.finish();
    jobs[3]!.finish();
    await Promise.all(runs.slice(1));
    expect([slots.running, slots.waiting]).toEqual([0, 0]);
  });

  it('starts waiting work when the limit is raised, and never goes below one slot', async () => {
    const slots = new WorkSlots(0);
    expect(slots.limit).toBe(1);
    const jobs = [0, 1, 2].map(() => pending());
    const runs = jobs.map((j) => slots.run(j.work));
    await tick();
    expect([slots.running, slots.waiting]).toEqual([1, 2]);
    slots.limit = 3;
    expect([slots.running, slots.waiting]).toEqual([3, 0]);
    slots.limit = 1; // lowered: running work finishes, but no new one starts until one slot is left
    jobs[0]!.finish();
    jobs[1]!.finish();
    await tick();
    expect(slots.running).toBe(1);
    jobs[2]!.finish();
    await Promise.all(runs);
    expect(slots.running).toBe(0);
  });
});
