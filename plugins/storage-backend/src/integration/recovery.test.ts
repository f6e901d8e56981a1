import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import knexFactory, { Knex } from 'knex';
import {
  eventually,
  startStorageBackend,
} from '../__testUtils__/storageBackend';

jest.setTimeout(90_000);

const REQUEST_LABEL = 'storage.backstage.io/request-id';

describe('recovery', () => {
  let sim: EksSim;
  let knex: Knex;

  beforeEach(async () => {
    sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  });

  afterEach(async () => {
    await knex.destroy();
    await sim.close();
  });

  const claimsOf = async (requestId: string) =>
    (
      await sim.kubeConfig
        .makeApiClient(CoreV1Api)
        .listNamespacedPersistentVolumeClaim({
          namespace: 'payments',
          labelSelector: `${REQUEST_LABEL}=${requestId}`,
        })
    ).items;

  it('creates exactly one claim when the backend dies between approval and apply', async () => {
    // The cluster fails every call, so the approved request cannot be applied…
    sim.faults.setRequestFaults({ errorRate: 1, errorStatus: 500 });
    const first = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    const submitted = await first.post('/requests', {
      operation: 'create',
      entityRef: 'component:default/payments-api',
      cluster: 'eks-dev',
      namespace: 'payments',
      claimName: 'ledger-data',
      offering: 'ebs-gp3-immediate',
      size: '10Gi',
      accessMode: 'ReadWriteOnce',
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.request.id;
    await eventually(async () => {
      const { body } = await first.get(`/requests/${id}`);
      return body.request.attempts > 0 && body.request;
    }, 'a failed attempt');
    // …and the backend dies while applying it.
    await first.stop();
    await knex('storage_requests').where({ id }).update({ status: 'applying' });
    sim.faults.setRequestFaults({ errorRate: 0 });

    const second = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    try {
      const applied = await eventually(async () => {
        const { body } = await second.get(`/requests/${id}`);
        return body.request?.status === 'applied' && body;
      }, 'the request to be applied after the restart');
      expect(
        applied.history.map((h: { toStatus: string }) => h.toStatus),
      ).toEqual(
        expect.arrayContaining([
          'submitted',
          'approved',
          'applying',
          'applied',
        ]),
      );
      expect((await claimsOf(id)).map(c => c.metadata?.name)).toEqual([
        'ledger-data',
      ]);
      await eventually(async () => {
        const { body } = await second.get(
          '/claims/eks-dev/payments/ledger-data',
        );
        return body.diagnosis?.state === 'bound';
      }, 'the claim to bind');
      expect(await claimsOf(id)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('follows the cluster again after it restarts and forgets its watch history', async () => {
    const backend = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    try {
      const core = sim.kubeConfig.makeApiClient(CoreV1Api);
      const claim = (name: string) => ({
        metadata: {
          name,
          labels: { 'backstage.io/kubernetes-id': 'payments-api' },
        },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3-immediate',
          resources: { requests: { storage: '1Gi' } },
        },
      });
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: claim('before'),
      });
      const names = async () =>
        (
          await backend.get('/claims?entityRef=component:default/payments-api')
        ).body.items.map((c: { name: string }) => c.name);
      await eventually(
        async () => (await names()).includes('before'),
        'the first claim',
      );

      sim.faults.restart();
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: claim('after'),
      });
      await eventually(
        async () => (await names()).includes('after'),
        'the claim made after the restart',
      );
      expect(await names()).toEqual(['after', 'before']);
    } finally {
      await backend.stop();
    }
  });

  it('shows the claims a StatefulSet makes on its entity', async () => {
    const backend = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    try {
      const labels = {
        app: 'payments-db',
        'backstage.io/kubernetes-id': 'payments-api',
      };
      await sim.kubeConfig
        .makeApiClient(AppsV1Api)
        .createNamespacedStatefulSet({
          namespace: 'payments',
          body: {
            metadata: { name: 'payments-db', labels },
            spec: {
              serviceName: 'payments-db',
              replicas: 2,
              selector: { matchLabels: labels },
              template: {
                metadata: { labels },
                spec: {
                  containers: [{ name: 'postgres', image: 'postgres:17' }],
                },
              },
              volumeClaimTemplates: [
                {
                  metadata: { name: 'data' },
                  spec: {
                    accessModes: ['ReadWriteOnce'],
                    storageClassName: 'gp3',
                    resources: { requests: { storage: '10Gi' } },
                  },
                },
              ],
            },
          },
        });
      const claims = await eventually(async () => {
        const { body } = await backend.get(
          '/claims?entityRef=component:default/payments-api',
        );
        const bound = body.items.filter(
          (c: { diagnosis: { state: string } }) =>
            c.diagnosis.state === 'bound',
        );
        return bound.length === 2 && body.items;
      }, 'both StatefulSet claims to bind');
      expect(claims.map((c: { name: string }) => c.name)).toEqual([
        'data-payments-db-0',
        'data-payments-db-1',
      ]);
      expect(claims[0].requestId).toBeUndefined();
    } finally {
      await backend.stop();
    }
  });
});
