import {
  ClaimSignal,
  RequestSignal,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClaimTransition } from '../database/ClaimTransitionStore';
import { StoredStorageRequest } from '../database/RequestStore';
import { ClaimSummary } from '../tracker/claimView';

export function signalOfClaim(
  transition: ClaimTransition,
  claim?: ClaimSummary,
): ClaimSignal {
  return {
    type: 'claim',
    cluster: transition.cluster,
    namespace: transition.namespace,
    name: transition.name,
    labels: claim?.labels ?? {},
    ...(transition.entityRef && { entityRef: transition.entityRef }),
    state: transition.toState,
    severity: transition.severity,
    headline: transition.headline,
  };
}

export function signalOfRequest(request: StoredStorageRequest): RequestSignal {
  return {
    type: 'request',
    id: request.id,
    entityRef: request.entityRef,
    operation: request.operation,
    status: request.status,
    cluster: request.cluster,
    namespace: request.namespace,
    claimName: request.claimName,
  };
}
