import { DependencyList } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { StorageApi } from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { useLiveRefresh } from '../../hooks/useLiveRefresh';

/**
 * One section's answer from the console API, refreshed on the shared
 * storage channel (every claim and request change nudges it) or, without
 * signals, every 30 s; a failed load is retried.
 */
export function useConsoleData<T>(
  load: (api: StorageApi) => Promise<T>,
  deps: DependencyList = [],
) {
  const api = useApi(storageApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(() => load(api), [api, ...deps]);
  const { live } = useLiveRefresh(state.retry, {
    failed: !!state.error,
    loading: state.loading,
  });
  return { ...state, live };
}
