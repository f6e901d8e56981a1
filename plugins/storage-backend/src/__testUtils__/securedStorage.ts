import { mockCredentials } from '@backstage/backend-test-utils';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { entities, useSimulatedStorage } from './storageBackend';
import {
  authHeader,
  capturedSignals,
  caseInsensitiveCatalog,
  orgEntities,
  ownerPolicyPermissions,
  people,
} from './identities';

export { people };

/**
 * The plugin against a simulated cluster, with the demo's permission
 * policy, a catalog that matches references as the real one does, and
 * every published signal kept for assertions.
 */
export function useSecuredStorage(storageConfig?: object) {
  const signals = capturedSignals();
  const env = useSimulatedStorage({
    features: [ownerPolicyPermissions, signals.factory],
    catalog: caseInsensitiveCatalog([...entities, ...orgEntities]),
    storageConfig,
  });
  const as = (user: string | undefined) => {
    // The test backend takes a request without a token as a default user:
    // anonymous callers send the mock's explicit "no credentials" token.
    const withAuth = (r: any) =>
      r.set(
        'Authorization',
        user ? authHeader(user) : mockCredentials.none.header(),
      );
    return {
      get: (path: string) => withAuth(env.api.agent.get(`/api/storage${path}`)),
      post: (path: string, body: unknown) =>
        withAuth(
          env.api.agent
            .post(`/api/storage${path}`)
            .type('json')
            .send(typeof body === 'string' ? body : JSON.stringify(body)),
        ),
    };
  };
  /** Everything stored: requests, their history, claim transitions. */
  const databaseRows = async () => {
    const counts = await Promise.all(
      ['storage_requests', 'storage_request_history'].map(async table =>
        Number((await env.knex(table).count({ n: '*' }).first())?.n ?? 0),
      ),
    );
    return counts.join('/');
  };
  /** The stored requests (their history moves on with the apply worker). */
  const requestRows = async () =>
    Number(
      (await env.knex('storage_requests').count({ n: '*' }).first())?.n ?? 0,
    );
  /** Everything a request could create in the cluster: claims, volumes, snapshots. */
  const clusterObjects = async () => {
    const core = env.sim.kubeConfig.makeApiClient(CoreV1Api);
    const custom = env.sim.kubeConfig.makeApiClient(CustomObjectsApi);
    const [pvcs, pvs, snapshots] = await Promise.all([
      core.listPersistentVolumeClaimForAllNamespaces(),
      core.listPersistentVolume(),
      custom.listClusterCustomObject({
        group: 'snapshot.storage.k8s.io',
        version: 'v1',
        plural: 'volumesnapshots',
      }) as Promise<{
        items: Array<{ metadata: { namespace: string; name: string } }>;
      }>,
    ]);
    return [
      ...pvcs.items.map(
        o => `pvc ${o.metadata?.namespace}/${o.metadata?.name}`,
      ),
      ...pvs.items.map(o => `pv ${o.metadata?.name}`),
      ...snapshots.items.map(
        o => `snapshot ${o.metadata.namespace}/${o.metadata.name}`,
      ),
    ].sort();
  };
  return {
    env,
    as,
    signals: signals.published,
    databaseRows,
    requestRows,
    clusterObjects,
  };
}
