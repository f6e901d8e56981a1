import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { storagePlugin } from '../plugin';

type BackendFeatureLike = NonNullable<
  Parameters<typeof startTestBackend>[0]['features']
>[number];

/** The example catalog's components, owned as in examples/entities.yaml. */
export const entities: Entity[] = [
  ['payments-api', 'payments', 'team-payments', 'payments-api'],
  ['checkout-web', 'checkout', 'team-payments', 'checkout-web'],
  ['analytics-pipeline', 'analytics', 'team-data', 'analytics-pipeline'],
  // An entity whose workloads carry another label than its name.
  ['ledger-service', 'payments', 'team-payments', 'ledger'],
].map(([name, namespace, owner, kubernetesId]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': kubernetesId,
      'backstage.io/kubernetes-namespace': namespace,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
}));

/** Offerings over the StorageClasses eks-sim's scenarios install. */
export const offerings = [
  {
    id: 'ebs-gp3',
    title: 'Block storage (EBS gp3)',
    driver: 'ebs',
    storageClassName: 'gp3',
    parameters: { type: 'gp3', encrypted: 'true' },
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
    size: { min: '1Gi', max: '2Ti', default: '20Gi' },
    recommendedFor: ['database', 'message-broker'],
  },
  {
    id: 'ebs-gp3-immediate',
    title: 'Block storage (EBS gp3), bound at once',
    driver: 'ebs',
    storageClassName: 'gp3-immediate',
    parameters: { type: 'gp3', encrypted: 'true' },
    accessModes: ['ReadWriteOnce'],
    size: { min: '1Gi', max: '2Ti', default: '20Gi' },
  },
  {
    id: 'efs-shared',
    title: 'Shared files (EFS)',
    driver: 'efs',
    storageClassName: 'efs',
    parameters: {
      provisioningMode: 'efs-ap',
      fileSystemId: 'fs-0123456789abcdef0',
      directoryPerms: '700',
    },
    accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
    size: { default: '5Gi' },
    recommendedFor: ['ci-workspace', 'shared-files'],
  },
  {
    id: 's3-bucket',
    title: 'S3 bucket mount',
    driver: 's3',
    storageClassName: 'static',
    accessModes: ['ReadOnlyMany', 'ReadWriteMany'],
    size: { default: '1Gi' },
    mountOptions: ['uid=1000', 'gid=1000'],
    existingVolumes: [
      { id: 'team-data-lake', owners: ['group:default/team-data'] },
      { id: 'public-datasets' },
    ],
  },
  {
    id: 'ebs-existing',
    title: 'An existing EBS volume',
    driver: 'ebs',
    storageClassName: 'static',
    parameters: { type: 'gp3' },
    accessModes: ['ReadWriteOnce'],
    size: { min: '1Gi', max: '16Ti', default: '20Gi' },
  },
];

export function backendConfig(clusters: Array<{ name: string; url: string }>) {
  return {
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(cluster => ({
            ...cluster,
            authProvider: 'serviceAccount',
            serviceAccountToken: 'integration-test',
            skipTLSVerify: true,
          })),
        },
      ],
    },
    storage: {
      offerings,
      approvals: { platformApprovers: ['group:default/platform-team'] },
    },
  };
}

/** The storage plugin on a test backend, with a real database and clusters. */
export async function startStorageBackend(options: {
  clusters: Array<{ name: string; url: string }>;
  knex: Knex;
  /** Replaces services, e.g. a permissions service that denies. */
  features?: Parameters<typeof startTestBackend>[0]['features'];
  /** Replaces the catalog (the example entities by default). */
  catalog?: BackendFeatureLike;
  /** Extra config under `storage`. */
  storageConfig?: object;
}) {
  const config = backendConfig(options.clusters);
  const backend = await startTestBackend({
    features: [
      storagePlugin,
      mockServices.rootConfig.factory({
        data: {
          ...config,
          storage: { ...config.storage, ...options.storageConfig },
        },
      }),
      mockServices.database.factory({ knex: options.knex }),
      options.catalog ?? catalogServiceMock.factory({ entities }),
      // The real scheduler, so the apply worker runs on its own schedule and
      // resumes work after a restart as it does in production.
      schedulerServiceFactory,
      ...(options.features ?? []),
    ],
  });
  const agent = request(backend.server);
  const auth = [
    'Authorization',
    mockCredentials.user.header('user:default/alice'),
  ] as const;
  return {
    stop: () => backend.stop(),
    /** For requests without credentials, or with others. */
    agent,
    get: (path: string) => agent.get(`/api/storage${path}`).set(...auth),
    post: (path: string, body: object | string) =>
      agent
        .post(`/api/storage${path}`)
        .set(...auth)
        .type('json')
        .send(body),
  };
}

/** Polls until `check` returns something truthy, or fails with the last value. */
export async function eventually<T>(
  check: () => Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `Timed out waiting for ${what}; last saw ${JSON.stringify(last)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/**
 * A simulated cluster (`eks-dev`), an in-memory database and the plugin on a
 * test backend, started before the tests of the calling block and stopped
 * after them. Read the fields inside tests.
 */
export function useSimulatedStorage(
  options: {
    features?: Parameters<typeof startTestBackend>[0]['features'];
    catalog?: BackendFeatureLike;
    storageConfig?: object;
  } = {},
) {
  const env = {} as {
    sim: EksSim;
    knex: Knex;
    api: Awaited<ReturnType<typeof startStorageBackend>>;
  };
  beforeAll(async () => {
    env.sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    env.knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    env.api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: env.sim.url }],
      knex: env.knex,
      features: options.features,
      catalog: options.catalog,
      storageConfig: options.storageConfig,
    });
  });
  afterAll(async () => {
    await env.api?.stop();
    await env.knex?.destroy();
    await env.sim?.close();
  });
  return env;
}
