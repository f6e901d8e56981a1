import { LoggerService } from '@backstage/backend-plugin-api';
import {
  RenderedObject,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { RequestStore, StoredStorageRequest } from '../database/RequestStore';
import { applyRequest } from './applier';

export interface ApplyWorkerOptions {
  store: RequestStore;
  clusters: ClusterRegistry;
  logger: LoggerService;
  /** Attempts before a retryable failure becomes permanent. */
  maxAttempts?: number;
  /** Requests taken per run. */
  batchSize?: number;
  now?: () => Date;
  /** Told of every status change the worker makes. */
  onChange?: (request: StoredStorageRequest) => Promise<void> | void;
}

/** 1 s, 2 s, 4 s … up to five minutes between attempts. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 5 * 60 * 1000);
}

/**
 * Applies approved requests to their clusters. The database is the queue:
 * a crash or restart at any point leaves the request `approved` or
 * `applying`, and the next run picks it up again; server-side apply makes
 * the repeat harmless. Run it from the scheduler so that one replica at a
 * time does it.
 */
export class ApplyWorker {
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly now: () => Date;

  constructor(private readonly options: ApplyWorkerOptions) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.batchSize = options.batchSize ?? 20;
    this.now = options.now ?? (() => new Date());
  }

  /** Works through the requests that are due; returns how many it handled. */
  async runOnce(): Promise<number> {
    const due = await this.options.store.listDue(this.now(), this.batchSize);
    for (const request of due) {
      await this.process(request);
    }
    return due.length;
  }

  private async changed(request: StoredStorageRequest | undefined) {
    if (request) {
      await this.options.onChange?.(request);
    }
    return request;
  }

  private async process(stored: StoredStorageRequest): Promise<void> {
    const { store, clusters, logger } = this.options;
    const actor = 'apply-worker';
    if (stored.status === 'approved') {
      const taken = await this.changed(
        await store.transition(stored.id, {
          from: ['approved'],
          to: 'applying',
          actor,
          reason: `Applying to ${stored.cluster}`,
        }),
      );
      if (!taken) {
        return;
      }
    }

    const fail = (message: string) =>
      store
        .transition(stored.id, {
          from: ['applying'],
          to: 'failed',
          actor,
          reason: message,
          lastError: message,
          nextAttemptAt: null,
        })
        .then(r => this.changed(r));

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
      await this.changed(
        await store.transition(stored.id, {
          from: ['applying'],
          to: 'applied',
          actor,
          reason: `Applied to ${stored.cluster}`,
          nextAttemptAt: null,
        }),
      );
      return;
    }

    const attempts = stored.attempts + 1;
    const { error } = outcome;
    if (error.retryable && attempts < this.maxAttempts) {
      const delay = retryDelayMs(attempts);
      logger.warn(
        `Storage request ${stored.id}: attempt ${attempts} failed (${error.message}); retrying in ${delay} ms`,
      );
      await this.changed(
        await store.transition(stored.id, {
          from: ['applying'],
          to: 'approved',
          actor,
          reason: `Attempt ${attempts} failed: ${error.message}`,
          lastError: error.message,
          attempts,
          nextAttemptAt: new Date(this.now().getTime() + delay),
        }),
      );
      return;
    }
    logger.warn(`Storage request ${stored.id} failed: ${error.message}`);
    await fail(error.message);
  }
}
