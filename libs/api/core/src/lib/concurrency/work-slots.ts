/**
 * At most `limit` pieces of work at once; the rest wait in arrival order and start as slots free up. Used where a burst
 * of heavy work (password hashes, submits with their scoring) would otherwise take the CPU from the light requests
 * that most users are making at the same moment, such as autosave.
 */
export class WorkSlots {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private slots: number) {
    this.slots = Math.max(1, Math.floor(slots));
  }

  /** Pieces of work running now. */
  get running(): number {
    return this.active;
  }

  /** Pieces of work waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  get limit(): number {
    return this.slots;
  }

  /** Changes the number of slots (at least 1); raising it starts waiting work at once. */
  set limit(n: number) {
    this.slots = Math.max(1, Math.floor(n));
    while (this.active < this.slots && this.queue.length) {
      this.active++;
      this.queue.shift()?.();
    }
  }

  /** Runs `work` in a slot, waiting for one first when all are taken. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.slots) this.active++;
    else await new Promise<void>((resolve) => this.queue.push(resolve)); // the slot is handed over, see below
    try {
      return await work();
    } finally {
      // Hand the slot to the next waiter (the count stays), unless the limit was lowered meanwhile.
      const next = this.active <= this.slots ? this.queue.shift() : undefined;
      if (next) next();
      else this.active--;
    }
  }
}
