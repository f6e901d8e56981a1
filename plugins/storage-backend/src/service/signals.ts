import {
  ClaimSignal,
  RequestSignal,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClaimTransition } from '../database/ClaimTransitionStore';
import { StoredStorageRequest } from '../database/RequestStore';
import { ClaimSummary } from '../tracker/claimView';

export function signalOfClaim(
  claim: ClaimSummary,
  transition?: ClaimTransition,
): ClaimSignal {
  return {
    type: 'claim',
    cluster: claim.cluster,
    namespace: claim.namespace,
    name: claim.name,
    labels: claim.labels,
    ...(claim.entityRef && { entityRef: claim.entityRef }),
    state: transition?.toState ?? claim.diagnosis.state,
    severity: transition?.severity ?? claim.diagnosis.severity,
    headline: transition?.headline ?? claim.diagnosis.headline,
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
