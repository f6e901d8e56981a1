import {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { createRenderStorageAction } from './render/renderStorage';
import { offeringsFromConfig } from './render/offerings';
import { storageLinks } from './request/links';
import { createRequestStorageAction } from './request/requestStorage';
import { storageApiFactory } from './request/storageClient';

export { createRequestStorageAction } from './request/requestStorage';
export type { RequestStorageActionOptions } from './request/requestStorage';
export { createRenderStorageAction } from './render/renderStorage';
export { storageApiFactory } from './request/storageClient';
export type { StorageApiForCredentials } from './request/storageClient';
export { storageLinks } from './request/links';
export type { StorageLinks } from './request/links';

/** Every scaffolder action this module provides. */
export function createStorageActions(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  config: RootConfigService;
  /** How often a waiting `storage:request` step asks for news (2 s). */
  pollIntervalMs?: number;
}) {
  const offerings = offeringsFromConfig(options.config);
  return [
    createRequestStorageAction({
      storageFor: storageApiFactory(options.auth, options.discovery),
      links: storageLinks(options.config),
      pollIntervalMs: options.pollIntervalMs,
    }),
    createRenderStorageAction({ offerings: () => offerings }),
  ];
}
