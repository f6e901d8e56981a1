import { Config } from '@backstage/config';
import { TooManyRequestsError } from './errors';

export interface DryRunLimits {
  /** Requests that may dry-run against clusters at once, in all. */
  maxConcurrent: number;
  /** Of those, how many one user may have in flight. */
  maxConcurrentPerUser: number;
  /** What Retry-After tells a refused caller. */
  retryAfterSeconds: number;
}

export const DEFAULT_DRY_RUN_LIMITS: DryRunLimits = {
  maxConcurrent: 16,
  maxConcurrentPerUser: 4,
  retryAfterSeconds: 1,
};

export function readDryRunLimits(config: Config): DryRunLimits {
  const limits = config.getOptionalConfig('storage.limits');
  return {
    maxConcurrent:
      limits?.getOptionalNumber('maxConcurrentDryRuns') ??
      DEFAULT_DRY_RUN_LIMITS.maxConcurrent,
    maxConcurrentPerUser:
      limits?.getOptionalNumber('maxConcurrentDryRunsPerUser') ??
      DEFAULT_DRY_RUN_LIMITS.maxConcurrentPerUser,
    retryAfterSeconds:
      limits?.getOptionalNumber('retryAfterSeconds') ??
      DEFAULT_DRY_RUN_LIMITS.retryAfterSeconds,
  };
}

/**
 * Bounds the work that reaches clusters (validation with a server-side dry
 * run, submission): beyond the limits callers get 429 with Retry-After at
 * once instead of queueing, so the backend keeps answering everything else.
 */
export class DryRunLimiter {
  private inFlight = 0;
  private readonly perUser = new Map<string, number>();

  constructor(private readonly limits: DryRunLimits) {}

  async run<T>(userRef: string, work: () => Promise<T>): Promise<T> {
    const mine = this.perUser.get(userRef) ?? 0;
    if (
      this.inFlight >= this.limits.maxConcurrent ||
      mine >= this.limits.maxConcurrentPerUser
    ) {
      throw new TooManyRequestsError(
        mine >= this.limits.maxConcurrentPerUser
          ? `You have ${mine} storage requests being checked against clusters: wait for them, then retry`
          : 'Too many storage requests are being checked against clusters: retry shortly',
        this.limits.retryAfterSeconds,
      );
    }
    this.inFlight += 1;
    this.perUser.set(userRef, mine + 1);
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      const left = (this.perUser.get(userRef) ?? 1) - 1;
      if (left > 0) this.perUser.set(userRef, left);
      else this.perUser.delete(userRef);
    }
  }
}
