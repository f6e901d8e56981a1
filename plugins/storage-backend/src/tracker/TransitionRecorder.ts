import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClaimTransition,
  ClaimTransitionStore,
} from '../database/ClaimTransitionStore';
import { RateLimitedQueue } from './RateLimitedQueue';

export interface TransitionRecorderOptions {
  cluster: string;
  transitions: ClaimTransitionStore;
  logger: LoggerService;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Asks for a flush once the earliest retry delay has passed. */
  onRetryDue: () => void;
  isStopped: () => boolean;
}

/**
 * A cluster's transitions waiting to be recorded, per claim, oldest first.
 * When recording fails they stay queued and their claims go back on a
 * rate-limited queue: nothing observed is dropped.
 */
export class TransitionRecorder {
  private readonly unrecorded = new Map<string, ClaimTransition[]>();
  private readonly retries: RateLimitedQueue;
  private retryTimer?: NodeJS.Timeout;

  constructor(private readonly options: TransitionRecorderOptions) {
    this.retries = new RateLimitedQueue({
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      maxDelayMs: options.retryMaxDelayMs ?? 5 * 60_000,
    });
  }

  /** Queues the transition behind any of its claim's still waiting. */
  add(key: string, transition: ClaimTransition) {
    const waiting = this.unrecorded.get(key) ?? [];
    waiting.push(transition);
    this.unrecorded.set(key, waiting);
  }

  /** Records the transitions of every claim not waiting out a retry delay. */
  async recordDue() {
    const { cluster, transitions: store, logger } = this.options;
    const due = [...this.unrecorded.keys()].filter(
      key => !this.retries.isWaiting(key),
    );
    if (due.length === 0) {
      // A retry timer may fire a moment before the wall clock says its key
      // is due: wait again rather than leave the key for some later flush.
      this.scheduleRetry();
      return;
    }
    const transitions = due.flatMap(key =>
      this.unrecorded.get(key)!.map(transition => ({
        ...transition,
        observedAt: new Date(transition.observedAt),
      })),
    );
    try {
      await store.recordMany(transitions);
      for (const key of due) {
        this.unrecorded.delete(key);
        this.retries.forget(key);
      }
    } catch (error) {
      let delay = Infinity;
      for (const key of due) {
        delay = Math.min(delay, this.retries.addRateLimited(key));
      }
      logger.warn(
        `Could not record ${transitions.length} claim state changes in ${cluster}, retrying in ${delay} ms: ${error}`,
      );
    }
    this.scheduleRetry();
  }

  stop() {
    clearTimeout(this.retryTimer);
  }

  private scheduleRetry() {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const wait = this.retries.nextDueInMs();
    if (wait === undefined || this.options.isStopped()) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.options.onRetryDue();
    }, wait);
  }
}
