import {
  ClaimListItem,
  ClaimsResponse,
  CostEstimate,
  DiagnosisSeverity,
  DriverId,
  OfferingListItem,
  StoredStorageRequest,
  isInFlightStatus,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  SEVERITY_ORDER,
  driverShortTitle,
  stateLabel,
  claimStatusLabel,
} from './format';
import { approverList, requirementText } from './approvals';

/** One line of the Storage tab: a claim in a cluster, or a request on its way there. */
export interface StorageRow {
  /** Unique: `cluster/namespace/name`, or `request/<id>`. */
  id: string;
  kind: 'claim' | 'request';
  cluster: string;
  namespace: string;
  name: string;
  driver?: DriverId;
  /** "EBS", "EFS", … for searching and sorting. */
  driverName: string;
  /** The offering's title, or the StorageClass name. */
  offering: string;
  requested?: string;
  capacity?: string;
  accessModes: string[];
  /** Diagnosis state or request status. */
  state: string;
  stateLabel: string;
  severity: DiagnosisSeverity;
  headline: string;
  /** What to do, for warnings and errors. */
  fix?: string;
  cost?: CostEstimate;
  createdAt?: string;
  /** Day-2 requests still on their way for this claim ("resize pending approval"). */
  pending: StoredStorageRequest[];
  claim?: ClaimListItem;
  request?: StoredStorageRequest;
  /** For requests waiting for approval: the rule and reason that asked for it. */
  approvalNote?: string;
}

/** What the Storage tab knows of a pending request's approval (from its detail). */
export interface PendingApproval {
  rule?: string;
  reason: string;
  approvers?: string[];
  mode?: 'any' | 'all';
}

export const claimRowId = (c: {
  cluster: string;
  namespace: string;
  name: string;
}) => `${c.cluster}/${c.namespace}/${c.name}`;

function requestSeverity(request: StoredStorageRequest): DiagnosisSeverity {
  if (request.status === 'failed') return 'error';
  if (request.status === 'rejected') return 'warning';
  return 'info';
}

/** "Rule large-volumes: Volumes over 500Gi need the platform team", from the requirement or the request. */
export function approvalNote(
  request: StoredStorageRequest,
  approval?: PendingApproval,
): string | undefined {
  if (request.status !== 'pending-approval') return undefined;
  if (approval) return requirementText(approval);
  return request.decisionReason;
}

/** A sentence about a request, naming what it waits for. */
export function requestHeadline(
  request: StoredStorageRequest,
  approval?: PendingApproval,
): string {
  const what = `${request.operation === 'restore' ? 'Restore' : 'Request'} of ${
    request.namespace
  }/${request.claimName}`;
  switch (request.status) {
    case 'pending-approval':
      return `${what} is waiting for approval by ${approverList(
        approval?.approvers,
        approval?.mode,
      )}`;
    case 'submitted':
      return `${what} was submitted and is being checked`;
    case 'approved':
      return `${what} was approved and will be applied to ${request.cluster} shortly`;
    case 'applying':
      return `${what} is being applied to ${request.cluster}`;
    case 'failed':
      return `${what} could not be applied to ${request.cluster}${
        request.lastError ? `: ${request.lastError}` : ''
      }`;
    case 'rejected':
      return `${what} was rejected${
        request.decidedBy ? ` by ${request.decidedBy}` : ''
      }${request.decisionReason ? `: ${request.decisionReason}` : ''}`;
    default:
      return `${what} is ${stateLabel(request.status).toLowerCase()}`;
  }
}

/** A short note on a day-2 request: "Resize to 40Gi: pending approval". */
export function pendingNote(request: StoredStorageRequest): string {
  const spec = (request.spec ?? {}) as Record<string, unknown>;
  const op =
    request.operation === 'resize' && typeof spec.size === 'string'
      ? `Resize to ${spec.size}`
      : request.operation.charAt(0).toUpperCase() + request.operation.slice(1);
  return `${op}: ${stateLabel(request.status).toLowerCase()}`;
}

