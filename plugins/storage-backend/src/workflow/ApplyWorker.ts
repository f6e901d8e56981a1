import { LoggerService } from '@backstage/backend-plugin-api';
import {
  RenderedObject,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import {
  RequestStore,
  RequestTransition,
  StoredStorageRequest,
} from '../database/RequestStore';
import { applyRequest } from './applier';

export interface ApplyWorkerOptions {
  store: RequestStore;
  clusters: ClusterRegistry;
  logger: LoggerService;
  /** Attempts before a retryable failure becomes permanent. */
  maxAttempts?: number;
  /** Requests taken per batch of a scheduled run. */
  batchSize?: number;
  /**
   * How long an apply in flight holds its request: a request left
   * `applying` longer (its process died) is taken over after this.
   */
  leaseMs?: number;
  now?: () => Date;
  /** Told of every status change the worker makes. */
  onChange?: (request: StoredStorageRequest) => Promise<void> | void;
}

/** 1 s, 2 s, 4 s … up to five minutes between attempts. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 5 * 60 * 1000);
}

/** An apply of one request takes well under this; the scheduled run's timeout too. */
export const APPLY_LEASE_MS = 30_000;

/** Who the request history names for the worker's status changes. */
const APPLY_WORKER_ACTOR = 'apply-worker';

/**
 * Applies approved requests to their clusters. A request stored approved is
 * applied at once (`applyNow`) by the replica that stored it; the scheduled
 * run (`runOnce`) is the safety net for what a crash or a retry leaves.
 *
 * The database is the queue and the lock: taking a request is a
 * compare-and-set from `approved` to `applying` that also sets a lease (the
 * next attempt time), so of the replicas racing for it one applies it. A
 * process killed mid-apply leaves the request `applying`; once the lease
 * runs out it is due again, and one replica takes it over (another
 * compare-and-set, on the lease) and applies it again, which server-side
 * apply makes harmless.
 */
export class ApplyWorker {
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: ApplyWorkerOptions) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.batchSize = options.batchSize ?? 5;
    this.leaseMs = options.leaseMs ?? APPLY_LEASE_MS;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Applies one request now, if it is approved and due; does nothing when
   * another replica (or run) took it first. Returns whether it handled it.
   */
  async applyNow(id: string): Promise<boolean> {
    const stored = await this.options.store.get(id);
    if (!stored || stored.status !== 'approved') {
      return false;
    }
    return this.process(stored);
  }

  /**
   * Works through the requests that are due, a small batch at a time, until
   * none is left, `budgetMs` has passed or `signal` aborts; returns how many
   * it handled.
   */
  async runOnce(
    options: { signal?: AbortSignal; budgetMs?: number } = {},
  ): Promise<number> {
    const started = Date.now();
    let handled = 0;
    for (;;) {
      const due = await this.options.store.listDue(this.now(), this.batchSize);
      let taken = 0;
      for (const request of due) {
        if (options.signal?.aborted) return handled;
        if (await this.process(request)) taken += 1;
      }
      handled += taken;
      if (
        due.length < this.batchSize ||
        taken === 0 ||
        options.budgetMs === undefined ||
        Date.now() - started >= options.budgetMs
      ) {
        return handled;
      }
    }
  }

  /**
   * Moves the request as the worker (a compare-and-set on its status) and
   * tells the listener; undefined when another replica moved it first.
   */
  private async move(
    id: string,
    transition: Omit<RequestTransition, 'actor'>,
  ): Promise<StoredStorageRequest | undefined> {
    const moved = await this.options.store.transition(id, {
      ...transition,
      actor: APPLY_WORKER_ACTOR,
    });
    if (moved) {
      await this.options.onChange?.(moved);
    }
    return moved;
  }

  /** Takes the request (one replica wins) and applies it; false if not taken. */
  private async process(stored: StoredStorageRequest): Promise<boolean> {
    const { logger } = this.options;
    const now = this.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    if (stored.status === 'approved') {
      const taken = await this.move(stored.id, {
        from: ['approved'],
        to: 'applying',
        reason: `Applying to ${stored.cluster}`,
        dueAt: now,
        nextAttemptAt: lease,
      });
      if (!taken) {
        return false;
      }
      await this.apply(taken);
      return true;
    }
    if (stored.status !== 'applying') {
      return false;
    }
    // Left applying by a process that died: take it over once, counting
    // the interrupted attempt, so a request that kills its applier every
    // time ends failed instead of looping.
    const attempts = stored.attempts + 1;
    if (attempts >= this.maxAttempts) {
      const failed = await this.move(stored.id, {
        from: ['applying'],
        to: 'failed',
        reason: `Interrupted ${attempts} times while applying`,
        lastError: `Interrupted ${attempts} times while applying`,
        attempts,
        dueAt: now,
        nextAttemptAt: null,
      });
      return failed !== undefined;
    }
    const resumed = await this.move(stored.id, {
      from: ['applying'],
      to: 'applying',
      reason: `Resuming an interrupted apply to ${stored.cluster}`,
      attempts,
      dueAt: now,
      nextAttemptAt: lease,
    });
    if (!resumed) {
      return false;
    }
    logger.info(
      `Storage request ${stored.id}: resuming an apply that was interrupted`,
    );
    await this.apply(resumed);
    return true;
  }

  private async apply(stored: StoredStorageRequest): Promise<void> {
    const { clusters, logger } = this.options;

    const fail = (message: string) =>
      this.move(stored.id, {
        from: ['applying'],
        to: 'failed',
        reason: message,
        lastError: message,
        nextAttemptAt: null,
      });

    const cluster = clusters.get(stored.cluster);
    if (!cluster) {
      await fail(`Cluster ${stored.cluster} is no longer configured`);
      return;
    }
    const parsed = storageRequestSchema.safeParse(stored.spec);
    if (!parsed.success) {
      await fail('The stored request no longer parses; submit it again');
      return;
    }

    const outcome = await applyRequest(
      cluster,
      parsed.data,
      stored.manifests as RenderedObject[],
    );
    if (outcome.ok) {
      await this.move(stored.id, {
        from: ['applying'],
        to: 'applied',
        reason: `Applied to ${stored.cluster}`,
        nextAttemptAt: null,
      });
      return;
    }

    const attempts = stored.attempts + 1;
    const { error } = outcome;
    if (error.retryable && attempts < this.maxAttempts) {
      const delay = retryDelayMs(attempts);
      logger.warn(
        `Storage request ${stored.id}: attempt ${attempts} failed (${error.message}); retrying in ${delay} ms`,
      );
      await this.move(stored.id, {
        from: ['applying'],
        to: 'approved',
        reason: `Attempt ${attempts} failed: ${error.message}`,
        lastError: error.message,
        attempts,
        nextAttemptAt: new Date(this.now().getTime() + delay),
      });
      return;
    }
    logger.warn(`Storage request ${stored.id} failed: ${error.message}`);
    await fail(error.message);
  }
}

/**
 * Runs the worker on this replica every `intervalMs`, one run at a time:
 * it takes over what a killed process left `applying` once its lease has
 * run out, whatever state the scheduler's task lock is in.
 */
export function startTakeOverLoop(
  worker: Pick<ApplyWorker, 'runOnce'>,
  logger: LoggerService,
  intervalMs = 10_000,
): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    worker
      .runOnce({ budgetMs: intervalMs })
      .catch(error => logger.warn(`Storage apply take-over failed: ${error}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
