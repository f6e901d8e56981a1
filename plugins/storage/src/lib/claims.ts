import {
  ClaimDetailResponse,
  ClaimSummary,
  Finding,
  OfferingListItem,
  StorageRequestInput,
  ValidationContext,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';

/** The offering a claim came from: by its annotation, else by its StorageClass. */
export function offeringOfClaim(
  claim: Pick<ClaimSummary, 'offeringId' | 'storageClassName'> & {
    offering?: string;
  },
  offerings: readonly OfferingListItem[],
): OfferingListItem | undefined {
  const id = claim.offering ?? claim.offeringId;
  return (
    (id ? offerings.find(o => o.id === id) : undefined) ??
    (claim.storageClassName
      ? offerings.find(o => o.storageClassName === claim.storageClassName)
      : undefined)
  );
}

/** What storage-common's validator needs to know about an existing claim. */
export function validationContextOf(
  claim: Pick<
    ClaimDetailResponse,
    'requested' | 'capacity' | 'phase' | 'provisioner' | 'volume'
  >,
): ValidationContext {
  return {
    claim: {
      size: claim.requested,
      capacity: claim.capacity,
      phase: claim.phase,
      reclaimPolicy: claim.volume?.reclaimPolicy,
    },
    storageClass: claim.provisioner
      ? { provisioner: claim.provisioner }
      : undefined,
  };
}

/** The fields every day-2 request of a claim repeats. */
export function claimRequestBase(claim: ClaimDetailResponse) {
  return {
    entityRef: claim.entityRef ?? '',
    cluster: claim.cluster,
    namespace: claim.namespace,
    claimName: claim.name,
  };
}

/** Validates a day-2 request of a claim with storage-common's rules. */
export function validateClaimRequest(
  request: StorageRequestInput,
  claim: ClaimDetailResponse,
  offering: OfferingListItem | undefined,
): Finding[] {
  return validateRequest(request, offering, validationContextOf(claim));
}

const RESIZE_BLOCKERS = new Set([
  'resize-not-supported',
  'resize-claim-not-bound',
]);
const SNAPSHOT_BLOCKERS = new Set([
  'snapshot-not-supported',
  'snapshot-claim-not-bound',
]);

/** Why an action cannot be taken on the claim (undefined: it can). */
export interface ActionAvailability {
  resize?: string;
  snapshot?: string;
  restore?: string;
}

export function actionAvailability(
  claim: ClaimDetailResponse,
  offering: OfferingListItem | undefined,
): ActionAvailability {
  const base = claimRequestBase(claim);
  const blocker = (findings: Finding[], codes: Set<string>) =>
    findings.find(f => codes.has(f.code))?.message;
  const resize = blocker(
    validateClaimRequest(
      {
        ...base,
        operation: 'resize',
        size: claim.capacity ?? claim.requested ?? '1Gi',
      },
      claim,
      offering,
    ),
    RESIZE_BLOCKERS,
  );
  const snapshot = blocker(
    validateClaimRequest(
      { ...base, operation: 'snapshot', snapshotName: `${claim.name}-snap` },
      claim,
      offering,
    ),
    SNAPSHOT_BLOCKERS,
  );
  const readySnapshots = claim.snapshots.filter(s => s.readyToUse);
  return {
    resize,
    snapshot,
    restore: !readySnapshots.length
      ? 'No snapshot of this claim is ready to restore'
      : undefined,
  };
}

/** A default snapshot name: the claim's name and the time, as a DNS-1123 name. */
export function defaultSnapshotName(claimName: string, now = new Date()) {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .slice(0, 13)
    .toLowerCase();
  return `${claimName.slice(0, 230)}-${stamp}`;
}
