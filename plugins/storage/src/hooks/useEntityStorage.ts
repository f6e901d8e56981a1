import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { storageApiRef } from '../api';
import {
  KUBERNETES_NAMESPACE_ANNOTATION,
  claimLabelSelector,
} from '../annotations';
import { toRows } from '../lib/rows';
import { useLiveRefresh } from './useLiveRefresh';
import { useOfferings } from './useOfferings';

/** The entity's claims and requests as rows, kept live by signals (or a slow poll). */
export function useEntityStorage(entity: Entity) {
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
  const rows = useMemo(
    () => (claims.value ? toRows(claims.value, offerings) : []),
    [claims.value, offerings],
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
