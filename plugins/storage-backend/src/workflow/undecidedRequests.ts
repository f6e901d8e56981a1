import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { RequestStore } from '../database/RequestStore';
import type { RequestService } from './RequestService';

/** Longer than any submission takes between storing and deciding. */
export const UNDECIDED_GRACE_MS = 30_000;

export interface UndecidedRequestsOptions {
  store: Pick<RequestStore, 'list'>;
  requests: Pick<RequestService, 'decideStored'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: LoggerService;
  graceMs?: number;
  now?: () => Date;
}

/**
 * Requests stored but left undecided: the process that stored one died
 * before asking policy, and its requester may never come back to retry.
 * Once a request has waited longer than a submission ever takes, a replica
 * decides it; the decision's compare-and-set from `submitted` keeps each
 * request to one decision however many replicas try.
 */
export class UndecidedRequests {
  private readonly graceMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: UndecidedRequestsOptions) {
    this.graceMs = options.graceMs ?? UNDECIDED_GRACE_MS;
    this.now = options.now ?? (() => new Date());
  }

  /** Decides every request undecided for longer than the grace; returns how many. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    const { store, requests, auth, logger } = this.options;
    const cutoff = this.now().getTime() - this.graceMs;
    const undecided = (await store.list({ status: ['submitted'] })).filter(
      request => Date.parse(request.updatedAt) <= cutoff,
    );
    if (!undecided.length) return 0;
    const credentials = await auth.getOwnServiceCredentials();
    let decided = 0;
    for (const request of undecided) {
      if (signal?.aborted) break;
      try {
        const settled = await requests.decideStored(request, credentials);
        logger.info(
          `Storage request ${request.id} was left undecided; policy says ${settled.status}`,
        );
        decided += 1;
      } catch (error) {
        logger.warn(
          `Storage request ${request.id} is still undecided: ${error}`,
        );
      }
    }
    return decided;
  }
}
