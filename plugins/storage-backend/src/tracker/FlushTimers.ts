/**
 * A cluster's timers that ask for a flush: the debounce that batches a
 * burst of changes, and the periodic resync that re-evaluates diagnoses
 * depending on elapsed time.
 */
export class FlushTimers {
  private debounceTimer?: NodeJS.Timeout;
  private resyncTimer?: NodeJS.Timeout;

  /** Calls `flush` `delayMs` after the first change of a burst. */
  debounce(delayMs: number, flush: () => void) {
    if (this.debounceTimer) return;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      flush();
    }, delayMs);
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
