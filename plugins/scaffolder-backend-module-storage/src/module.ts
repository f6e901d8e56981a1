import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createStorageActions } from './actions';

/**
 * Adds the storage actions to the scaffolder: `storage:request` asks the
 * storage backend for storage as the user who runs the template;
 * `storage:render` writes the manifests into the workspace for GitOps.
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
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, auth, discovery, config }) {
        scaffolderActions.addActions(
          ...createStorageActions({ auth, discovery, config }),
        );
      },
    });
  },
});
