import {
  ApprovalItem,
  ApprovalRequirement,
  ApprovalState,
  ClaimSummary,
  CostEstimate,
  DiagnosisSeverity,
  PolicyDecision,
  RequestHistoryEntry,
  StorageApiError,
  StoredStorageRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  claimStatusLabel,
  errorMessage,
  formatUsd,
  stateLabel,
} from './format';

/** "group:default/platform-team" → "platform-team"; other refs as they are. */
export function shortRef(ref: string | undefined): string {
  if (!ref) return '—';
  const match = /^[^:]+:(?:default\/)?(.+)$/.exec(ref);
  return match ? match[1] : ref;
}

/** "platform-team", "platform-team or dba", "platform-team and dba". */
export function approverList(
  approvers: readonly string[] | undefined,
  mode: 'any' | 'all' = 'any',
): string {
  const names = (approvers ?? []).map(shortRef);
  if (!names.length) return 'the platform team';
  if (names.length === 1) return names[0];
  const joint = mode === 'all' ? 'and' : 'or';
  return `${names.slice(0, -1).join(', ')} ${joint} ${names[names.length - 1]}`;
}

/** What policy decided for a request, in a sentence. */
export function decisionText(decision: PolicyDecision): string {
  const rule = decision.rule ? ` (rule ${decision.rule})` : '';
  switch (decision.outcome) {
    case 'auto-approve':
      return `Applied at once: ${decision.reason}${rule}`;
    case 'deny':
      return `Denied: ${decision.reason}${rule}`;
    default:
      return `Needs approval by ${approverList(
        decision.approvers,
        decision.mode,
      )}: ${decision.reason}${rule}`;
  }
}

export function decisionSeverity(
  decision: PolicyDecision,
): 'success' | 'info' | 'error' {
  if (decision.outcome === 'auto-approve') return 'success';
  if (decision.outcome === 'deny') return 'error';
  return 'info';
}

/** How many approvals a request needs, and how many it has. */
export function approvalProgress(approval: ApprovalState | undefined): {
  needed: number;
  given: number;
} {
  const requirement = approval?.requirement;
  const given = (approval?.votes ?? []).filter(
    v => v.decision === 'approve',
  ).length;
  if (!requirement) return { needed: 1, given };
  const needed =
    requirement.mode === 'all'
      ? Math.max(requirement.approvers.length, requirement.minApprovals)
      : Math.max(1, requirement.minApprovals);
  return { needed, given };
}

/** "Rule large-volumes: Volumes over 500Gi need the platform team" */
export function requirementText(requirement: {
  rule?: string;
  reason: string;
}): string {
  return requirement.rule
    ? `Rule ${requirement.rule}: ${requirement.reason}`
    : requirement.reason;
}

function specOf(request: StoredStorageRequest): Record<string, unknown> {
  return (request.spec ?? {}) as Record<string, unknown>;
}

/** The size a request asks for, if any. */
export function requestedSize(
  request: StoredStorageRequest,
): string | undefined {
  const size = specOf(request).size;
  return typeof size === 'string' ? size : undefined;
}

/** "20Gi → 40Gi" for resizes, "200Gi" otherwise. */
export function sizeText(item: ApprovalItem): string {
  const size = requestedSize(item.request) ?? '—';
  return item.previousSize && item.previousSize !== size
    ? `${item.previousSize} → ${size}`
    : size;
}

/** "+$3.20/mo" when the request makes the storage dearer, "" otherwise. */
export function costGrowthText(
  cost: CostEstimate | undefined,
  previous: CostEstimate | undefined,
): string {
  if (cost?.totalMonthlyUsd === undefined) return '';
  const growth = cost.totalMonthlyUsd - (previous?.totalMonthlyUsd ?? 0);
  if (Math.abs(growth) < 0.005) return '';
  return `${growth > 0 ? '+' : '−'}${formatUsd(Math.abs(growth))}/mo`;
}

/** "Create payments/orders-db on eks-dev", "Resize payments/data-0 on eks-prod". */
export function requestTitle(request: StoredStorageRequest): string {
  const op =
    request.operation.charAt(0).toUpperCase() + request.operation.slice(1);
  return `${op} ${request.namespace}/${request.claimName} on ${request.cluster}`;
}

/** Why the caller may not take an action, or undefined when they may. */
export function refusal(
  action: { allowed: boolean; reason?: string } | undefined,
): string | undefined {
  if (!action) return 'Not available for this request';
  return action.allowed ? undefined : action.reason ?? 'Not allowed';
}

