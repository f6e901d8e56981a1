import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './service/router';

/**
 * The storage backend plugin: storage requests, their approval and apply,
 * and live tracking of the claims in the clusters.
 *
 * @public
 */
export const storagePlugin = createBackendPlugin({
  pluginId: 'storage',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
      },
      async init({ httpAuth, httpRouter, logger, database }) {
        const client = await applyDatabaseMigrations(database);
        httpRouter.use(
          await createRouter({ httpAuth, logger, database: client }),
        );
      },
    });
  },
});
