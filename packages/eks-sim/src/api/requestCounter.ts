/**
 * How many requests the API server answered, by verb and resource
 * (`list persistentvolumeclaims`, `watch pods`, `get /version` …).
 * Benchmarks read it to count what a client costs the API server.
 */
export class RequestCounter {
  private readonly counts = new Map<string, number>();

  add(key: string) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** The counts so far, by `verb resource`. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
