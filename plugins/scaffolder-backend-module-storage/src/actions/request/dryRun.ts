import {
  StorageApi,
  StorageRequestBody,
  ValidationResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { refuseOnErrors } from '../shared/errors';
import { RequestOutcome } from './outcome';
import { refuseDenied, withRefusals } from './refusals';

/**
 * A dry run asks the backend to validate only (findings, the cluster's
 * server-side dry run, cost, policy) and stores nothing. The outcome is the
 * one a real run would start with.
 */
export async function dryRunOutcome(
  storage: StorageApi,
  request: StorageRequestBody & { requestId: string },
): Promise<RequestOutcome> {
  const validation: ValidationResponse = await withRefusals(() =>
    storage.validateRequest(request),
  );
  refuseOnErrors(validation.findings);
  const decision = validation.decision;
  if (decision?.outcome === 'deny') refuseDenied(decision);
  const needsApproval = Boolean(validation.approval) || !decision;
  const where = `${request.namespace}/${request.claimName} in ${request.cluster}`;
  return {
    requestId: request.requestId,
    status: needsApproval ? 'pending-approval' : 'approved',
    ...(decision && { decision: decision.outcome }),
    timedOut: false,
    message: needsApproval
      ? `Dry run: would wait for approval by ${
          decision?.approvers?.join(', ') || 'the platform team'
        }${decision?.rule ? ` (rule ${decision.rule})` : ''}: ${
          validation.approval?.reason ?? decision?.reason ?? ''
        }`
      : `Dry run: would be approved at once and applied as ${where}.`,
    ...(needsApproval && {
      approvalRule: decision?.rule,
      approvalReason: validation.approval?.reason ?? decision?.reason,
      approvers: decision?.approvers,
    }),
    claimName: request.claimName,
    cluster: request.cluster,
    namespace: request.namespace,
    ...(validation.cost?.totalMonthlyUsd !== undefined && {
      monthlyCostUsd: validation.cost.totalMonthlyUsd,
    }),
  };
}
