import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { StorageApi } from '@eks-storage/backstage-plugin-storage-common';
import { ZodImpl, claimInputSchema } from '../shared/claimInput';
import { StorageInputError } from '../shared/errors';
import { ClaimInput, toCreateRequest } from '../shared/toCreateRequest';
import { dryRunOutcome } from './dryRun';
import { StorageLinks } from './links';
import { RequestOutcome } from './outcome';
import { requestIdForStep } from './requestId';
import { submitAndWait } from './submitAndWait';
import { StorageApiForCredentials } from './storageClient';
import {
  DEFAULT_TIMEOUT_MINUTES,
  MAX_TIMEOUT_MINUTES,
  WAIT_MODES,
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
      const { wait = 'none', timeoutMinutes: minutes, ...claim } = ctx.input;
      const timeoutMinutes = timeoutMinutesOf(minutes);
      const storage = storageFor(await ctx.getInitiatorCredentials());
      const requestId = requestIdForStep(ctx);
      const request = {
        ...toCreateRequest(claim, {
          requestId,
          defaultSize: await defaultSizeOf(storage, claim),
        }),
        requestId,
      };

      // A dry run validates only; a real run submits once, then waits.
      const outcome = ctx.isDryRun
        ? await dryRunOutcome(storage, request)
        : await submitAndWait({
            storage,
            request,
            checkpoint: ctx.checkpoint.bind(ctx),
            wait,
            timeoutMinutes,
            pollIntervalMs,
            signal: ctx.signal,
            logger: ctx.logger,
          });

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
