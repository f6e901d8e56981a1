import { ClaimDetail } from '../tracker/claimView';
import {
  ClaimActionBodies,
  ClaimActionName,
  RequestInput,
} from './requestInput';

export type ClaimAction = ClaimActionName;

function snapshotNameFor(claim: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .slice(0, 15)
    .toLowerCase();
  return `${claim.slice(0, 230)}-${stamp}`;
}

type Bodies = ClaimActionBodies;

/**
 * The request a day-2 action on a claim stands for. The action's own
 * fields come from the (already shape-checked) body; where the claim lives
 * comes from the URL. Every action is spelled out: none falls through to
 * another, least of all to delete.
 */
export function claimActionInput<A extends ClaimAction>(
  action: A,
  claim: ClaimDetail,
  entityRef: string,
  body: Bodies[A],
  offeringId?: string,
  now: Date = new Date(),
): RequestInput {
  const base = {
    entityRef,
    cluster: claim.cluster,
    namespace: claim.namespace,
    claimName: claim.name,
    ...(body.justification !== undefined && {
      justification: body.justification,
    }),
    ...(body.requestId !== undefined && { requestId: body.requestId }),
  };
  // A plain union to switch on exhaustively (`A` is only a type parameter).
  const kind: ClaimAction = action;
  switch (kind) {
    case 'resize': {
      const b = body as Bodies['resize'];
      return { ...base, operation: 'resize', size: b.size };
    }
    case 'snapshot': {
      const b = body as Bodies['snapshot'];
      return {
        ...base,
        operation: 'snapshot',
        snapshotName: b.snapshotName ?? snapshotNameFor(claim.name, now),
        ...(b.volumeSnapshotClassName !== undefined && {
          volumeSnapshotClassName: b.volumeSnapshotClassName,
        }),
      };
    }
    case 'restore': {
      const b = body as Bodies['restore'];
      const offering = b.offering ?? offeringId;
      const size = b.size ?? claim.capacity ?? claim.requested;
      const accessMode = b.accessMode ?? claim.accessModes[0];
      return {
        ...base,
        operation: 'restore',
        claimName: b.claimName,
        snapshotName: b.snapshotName,
        ...(offering !== undefined && { offering }),
        ...(size !== undefined && { size }),
        ...(accessMode !== undefined && { accessMode }),
        ...(claim.volumeMode !== undefined && { volumeMode: claim.volumeMode }),
      };
    }
    case 'delete': {
      const b = body as Bodies['delete'];
      return {
        ...base,
        operation: 'delete',
        ...(b.confirm !== undefined && { confirm: b.confirm }),
      };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown claim action ${String(unknown)}`);
    }
  }
}
