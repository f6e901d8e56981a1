/**
 * The storage plugin for apps on the new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { storageApiFactory } from './api';
import { isStorageAvailable } from './annotations';
import {
  approvalsRouteRef,
  entityContentRouteRef,
  requestRouteRef,
  rootRouteRef,
} from './routes';

const routeRefs = convertLegacyRouteRefs({
  entityContent: entityContentRouteRef,
  root: rootRouteRef,
  approvals: approvalsRouteRef,
  request: requestRouteRef,
});

/** The storage API with its default client. */
export const storageApi = ApiBlueprint.make({
  params: defineParams => defineParams(storageApiFactory),
});

/** The Storage tab of entities that name their Kubernetes workloads. */
export const storageEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'storage',
    title: 'Storage',
    filter: isStorageAvailable,
    loader: () =>
      import('./components/EntityStorageContent').then(m => (
        <m.EntityStorageContent />
      )),
  },
});

/** The storage card for the entity overview. */
export const storageEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isStorageAvailable,
    loader: () =>
      import('./components/EntityStorageCard').then(m => (
        <m.EntityStorageCard />
      )),
  },
});

/** The stand-alone claim page. */
export const storagePage = PageBlueprint.make({
  params: {
    path: '/storage',
    routeRef: routeRefs.root,
    loader: () =>
      import('./components/StoragePage').then(m => <m.StoragePage />),
  },
});

/** Storage approvals: the approvers' queue and history, a requester's pending requests. */
export const storageApprovalsPage = PageBlueprint.make({
  name: 'approvals',
  params: {
    path: '/storage/approvals',
    routeRef: routeRefs.approvals,
    loader: () =>
      import('./components/ApprovalsPage').then(m => <m.ApprovalsPage />),
  },
});

/** One storage request, where notifications and the Storage tab link. */
export const storageRequestPage = PageBlueprint.make({
  name: 'request',
  params: {
    path: '/storage/requests/:id',
    routeRef: routeRefs.request,
    loader: () =>
      import('./components/RequestPage').then(m => <m.RequestPage />),
  },
});

/** Self-service Kubernetes storage on EKS, for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'storage',
  extensions: [
    storageApi,
    storageEntityContent,
    storageEntityCard,
    storagePage,
    storageApprovalsPage,
    storageRequestPage,
  ],
  routes: routeRefs,
});
