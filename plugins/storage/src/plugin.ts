import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { storageApiFactory } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/** Self-service Kubernetes storage on EKS. */
export const storagePlugin = createPlugin({
  id: 'storage',
  apis: [storageApiFactory],
  routes: {
    entityContent: entityContentRouteRef,
    root: rootRouteRef,
  },
});

/** The Storage tab of an entity page, with each claim's page under it. */
export const EntityStorageContent = storagePlugin.provide(
  createRoutableExtension({
    name: 'EntityStorageContent',
    component: () =>
      import('./components/EntityStorageContent').then(
        m => m.EntityStorageContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/** The storage card for an entity's overview. */
export const EntityStorageCard = storagePlugin.provide(
  createComponentExtension({
    name: 'EntityStorageCard',
    component: {
      lazy: () =>
        import('./components/EntityStorageCard').then(m => m.EntityStorageCard),
    },
  }),
);

/** A stand-alone page for claims: `<path>/claims/:cluster/:namespace/:name`. */
export const StoragePage = storagePlugin.provide(
  createRoutableExtension({
    name: 'StoragePage',
    component: () =>
      import('./components/StoragePage').then(m => m.StoragePage),
    mountPoint: rootRouteRef,
  }),
);
