/**
 * Keys waiting to be retried, each after a delay that doubles with every
 * failure of that key (client-go's workqueue with an
 * ItemExponentialFailureRateLimiter): a failing database is not hammered,
 * and a key that succeeds again starts from the base delay.
 */
export class RateLimitedQueue {
  private readonly failures = new Map<string, number>();
  private readonly dueAt = new Map<string, number>();

  constructor(
    private readonly options: {
      baseDelayMs: number;
      maxDelayMs: number;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** Puts the key back after its next delay; returns the delay. */
  addRateLimited(key: string): number {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const delay = Math.min(
      this.options.baseDelayMs * 2 ** (failures - 1),
      this.options.maxDelayMs,
    );
    this.dueAt.set(key, this.now() + delay);
    return delay;
  }

  /** The key succeeded: its failures are forgotten. */
  forget(key: string) {
    this.failures.delete(key);
    this.dueAt.delete(key);
  }

  /** Whether the key is waiting out a delay. */
  isWaiting(key: string): boolean {
    const due = this.dueAt.get(key);
    return due !== undefined && due > this.now();
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Milliseconds until the next waiting key is due; undefined if none. */
  nextDueInMs(): number | undefined {
    const now = this.now();
    let next: number | undefined;
    for (const due of this.dueAt.values()) {
      const wait = Math.max(0, due - now);
      next = next === undefined ? wait : Math.min(next, wait);
    }
    return next;
  }

  get size() {
    return this.dueAt.size;
  }
}
