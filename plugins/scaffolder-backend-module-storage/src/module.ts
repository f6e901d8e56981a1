import { createBackendModule } from '@backstage/backend-plugin-api';
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
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(...createStorageActions());
      },
    });
  },
});
