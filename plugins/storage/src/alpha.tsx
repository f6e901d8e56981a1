/**
 * The storage plugin for apps on the new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendModule,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import StorageIcon from '@material-ui/icons/Storage';
import { storageApiFactory } from './api';
import { isStorageAvailable } from './annotations';
import {
  approvalsRouteRef,
  createFromTemplateRouteRef,
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

/**
 * The storage page at `/storage`: the platform console (overview, claims,
 * waste, class health, compliance, usage, backups, expiry) and each
 * claim's page under `/storage/claims/…`. Its title and icon put it in the
 * app's navigation.
 */
export const storagePage = PageBlueprint.make({
  params: {
    path: '/storage',
    title: 'Storage',
    icon: <StorageIcon fontSize="inherit" />,
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
  externalRoutes: convertLegacyRouteRefs({
    createFromTemplate: createFromTemplateRouteRef,
  }),
});

const formFields = () => import('./scaffolder/formFields');

/**
 * The storage fields of scaffolder templates (StorageOfferingPicker,
 * StorageSizePicker, …), for the scaffolder plugin of the new frontend
 * system. They call the storage API, so install the storage plugin too.
 */
export const storageScaffolderFormFields = [
  FormFieldBlueprint.make({
    name: 'storage-offering-picker',
    params: {
      field: () => formFields().then(m => m.storageOfferingPickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'storage-size-picker',
    params: {
      field: () => formFields().then(m => m.storageSizePickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'storage-access-mode-picker',
    params: {
      field: () => formFields().then(m => m.storageAccessModePickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'storage-cluster-namespace-picker',
    params: {
      field: () =>
        formFields().then(m => m.storageClusterNamespacePickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'storage-snapshot-picker',
    params: {
      field: () => formFields().then(m => m.storageSnapshotPickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'storage-existing-volume-picker',
    params: {
      field: () =>
        formFields().then(m => m.storageExistingVolumePickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'storage-justification',
    params: {
      field: () => formFields().then(m => m.storageJustificationFormField),
    },
  }),
];

/**
 * The storage fields of scaffolder templates as a module of the scaffolder
 * plugin: `createApp({ features: [storagePlugin, storageScaffolderFieldsModule] })`.
 */
export const storageScaffolderFieldsModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: storageScaffolderFormFields,
});