function requestFix(request: StoredStorageRequest): string | undefined {
  if (request.status === 'failed') {
    return 'Check the error, then ask the platform team or submit a corrected request.';
  }
  if (request.status === 'rejected') {
    return 'Read the reason, adjust the request and submit it again.';
  }
  return undefined;
}

/** localeCompare's order, with one collator for all (thousands of rows). */
const textOrder = new Intl.Collator().compare;

/** The rows of the Storage tab: errors first, then warnings, then by name. */
export function toRows(
  response: ClaimsResponse,
  offerings: readonly OfferingListItem[] = [],
  approvals: ReadonlyMap<string, PendingApproval> = new Map(),
): StorageRow[] {
  const byOffering = new Map(offerings.map(o => [o.id, o]));
  const byClass = new Map(offerings.map(o => [o.storageClassName, o]));
  const claimIds = new Set(response.items.map(claimRowId));
  const pendingByClaim = new Map<string, StoredStorageRequest[]>();
  const rows: StorageRow[] = [];

  for (const request of response.requests) {
    const id = claimRowId({
      cluster: request.cluster,
      namespace: request.namespace,
      name: request.claimName,
    });
    const createsClaim =
      request.operation === 'create' || request.operation === 'restore';
    if (!createsClaim || claimIds.has(id)) {
      if (isInFlightStatus(request.status) || request.status === 'failed') {
        pendingByClaim.set(id, [...(pendingByClaim.get(id) ?? []), request]);
      }
      continue;
    }
    const spec = (request.spec ?? {}) as Record<string, unknown>;
    const offering = request.offeringId
      ? byOffering.get(request.offeringId)
      : undefined;
    rows.push({
      id: `request/${request.id}`,
      kind: 'request',
      cluster: request.cluster,
      namespace: request.namespace,
      name: request.claimName,
      driver: offering?.driver,
      driverName: offering ? driverShortTitle(offering.driver) : 'Unknown',
      offering: offering?.title ?? request.offeringId ?? '—',
      requested: typeof spec.size === 'string' ? spec.size : undefined,
      accessModes: typeof spec.accessMode === 'string' ? [spec.accessMode] : [],
      state: request.status,
      stateLabel:
        request.status === 'pending-approval'
          ? 'Waiting for approval'
          : stateLabel(request.status),
      severity: requestSeverity(request),
      headline: requestHeadline(request, approvals.get(request.id)),
      approvalNote: approvalNote(request, approvals.get(request.id)),
      fix: requestFix(request),
      createdAt: request.createdAt,
      pending: [],
      request,
    });
  }

  for (const claim of response.items) {
    const offering =
      (claim.offeringId ? byOffering.get(claim.offeringId) : undefined) ??
      (claim.storageClassName
        ? byClass.get(claim.storageClassName)
        : undefined);
    rows.push({
      id: claimRowId(claim),
      kind: 'claim',
      cluster: claim.cluster,
      namespace: claim.namespace,
      name: claim.name,
      driver: claim.driver ?? offering?.driver,
      driverName:
        claim.driver ?? offering?.driver
          ? driverShortTitle(claim.driver ?? offering?.driver)
          : 'Unknown',
      offering:
        offering?.title ??
        (claim.storageClassName
          ? `class ${claim.storageClassName}`
          : 'no class'),
      requested: claim.requested,
      capacity: claim.capacity,
      accessModes: claim.accessModes,
      state: claim.diagnosis.state,
      stateLabel: claimStatusLabel(claim.diagnosis),
      severity: claim.diagnosis.severity,
      headline: claim.diagnosis.headline,
      fix: claim.diagnosis.fix || undefined,
      cost: claim.cost,
      createdAt: claim.createdAt,
      pending: pendingByClaim.get(claimRowId(claim)) ?? [],
      claim,
    });
  }
  return rows.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      textOrder(a.name, b.name) ||
      textOrder(a.cluster, b.cluster),
  );
}
