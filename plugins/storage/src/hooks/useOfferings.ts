import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { storageApiRef } from '../api';

/** The platform's offerings; an empty list while loading or when it fails. */
export function useOfferings() {
  const api = useApi(storageApiRef);
  const { value, loading, error } = useAsync(() => api.getOfferings(), [api]);
  return { offerings: value ?? [], loading, error };
}
