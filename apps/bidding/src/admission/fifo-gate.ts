/**
 * At most `limit` holders at once; the others wait and are let in strictly in the order they came.
 * Pure: no timers, no I/O (bid-admission.middleware.ts puts HTTP requests through one).
 */
export class FifoGate {
  private inside = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a gate needs a limit of at least 1, not ${limit}`);
  }

  /** How many wait for a place now. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Calls `admitted` at once if a place is free, else when one frees for it. The answer is the way
   * out: called once admitted it frees the place (for the next in line), called while still waiting
   * it leaves the queue, and it does nothing the second time.
   */
  enter(admitted: () => void): () => void {
    let state: 'waiting' | 'inside' | 'gone' = 'waiting';
    const admit = () => {
      state = 'inside';
      admitted();
    };
    if (this.inside < this.limit) {
      this.inside += 1;
      admit();
    } else {
      this.queue.push(admit);
    }
    return () => {
      if (state === 'waiting') this.queue.splice(this.queue.indexOf(admit), 1);
      else if (state === 'inside') this.handOver();
      state = 'gone';
    };
  }

  /** The place of one who leaves goes to the first in line, or becomes free. */
  private handOver(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.inside -= 1;
  }
}
