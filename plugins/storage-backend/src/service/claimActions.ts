import { InputError } from '@backstage/errors';
import { ClaimDetail } from '../tracker/claimView';

export type ClaimAction = 'resize' | 'snapshot' | 'restore' | 'delete';

function snapshotNameFor(claim: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .slice(0, 15)
    .toLowerCase();
  return `${claim.slice(0, 230)}-${stamp}`;
}

/**
 * The request a day-2 action on a claim stands for. The action's own
 * fields come from the body; where the claim lives comes from the URL.
 */
export function claimActionInput(
  action: ClaimAction,
  claim: ClaimDetail,
  entityRef: string,
  body: Record<string, unknown>,
  offeringId?: string,
  now: Date = new Date(),
): Record<string, unknown> {
  const base = {
    entityRef,
    cluster: claim.cluster,
    namespace: claim.namespace,
    claimName: claim.name,
    justification: body.justification,
    ...(typeof body.requestId === 'string' && { requestId: body.requestId }),
  };
  switch (action) {
    case 'resize':
      return { ...base, operation: 'resize', size: body.size };
    case 'snapshot':
      return {
        ...base,
        operation: 'snapshot',
        snapshotName: body.snapshotName ?? snapshotNameFor(claim.name, now),
        volumeSnapshotClassName: body.volumeSnapshotClassName,
      };
    case 'restore':
      return {
        ...base,
        operation: 'restore',
        claimName: body.claimName,
        snapshotName: body.snapshotName,
        offering: body.offering ?? offeringId,
        size: body.size ?? claim.capacity ?? claim.requested,
        accessMode: body.accessMode ?? claim.accessModes[0],
        volumeMode: claim.volumeMode,
      };
    default:
      // Deleting destroys data: the caller repeats the claim's name.
      if (body.confirm !== claim.name) {
        throw new InputError(
          `confirm must repeat the claim's name (${claim.name}) to delete it`,
        );
      }
      return { ...base, operation: 'delete' };
  }
}
