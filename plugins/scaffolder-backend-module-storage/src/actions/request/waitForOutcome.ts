import {
  RequestDetailResponse,
  StorageApi,
  StorageApiError,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * What the step waits for: nothing; a decision (policy's, or an
 * approver's); or the claim to be Bound (unless the request waits for
 * approval). Always bounded: a waiting task holds one of the scaffolder's
 * workers.
 */
export type WaitMode = 'none' | 'decision' | 'bound';

export const WAIT_MODES: [WaitMode, ...WaitMode[]] = [
  'none',
  'decision',
  'bound',
];
export const DEFAULT_TIMEOUT_MINUTES = 2;
export const MAX_TIMEOUT_MINUTES = 10;

const UNDECIDED = ['submitted', 'pending-approval'];
const STOPPED = ['rejected', 'failed', 'cancelled'];

/** Whether the request (and its claim) got as far as the mode waits for. */
export function isSettled(
  mode: Exclude<WaitMode, 'none'>,
  detail: RequestDetailResponse,
): boolean {
  const status = detail.request.status;
  if (mode === 'decision') return !UNDECIDED.includes(status);
  // People decide in hours, not minutes: a request that waits for them ends
  // the wait at once, and its page follows it from there.
  if (status === 'pending-approval' || STOPPED.includes(status)) return true;
  const claim = detail.claim;
  // A claim of a WaitForFirstConsumer class binds once a pod mounts it: as
  // far as it goes without one, so waiting longer would only hold a worker.
  return (
    claim?.phase === 'Bound' ||
    claim?.diagnosis.state === 'bound' ||
    claim?.diagnosis.state === 'waiting-for-consumer'
  );
}

/** Resolves after `ms`, or at once when the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/** Answers worth asking again: the backend or the network hiccuped. */
function isTransient(error: unknown): boolean {
  return !(error instanceof StorageApiError) || error.status >= 500;
}

export interface WaitResult {
  detail?: RequestDetailResponse;
  timedOut: boolean;
}

/**
 * Polls GET /requests/{id} until the mode is settled, the time is up or the
 * task is cancelled. Transient errors are retried within the time; a
 * refusal (403, 404) ends the wait with the error.
 */
export async function waitForOutcome(options: {
  storage: StorageApi;
  id: string;
  mode: Exclude<WaitMode, 'none'>;
  timeoutMs: number;
  pollIntervalMs: number;
  signal?: AbortSignal;
  onPoll?: (detail: RequestDetailResponse) => void;
}): Promise<WaitResult> {
  const { storage, id, mode, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  let detail: RequestDetailResponse | undefined;
  for (;;) {
    if (signal?.aborted) {
      throw new Error(
        `The task was cancelled while waiting for storage request ${id}; the request goes on without it`,
      );
    }
    try {
      detail = await storage.getRequest(id);
      options.onPoll?.(detail);
      if (isSettled(mode, detail)) return { detail, timedOut: false };
    } catch (error) {
      if (!isTransient(error)) throw error;
    }
    const left = deadline - Date.now();
    if (left <= 0) return { detail, timedOut: true };
    await pause(Math.min(options.pollIntervalMs, left), signal);
  }
}
