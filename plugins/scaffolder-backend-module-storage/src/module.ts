import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createStorageActions } from './actions';

/**
 * Adds the storage actions to the scaffolder, so software templates can
 * request Kubernetes storage for the components they create.
 *
 * @public
 */
export const scaffolderModuleStorage = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'storage',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolderActions, auth, discovery }) {
        scaffolderActions.addActions(
          ...createStorageActions({ auth, discovery }),
        );
      },
    });
  },
});
