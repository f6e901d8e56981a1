import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { entityContentRouteRef } from './routes';

/** Self-service Kubernetes storage on EKS. */
export const storagePlugin = createPlugin({
  id: 'storage',
  routes: {
    entityContent: entityContentRouteRef,
  },
});

/** The Storage tab of an entity page. */
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
