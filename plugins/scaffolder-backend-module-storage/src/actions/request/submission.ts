import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  StorageApi,
  StorageRequestBody,
  StorageRequestStatus,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { withRefusals } from './refusals';

/**
 * What a submission returned, kept as the step's checkpoint (plain JSON):
 * a recovered task reads it back instead of submitting again.
 */
export type Submitted = {
  id: string;
  status: StorageRequestStatus;
  cluster: string;
  namespace: string;
  claimName: string;
  decidedBy?: string;
  decisionReason?: string;
  decision?: {
    outcome: 'auto-approve' | 'require-approval' | 'deny';
    rule?: string;
    reason: string;
    approvers?: string[];
  };
  monthlyCostUsd?: number;
};

export function submittedOf(response: SubmitResponse): Submitted {
  const { request, decision, cost } = response;
  const submitted: Submitted = {
    id: request.id,
    status: request.status,
    cluster: request.cluster,
    namespace: request.namespace,
    claimName: request.claimName,
    decidedBy: request.decidedBy,
    decisionReason: request.decisionReason,
    monthlyCostUsd: cost?.totalMonthlyUsd,
    decision: decision && {
      outcome: decision.outcome,
      rule: decision.rule,
      reason: decision.reason,
      approvers: decision.approvers,
    },
  };
  // JSON has no undefined: drop the gaps so the checkpoint reads back equal.
  return JSON.parse(JSON.stringify(submitted));
}

/**
 * Submits the request once per step: the checkpoint returns the first
 * submission's result on a retried task, and the request id (the task's)
 * makes the backend return the stored request should the checkpoint itself
 * not have been saved.
 */
export async function submitOnce(
  checkpoint: ActionContext<{}>['checkpoint'],
  storage: StorageApi,
  request: StorageRequestBody & { requestId: string },
): Promise<Submitted> {
  return checkpoint({
    key: `submit-${request.requestId}`,
    fn: async () =>
      submittedOf(await withRefusals(() => storage.submitRequest(request))),
  });
}
