/**
 * A cluster's timers that ask for a flush: the debounce that batches a
 * burst of changes, and the periodic resync that re-evaluates diagnoses
 * depending on elapsed time.
 */
/** How long a change after a quiet spell waits for the changes that come with it. */
const LEAD_MS = 10;

export class FlushTimers {
  private debounceTimer?: NodeJS.Timeout;
  private resyncTimer?: NodeJS.Timeout;
  /** When the last debounced flush was called (ms, performance clock). */
  private lastFlush = -Infinity;

  /**
   * Calls `flush` for a burst of changes, at most once per `delayMs`: a
   * change after a quiet spell is flushed almost at once (a few
   * milliseconds, so the claim's, volume's and event's changes that come
   * together are diagnosed together), and the changes that follow within
   * `delayMs` wait for one flush at the window's end. (Waiting `delayMs`
   * after every first change kept each page that much behind the cluster.)
   */
  debounce(delayMs: number, flush: () => void) {
    if (this.debounceTimer) return;
    const now = performance.now();
    const lead = Math.min(LEAD_MS, delayMs);
    const wait = Math.max(lead, this.lastFlush + delayMs - now);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      this.lastFlush = performance.now();
      flush();
    }, wait);
  }

  /** Calls `resync` every `intervalMs`; 0 turns it off. */
  startResync(intervalMs: number, resync: () => void) {
    if (!(intervalMs > 0)) return;
    this.resyncTimer = setInterval(resync, intervalMs);
    this.resyncTimer.unref?.();
  }

  stop() {
    clearTimeout(this.debounceTimer);
    clearInterval(this.resyncTimer);
  }
}
