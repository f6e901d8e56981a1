/**
 * A simulated clock: real time plus an offset that tests and the admin API
 * can advance (e.g. past the EBS six-hour modification window), and timers
 * that are all cancelled when the simulator closes.
 */
export class SimClock {
  private offsetMs = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowIso(): string {
    return isoSeconds(this.now());
  }

  advance(ms: number) {
    this.offsetMs += ms;
  }

  /** Runs `fn` after `ms` (real) milliseconds unless the clock is closed. */
  after(ms: number, fn: () => void): () => void {
    if (this.closed) {
      return () => {};
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) {
        fn();
      }
    }, Math.max(0, ms));
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  close() {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }
}

/** RFC 3339 with whole seconds, as Kubernetes serialises `metav1.Time`. */
export function isoSeconds(ms: number) {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
