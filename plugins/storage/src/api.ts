import {
  createApiRef,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  StorageApi,
  StorageClient,
} from '@eks-storage/backstage-plugin-storage-common';

/** The storage backend's API; the plugin registers a default implementation. */
export const storageApiRef = createApiRef<StorageApi>({
  id: 'plugin.storage.api',
});

/** The default StorageApi: the typed client over Backstage's discovery and fetch. */
export const storageApiFactory = createApiFactory({
  api: storageApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new StorageClient({ discoveryApi, fetchApi }),
});
