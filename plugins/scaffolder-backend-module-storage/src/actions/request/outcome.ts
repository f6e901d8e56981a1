import { RequestDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import { Submitted } from './submission';

/** What the step reports: the request as it stands when the step ends. */
export interface RequestOutcome {
  requestId: string;
  /**
   * The backend's request status (`pending-approval`, `approved`,
   * `applying`, `applied`, `rejected`, `failed`, `cancelled`), or `Bound`
   * once the claim is Bound.
   */
  status: string;
  /** Policy's outcome: auto-approve or require-approval. */
  decision?: string;
  /** True when the step stopped waiting before the wait was settled. */
  timedOut: boolean;
  /** The status in plain words, for the template's output text. */
  message: string;
  approvalRule?: string;
  approvalReason?: string;
  approvers?: string[];
  /** The claim's state as the backend diagnoses it (e.g. waiting-for-consumer). */
  claimState?: string;
  claimName: string;
  cluster: string;
  namespace: string;
  monthlyCostUsd?: number;
}

/** Who must approve and why, from the wait's detail or the submission. */
function approvalOf(submitted: Submitted, detail?: RequestDetailResponse) {
  const requirement = detail?.approval?.requirement;
  if (requirement) {
    return {
      approvalRule: requirement.rule,
      approvalReason: requirement.reason,
      approvers: requirement.approvers,
    };
  }
  if (submitted.decision?.outcome === 'require-approval') {
    return {
      approvalRule: submitted.decision.rule,
      approvalReason: submitted.decision.reason,
      approvers: submitted.decision.approvers,
    };
  }
  return {};
}

function sentence(
  outcome: Omit<RequestOutcome, 'message'>,
  detail: RequestDetailResponse | undefined,
  submitted: Submitted,
): string {
  const where = `${outcome.namespace}/${outcome.claimName} in ${outcome.cluster}`;
  const reason =
    detail?.request.decisionReason ?? submitted.decisionReason ?? '';
  const rule = outcome.approvalRule ? ` (rule ${outcome.approvalRule})` : '';
  switch (outcome.status) {
    case 'Bound':
      return `Bound: ${where} is ready to mount.`;
    case 'pending-approval':
      return `Waiting for approval by ${
        outcome.approvers?.join(', ') || 'the platform team'
      }${rule}: ${outcome.approvalReason ?? ''}`.trim();
    case 'submitted':
    case 'approved':
    case 'applying':
      return `Approved: ${where} is being applied.`;
    case 'applied':
      return outcome.claimState === 'waiting-for-consumer'
        ? `Applied: ${where} binds when the first pod mounts it.`
        : `Applied: ${where} was created in the cluster.`;
    case 'rejected':
      return `Rejected: ${reason}`.trim();
    case 'failed':
      return `Failed: ${detail?.request.lastError ?? reason}`.trim();
    case 'cancelled':
      return `Cancelled: ${reason}`.trim();
    default:
      return `${outcome.status}: ${where}`;
  }
}

/** The step's report from the submission and the last state it saw. */
export function outcomeOf(
  submitted: Submitted,
  detail: RequestDetailResponse | undefined,
  wait: { timedOut: boolean; timeoutMinutes: number },
): RequestOutcome {
  const request = detail?.request;
  const claim = detail?.claim;
  const outcome: Omit<RequestOutcome, 'message'> = {
    requestId: submitted.id,
    status:
      claim?.phase === 'Bound' ? 'Bound' : request?.status ?? submitted.status,
    timedOut: wait.timedOut,
    claimName: submitted.claimName,
    cluster: submitted.cluster,
    namespace: submitted.namespace,
    ...(submitted.decision && { decision: submitted.decision.outcome }),
    ...(claim && { claimState: claim.diagnosis.state }),
    ...(submitted.monthlyCostUsd !== undefined && {
      monthlyCostUsd: submitted.monthlyCostUsd,
    }),
    ...approvalOf(submitted, detail),
  };
  const stopped = wait.timedOut
    ? ` Stopped waiting after ${wait.timeoutMinutes} minute(s); the request page shows how it goes on.`
    : '';
  return {
    ...outcome,
    message: `${sentence(outcome, detail, submitted)}${stopped}`,
  };
}
