import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { StorageApi } from '@eks-storage/backstage-plugin-storage-common';
import { ZodImpl, claimInputSchema } from '../shared/claimInput';
import { StorageInputError } from '../shared/errors';
import { ClaimInput, toCreateRequest } from '../shared/toCreateRequest';
import { dryRunOutcome } from './dryRun';
import { StorageLinks } from './links';
import { RequestOutcome, outcomeOf } from './outcome';
import { refuseDenied } from './refusals';
import { requestIdForStep } from './requestId';
import { StorageApiForCredentials } from './storageClient';
import { Submitted, submitOnce } from './submission';
import {
  DEFAULT_TIMEOUT_MINUTES,
  MAX_TIMEOUT_MINUTES,
  WAIT_MODES,
  waitForOutcome,
} from './waitForOutcome';

export interface RequestStorageActionOptions {
  storageFor: StorageApiForCredentials;
  links: StorageLinks;
  /** How often a waiting step asks for the request's status. */
  pollIntervalMs?: number;
}

/** The offering's default size, when the template leaves size empty. */
async function defaultSizeOf(
  storage: StorageApi,
  input: ClaimInput,
): Promise<string | undefined> {
  if (input.size?.trim()) return undefined;
  const offerings = await storage.getOfferings();
  return offerings.find(o => o.id === input.offering.trim())?.size.default;
}

function timeoutMinutesOf(value: number | undefined): number {
  const minutes = value ?? DEFAULT_TIMEOUT_MINUTES;
  if (!(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)) {
    throw new StorageInputError(
      `timeoutMinutes: must be more than 0 and at most ${MAX_TIMEOUT_MINUTES}, got ${minutes} (fix: wait minutes, not hours: the request page follows it after that)`,
    );
  }
  return minutes;
}

/**
 * `storage:request`: asks the storage backend for new storage for a
 * component, as the user who runs the template, and optionally waits a few
 * minutes for the decision or for the claim to be Bound.
 */
export function createRequestStorageAction(
  options: RequestStorageActionOptions,
) {
  const { storageFor, links, pollIntervalMs = 2000 } = options;
  return createTemplateAction({
    id: 'storage:request',
    description:
      'Requests persistent storage (EBS, EFS, FSx, S3, ONTAP) for a component as the user who runs the template; policy approves it or queues it for approval. Optionally waits a few minutes for the decision or for the claim to be Bound.',
    supportsDryRun: true,
    schema: {
      input: {
        ...claimInputSchema,
        wait: (z: ZodImpl) =>
          z
            .enum(WAIT_MODES)
            .optional()
            .describe(
              'none (default): submit and finish; decision: until approved, rejected or failed; bound: until the claim is Bound (or waits for its first pod)',
            ),
        timeoutMinutes: (z: ZodImpl) =>
          z
            .number()
            .positive()
            .max(MAX_TIMEOUT_MINUTES)
            .optional()
            .describe(
              `How long to wait at most, in minutes (default ${DEFAULT_TIMEOUT_MINUTES}, at most ${MAX_TIMEOUT_MINUTES})`,
            ),
      },
      output: {
        requestId: (z: ZodImpl) => z.string(),
        status: (z: ZodImpl) =>
          z
            .string()
            .describe(
              'pending-approval, approved, applying, applied, rejected, failed, cancelled, or Bound',
            ),
        decision: (z: ZodImpl) =>
          z
            .string()
            .optional()
            .describe("Policy's outcome: auto-approve or require-approval"),
        timedOut: (z: ZodImpl) => z.boolean(),
        message: (z: ZodImpl) => z.string(),
        approvalRule: (z: ZodImpl) => z.string().optional(),
        approvalReason: (z: ZodImpl) => z.string().optional(),
        approvers: (z: ZodImpl) => z.array(z.string()).optional(),
        claimState: (z: ZodImpl) => z.string().optional(),
        claimName: (z: ZodImpl) => z.string(),
        cluster: (z: ZodImpl) => z.string(),
        namespace: (z: ZodImpl) => z.string(),
        requestUrl: (z: ZodImpl) => z.string(),
        storageTabUrl: (z: ZodImpl) => z.string(),
        monthlyCostUsd: (z: ZodImpl) => z.number().optional(),
      },
    },
    async handler(ctx) {
      const { wait = 'none', ...claim } = ctx.input;
      const timeoutMinutes = timeoutMinutesOf(ctx.input.timeoutMinutes);
      const storage = storageFor(await ctx.getInitiatorCredentials());
      const requestId = requestIdForStep(ctx);
      const request = {
        ...toCreateRequest(claim, {
          requestId,
          defaultSize: await defaultSizeOf(storage, claim),
        }),
        requestId,
      };

      let outcome: RequestOutcome;
      if (ctx.isDryRun) {
        outcome = await dryRunOutcome(storage, request);
      } else {
        const submitted: Submitted = await submitOnce(
          ctx.checkpoint.bind(ctx),
          storage,
          request,
        );
        if (
          submitted.status === 'rejected' &&
          submitted.decidedBy === 'policy'
        ) {
          refuseDenied({
            rule: submitted.decision?.rule,
            reason:
              submitted.decision?.reason ?? submitted.decisionReason ?? '',
          });
        }
        ctx.logger.info(
          `Storage request ${submitted.id} for ${submitted.namespace}/${submitted.claimName} in ${submitted.cluster} is ${submitted.status}`,
        );
        let last: string | undefined;
        const waited =
          wait === 'none'
            ? { timedOut: false }
            : await waitForOutcome({
                storage,
                id: submitted.id,
                mode: wait,
                timeoutMs: timeoutMinutes * 60_000,
                pollIntervalMs,
                signal: ctx.signal,
                onPoll: detail => {
                  const now = `${detail.request.status}/${
                    detail.claim?.diagnosis.state ?? '-'
                  }`;
                  if (now !== last) {
                    ctx.logger.info(
                      `Storage request ${submitted.id}: ${
                        detail.request.status
                      }${
                        detail.claim
                          ? `, claim ${detail.claim.diagnosis.headline}`
                          : ''
                      }`,
                    );
                    last = now;
                  }
                },
              });
        outcome = outcomeOf(
          submitted,
          'detail' in waited ? waited.detail : undefined,
          { timedOut: waited.timedOut, timeoutMinutes },
        );
      }

      ctx.logger.info(outcome.message);
      for (const [name, value] of Object.entries(outcome)) {
        if (value !== undefined)
          ctx.output(name as keyof RequestOutcome, value);
      }
      ctx.output('requestUrl', links.request(outcome.requestId));
      ctx.output('storageTabUrl', links.storageTab(request.entityRef));
    },
  });
}
