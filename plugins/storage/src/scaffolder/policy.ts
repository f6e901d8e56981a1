import {
  Finding,
  StorageApi,
  StorageRequestBody,
  ValidationResponse,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * How long an answer of the backend's validation stays good for the same
 * request: the size field, the justification field and their validators
 * ask about the same request within moments of each other, and each
 * question costs a dry run against the cluster.
 */
const FRESH_MS = 30_000;
const MAX_ENTRIES = 50;

const answers = new WeakMap<
  StorageApi,
  Map<string, { at: number; answer: Promise<ValidationResponse> }>
>();

/** The backend's validation of a request: findings, cost and policy's decision. */
export function checkWithBackend(
  api: StorageApi,
  request: Record<string, unknown>,
): Promise<ValidationResponse> {
  let cache = answers.get(api);
  if (!cache) {
    cache = new Map();
    answers.set(api, cache);
  }
  const key = JSON.stringify(request);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < FRESH_MS) return hit.answer;
  const answer = api.validateRequest(request as StorageRequestBody);
  cache.set(key, { at: now, answer });
  // A failed question is asked again next time.
  answer.catch(() => cache!.delete(key));
  if (cache.size > MAX_ENTRIES) {
    cache.delete(cache.keys().next().value!);
  }
  return answer;
}

/** Whether policy sends the request to approvers. */
export function needsApproval(
  answer: Pick<ValidationResponse, 'decision' | 'approval'> | undefined,
): boolean {
  return (
    answer?.decision?.outcome === 'require-approval' ||
    answer?.approval?.required === true
  );
}

/** The backend's errors about one field ("namespace", "size", …). */
export function backendErrors(
  answer: Pick<ValidationResponse, 'findings'> | undefined,
  field: string,
): Finding[] {
  return (answer?.findings ?? []).filter(
    f =>
      f.severity === 'error' &&
      (f.field === field || f.field.startsWith(`${field}.`)),
  );
}
