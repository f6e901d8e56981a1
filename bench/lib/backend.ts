/**
 * A Backstage backend for the benchmarks: the storage plugin and, beside
 * it, the official Kubernetes plugin and the signals plugin, on one
 * in-memory database, with the real scheduler, configured on the same
 * simulated clusters. Catalog, auth and permissions are Backstage's test
 * services (every signed-in caller may read), the same for both plugins.
 */
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import knexFactory from 'knex';
import type { AddressInfo } from 'node:net';
import { offerings } from '../../plugins/storage-backend/src/__testUtils__/storageBackend';
import { storagePlugin } from '../../plugins/storage-backend/src/plugin';
import { entityId, namespaceOf } from './fleet';

export const USER = 'user:default/alice';
export const authHeader = mockCredentials.user.header(USER);

/** Components app-000 … owned by team-payments, each in its team namespace. */
export function fleetEntities(count: number, namespaces: number): Entity[] {
  return Array.from({ length: count }, (_, n) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityId(n),
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': entityId(n),
        'backstage.io/kubernetes-namespace': namespaceOf(n, namespaces),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
  }));
}

export interface BenchBackendOptions {
  clusters: Array<{ name: string; url: string }>;
  entities: Entity[];
  /** The official Kubernetes plugin too. */
  kubernetes?: boolean;
  /** The signals plugin (its websocket at /api/signals). */
  signals?: boolean;
  /** Extra settings under `storage`. */
  storage?: object;
  /** More backend features (the Storage tab harness). */
  features?: any[];
}

export async function startBenchBackend(options: BenchBackendOptions) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const features: any[] = [
    storagePlugin,
    mockServices.rootConfig.factory({
      data: {
        events: { useEventBus: 'never' },
        kubernetes: {
          serviceLocatorMethod: { type: 'multiTenant' },
          objectTypes: [
            'pods',
            'services',
            'statefulsets',
            'persistentvolumeclaims',
            'persistentvolumes',
          ],
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: options.clusters.map(cluster => ({
                ...cluster,
                authProvider: 'serviceAccount',
                serviceAccountToken: 'bench',
                skipTLSVerify: true,
                skipMetricsLookup: true,
              })),
            },
          ],
        },
        storage: {
          offerings,
          approvals: { platformApprovers: ['group:default/platform-team'] },
          // The platform console's scheduled collection and housekeeping
          // (every 10 and 5 minutes) first run 30 s and 1 min after start,
          // right inside a benchmark's few minutes: they run after it, so
          // the figures are the pages', not the console's schedule.
          fleet: {
            collection: {
              frequency: { minutes: 10 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 1 },
            },
            housekeeping: {
              frequency: { minutes: 5 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 1 },
            },
          },
          ...options.storage,
        },
      },
    }),
    mockServices.database.factory({ knex }),
    catalogServiceMock.factory({ entities: options.entities }),
    schedulerServiceFactory,
    eventsServiceFactory,
    ...(process.env.BENCH_BACKEND_LOG
      ? [
          mockServices.rootLogger.factory({
            level: process.env.BENCH_BACKEND_LOG as any,
          }),
        ]
      : []),
  ];
  if (options.kubernetes) {
    features.push(import('@backstage/plugin-kubernetes-backend'));
  }
  if (options.signals) {
    features.push(import('@backstage/plugin-signals-backend'));
  }
  features.push(...(options.features ?? []));
  const backend = await startTestBackend({ features });
  const { port } = backend.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    server: backend.server,
    stop: async () => {
      await backend.stop();
      await knex.destroy();
    },
  };
}

/** Polls the storage backend until every cluster is synced and diagnosed. */
export async function waitForSync(url: string, timeoutMs = 600_000) {
  const started = Date.now();
  for (;;) {
    // A first sync keeps the backend busy: a poll refused or reset while
    // it lists is asked again.
    const body: any = await fetch(`${url}/api/storage/health`, {
      headers: { Authorization: authHeader },
    })
      .then(response => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    if (
      body?.clusters?.length &&
      body.clusters.every((c: { synced: boolean }) => c.synced)
    ) {
      return body.clusters as Array<{ name: string; claims: number }>;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`clusters not synced: ${JSON.stringify(body)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** Warnings and errors only: a benchmark's output is its figures. */
export const quietLogger = {
  error: (message: string) => console.error(message),
  warn: (message: string) => console.warn(message),
  info: () => {},
  debug: () => {},
  child: () => quietLogger,
} as any;
