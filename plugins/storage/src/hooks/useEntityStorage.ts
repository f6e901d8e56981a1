import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { storageApiRef } from '../api';
import {
  KUBERNETES_NAMESPACE_ANNOTATION,
  claimLabelSelector,
} from '../annotations';
import { PendingApproval, toRows } from '../lib/rows';
import { StorageApi } from '@eks-storage/backstage-plugin-storage-common';
import { useLiveRefresh } from './useLiveRefresh';
import { useOfferings } from './useOfferings';

/**
 * The approval requirements (rule, reason, approvers) of requests waiting for
 * approval, read from each request's detail; a request whose detail cannot be
 * read keeps its own decision reason.
 */
async function pendingApprovals(
  api: StorageApi,
  ids: string[],
): Promise<Map<string, PendingApproval>> {
  const found = new Map<string, PendingApproval>();
  await Promise.all(
    ids.map(async id => {
      try {
        const requirement = (await api.getRequest(id)).approval?.requirement;
        if (requirement) found.set(id, requirement);
      } catch {
        // The row says what it can without the detail.
      }
    }),
  );
  return found;
}

const NO_APPROVALS = new Map<string, PendingApproval>();

/**
 * The entity's claims and requests as rows, kept live by signals (or a slow
 * poll). With `approvals`, requests waiting for approval carry the rule and
 * reason that asked for it.
 */
export function useEntityStorage(
  entity: Entity,
  options: { approvals?: boolean } = {},
) {
  const api = useApi(storageApiRef);
  const entityRef = stringifyEntityRef(entity);
  const selector = claimLabelSelector(entity);
  const namespace =
    entity.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
  const { offerings, error: offeringsError } = useOfferings();
  const claims = useAsyncRetry(
    () => api.listClaims(entityRef),
    [api, entityRef],
  );
  const { live } = useLiveRefresh(claims.retry, {
    channel: claims.value?.signalChannel,
    failed: !!claims.error,
    loading: claims.loading,
  });
  const pendingIds = options.approvals
    ? (claims.value?.requests ?? [])
        .filter(r => r.status === 'pending-approval')
        .map(r => r.id)
        .sort()
        .join(',')
    : '';
  const approvals = useAsync(
    async () =>
      pendingIds ? pendingApprovals(api, pendingIds.split(',')) : NO_APPROVALS,
    [api, pendingIds],
  );
  const rows = useMemo(
    () =>
      claims.value
        ? toRows(claims.value, offerings, approvals.value ?? NO_APPROVALS)
        : [],
    [claims.value, offerings, approvals.value],
  );
  return {
    entityRef,
    selector: claims.value?.selector ?? selector,
    namespace,
    offerings,
    offeringsError,
    rows,
    response: claims.value,
    loading: claims.loading,
    error: claims.error,
    refresh: claims.retry,
    live,
  };
}
