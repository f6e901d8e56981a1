import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  StorageApi,
  StorageClient,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * The StorageApi a task uses, calling the storage backend as the user who
 * ran the template, so permissions, policy, the no-self-approval rule and
 * the audit log see that person.
 */
export type StorageApiForCredentials = (
  credentials: BackstageCredentials,
) => StorageApi;

export function storageApiFactory(
  auth: AuthService,
  discovery: DiscoveryService,
): StorageApiForCredentials {
  return credentials =>
    new StorageClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: async (input, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'storage',
          });
          return fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: `Bearer ${token}` },
          });
        },
      },
    });
}
