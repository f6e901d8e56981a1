import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  StorageApi,
  StorageRequestBody,
} from '@eks-storage/backstage-plugin-storage-common';
import { RequestOutcome, outcomeOf } from './outcome';
import { logChanges } from './progress';
import { refuseDenied } from './refusals';
import { submitOnce } from './submission';
import { WaitMode, waitForOutcome } from './waitForOutcome';

/**
 * A real run: submit once (checkpointed), refuse what policy denied, then
 * wait as asked, within the time limit and until the task is cancelled.
 */
export async function submitAndWait(options: {
  storage: StorageApi;
  request: StorageRequestBody & { requestId: string };
  checkpoint: ActionContext<{}>['checkpoint'];
  wait: WaitMode;
  timeoutMinutes: number;
  pollIntervalMs: number;
  signal?: AbortSignal;
  logger: { info(message: string): void };
}): Promise<RequestOutcome> {
  const { storage, wait, timeoutMinutes, logger } = options;
  const submitted = await submitOnce(
    options.checkpoint,
    storage,
    options.request,
  );
  if (submitted.status === 'rejected' && submitted.decidedBy === 'policy') {
    refuseDenied({
      rule: submitted.decision?.rule,
      reason: submitted.decision?.reason ?? submitted.decisionReason ?? '',
    });
  }
  logger.info(
    `Storage request ${submitted.id} for ${submitted.namespace}/${submitted.claimName} in ${submitted.cluster} is ${submitted.status}`,
  );
  if (wait === 'none') {
    return outcomeOf(submitted, undefined, { timedOut: false, timeoutMinutes });
  }
  const { detail, timedOut } = await waitForOutcome({
    storage,
    id: submitted.id,
    mode: wait,
    timeoutMs: timeoutMinutes * 60_000,
    pollIntervalMs: options.pollIntervalMs,
    signal: options.signal,
    onPoll: logChanges(logger),
  });
  return outcomeOf(submitted, detail, { timedOut, timeoutMinutes });
}
