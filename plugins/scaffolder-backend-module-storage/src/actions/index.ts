import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  createRequestStorageAction,
  storageApiFactory,
} from './requestStorage';

export {
  createRequestStorageAction,
  storageApiFactory,
} from './requestStorage';
export type { StorageApiForCredentials } from './requestStorage';

/** Every scaffolder action this module provides. */
export function createStorageActions(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}) {
  return [
    createRequestStorageAction(
      storageApiFactory(options.auth, options.discovery),
    ),
  ];
}
