import { resolve } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { startTestBackend } from '@backstage/backend-test-utils';

const ROOT = resolve(__dirname, '../../../..');
export const APP_CONFIG = resolve(ROOT, 'app-config.yaml');
export const PRODUCTION_CONFIG = resolve(ROOT, 'app-config.production.yaml');

/**
 * The config a backend started with these files reads, as Backstage loads
 * it (merged in order, environment variables substituted).
 */
export async function loadRepoConfig(
  files: string[],
): Promise<RootConfigService> {
  let captured: RootConfigService | undefined;
  const capture = createBackendPlugin({
    pluginId: 'capture-config',
    register(reg) {
      reg.registerInit({
        deps: { config: coreServices.rootConfig },
        async init({ config }) {
          captured = config;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      capture,
      rootConfigServiceFactory({
        argv: ['node', 'backend', ...files.flatMap(f => ['--config', f])],
        watch: false,
      }),
    ],
  });
  await backend.stop();
  return captured!;
}
