/**
 * The storage backend in a process of its own, for the fault suite to kill
 * with SIGKILL: the plugin with the real scheduler against one cluster
 * (RELIABILITY_SIM_URL) and a SQLite file (RELIABILITY_DB_FILE) that
 * outlives it. Requests of 2Gi and more wait for the platform team;
 * smaller ones are approved at once. Prints `listening <port>` once it
 * serves.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { AddressInfo } from 'node:net';
import { backendConfig, entities } from '../../__testUtils__/storageBackend';
import { orgEntities } from '../../__testUtils__/identities';
import { storagePlugin } from '../../plugin';

async function main() {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: process.env.RELIABILITY_DB_FILE!,
    useNullAsDefault: true,
  });
  const config = backendConfig([
    { name: 'eks-dev', url: process.env.RELIABILITY_SIM_URL! },
  ]);
  const backend = await startTestBackend({
    features: [
      storagePlugin,
      mockServices.rootConfig.factory({
        data: {
          ...config,
          storage: {
            ...config.storage,
            approvals: {
              rules: [
                {
                  name: 'large',
                  match: { size: { min: '2Gi' } },
                  outcome: 'require-approval',
                  approvers: ['group:default/platform-team'],
                },
              ],
              default: { outcome: 'auto-approve' },
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [...entities, ...orgEntities] }),
      schedulerServiceFactory,
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  process.stdout.write(`listening ${port}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
