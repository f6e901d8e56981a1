import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { storageApiFactory } from './api';
import {
  approvalsRouteRef,
  createFromTemplateRouteRef,
  entityContentRouteRef,
  requestRouteRef,
  rootRouteRef,
} from './routes';

/** Self-service Kubernetes storage on EKS. */
export const storagePlugin = createPlugin({
  id: 'storage',
  apis: [storageApiFactory],
  routes: {
    entityContent: entityContentRouteRef,
    root: rootRouteRef,
    approvals: approvalsRouteRef,
    request: requestRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
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

/**
 * Storage approvals: the platform team's queue (approve, reject, history)
 * and, for everyone else, their own pending requests. Mount at
 * `/storage/approvals`.
 */
export const StorageApprovalsPage = storagePlugin.provide(
  createRoutableExtension({
    name: 'StorageApprovalsPage',
    component: () =>
      import('./components/ApprovalsPage').then(m => m.ApprovalsPage),
    mountPoint: approvalsRouteRef,
  }),
);

/**
 * One storage request: timeline, manifests, approve/reject/cancel. Mount at
 * `/storage/requests/:id`, where notifications link.
 */
export const StorageRequestPage = storagePlugin.provide(
  createRoutableExtension({
    name: 'StorageRequestPage',
    component: () =>
      import('./components/RequestPage').then(m => m.RequestPage),
    mountPoint: requestRouteRef,
  }),
);
