import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { join } from 'node:path';

/**
 * Serves the Storage tab harness (index.html, harness.js) at
 * `/api/harness/`, from the backend's own origin, so the page calls the
 * backend as the demo app does, without cross-origin requests.
 */
export function harnessPlugin(dir: string) {
  return createBackendPlugin({
    pluginId: 'harness',
    register(env) {
      env.registerInit({
        deps: { http: coreServices.httpRouter },
        async init({ http }) {
          const router = express.Router();
          router.use(express.static(dir, { index: 'index.html' }));
          // Every other path is the single-page app's.
          router.get('*', (_req, res) => res.sendFile(join(dir, 'index.html')));
          http.use(router);
          http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        },
      });
    },
  });
}
