import {
  EXPIRES_AT_ANNOTATION,
  KUBERNETES_ID_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OFFERING_ANNOTATION,
  OFFERING_LABEL,
  OWNER_ANNOTATION,
  REQUEST_ID_LABEL,
} from '../model/annotations';
import { parseEntityRef } from '../model/names';
import { StorageOffering } from '../model/offering';
import { StorageRequest } from '../model/request';

/** 32-bit FNV-1a, as 8 hex digits: short, stable names without crypto APIs. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The request's id, or a stable one derived from where the claim lives. */
export function requestIdOf(request: StorageRequest): string {
  return (
    request.requestId ??
    `r-${shortHash(
      `${request.cluster}/${request.namespace}/${request.claimName}`,
    )}`
  );
}

/**
 * The value of the claim's `backstage.io/kubernetes-id` label, which the
 * Kubernetes plugin matches: the request's, else the entity's name.
 */
export function kubernetesIdOf(
  request: Pick<StorageRequest, 'entityRef' | 'kubernetesId'>,
): string {
  return (
    request.kubernetesId ??
    (parseEntityRef(request.entityRef)?.name ?? request.entityRef).slice(0, 63)
  );
}

export function labelsFor(
  request: StorageRequest,
  offering?: StorageOffering,
): Record<string, string> {
  return {
    ...(offering?.labels ?? {}),
    [KUBERNETES_ID_LABEL]: kubernetesIdOf(request),
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [REQUEST_ID_LABEL]: requestIdOf(request),
    ...(offering ? { [OFFERING_LABEL]: offering.id } : {}),
  };
}

export function annotationsFor(
  request: StorageRequest,
  offering?: StorageOffering,
): Record<string, string> {
  const expiresAt = 'expiresAt' in request ? request.expiresAt : undefined;
  return {
    ...(offering?.annotations ?? {}),
    [OWNER_ANNOTATION]: request.entityRef,
    ...(offering ? { [OFFERING_ANNOTATION]: offering.id } : {}),
    ...(expiresAt ? { [EXPIRES_AT_ANNOTATION]: expiresAt } : {}),
  };
}