/** A refusal of a decision, keeping the backend's words for 403 and 409. */
export function describeDecisionError(error: unknown): string {
  if (error instanceof StorageApiError) {
    if (error.status === 403) return `Not allowed: ${error.message}`;
    if (error.status === 409) {
      return `The request changed meanwhile: ${error.message}`;
    }
    return error.message;
  }
  return errorMessage(error);
}

/** One step of a request's life, for its page. */
export interface RequestStep {
  key: string;
  at?: string;
  title: string;
  detail?: string;
  severity: DiagnosisSeverity;
}

function statusStep(
  entry: RequestHistoryEntry,
  request: StoredStorageRequest,
  requirement: ApprovalRequirement | undefined,
): Omit<RequestStep, 'key' | 'at'> {
  const by = entry.actor ? ` by ${shortRef(entry.actor)}` : '';
  const reason = entry.reason;
  switch (entry.toStatus) {
    case 'submitted':
      return { title: `Submitted${by}`, detail: reason, severity: 'info' };
    case 'pending-approval':
      return {
        title: `Waiting for approval by ${approverList(
          requirement?.approvers,
          requirement?.mode,
        )}`,
        detail: requirement
          ? requirementText({
              rule: requirement.rule,
              reason: reason ?? requirement.reason,
            })
          : reason,
        severity: 'info',
      };
    case 'approved':
      return { title: 'Approved', detail: reason, severity: 'ok' };
    case 'applying':
      return {
        title: `Applying to ${request.cluster}`,
        detail: reason,
        severity: 'info',
      };
    case 'applied':
      return {
        title: `Applied to ${request.cluster}`,
        detail: reason,
        severity: 'ok',
      };
    case 'failed':
      return {
        title: 'Failed',
        detail: reason ?? request.lastError,
        severity: 'error',
      };
    case 'rejected':
      return { title: `Rejected${by}`, detail: reason, severity: 'warning' };
    case 'cancelled':
      return { title: `Cancelled${by}`, detail: reason, severity: 'warning' };
    default:
      return {
        title: stateLabel(entry.toStatus),
        detail: reason,
        severity: 'info',
      };
  }
}

const time = (iso?: string) => (iso ? Date.parse(iso) || 0 : 0);

/**
 * A request's life, oldest first: submitted → pending with the rule → each
 * approval or rejection with its comment → approved → applying → applied →
 * the claim's state (Bound, or failed with the diagnosis).
 */
export function buildRequestTimeline(detail: {
  request: StoredStorageRequest;
  history: RequestHistoryEntry[];
  approval?: ApprovalState;
  claim?: ClaimSummary;
}): RequestStep[] {
  const { request, history, approval, claim } = detail;
  const steps: RequestStep[] = history.map((entry, index) => ({
    key: `status-${index}`,
    at: entry.at,
    ...statusStep(entry, request, approval?.requirement),
  }));
  if (!history.length) {
    steps.push({
      key: 'status-current',
      at: request.createdAt,
      title: `Submitted by ${shortRef(request.requestedBy)}`,
      severity: 'info',
    });
  }
  for (const [index, vote] of (approval?.votes ?? []).entries()) {
    const as = vote.onBehalfOf?.length
      ? ` for ${vote.onBehalfOf.map(shortRef).join(', ')}`
      : '';
    steps.push({
      key: `vote-${index}`,
      at: vote.at,
      title: `${
        vote.decision === 'approve' ? 'Approval' : 'Rejection'
      } by ${shortRef(vote.approver)}${as}`,
      detail: vote.comment,
      severity: vote.decision === 'approve' ? 'ok' : 'warning',
    });
  }
  // Stable: a vote lands before the status change it caused.
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort(
      (a, b) =>
        time(a.step.at) - time(b.step.at) ||
        (a.step.key.startsWith('vote') ? -1 : 0) -
          (b.step.key.startsWith('vote') ? -1 : 0) ||
        a.index - b.index,
    )
    .map(({ step }) => step);
  if (claim && ['applying', 'applied', 'failed'].includes(request.status)) {
    ordered.push({
      key: 'claim',
      at: claim.diagnosis.since,
      title: `Claim ${claim.namespace}/${claim.name}: ${claimStatusLabel(
        claim.diagnosis,
      )}`,
      detail: claim.diagnosis.headline,
      severity: claim.diagnosis.severity,
    });
  }
  return ordered;
}
