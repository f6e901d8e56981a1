import { CoreV1Api } from '@kubernetes/client-node';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import knexFactory from 'knex';
import {
  eventually,
  startStorageBackend,
} from '../__testUtils__/storageBackend';
import { isTooLargeResourceVersion } from './relistingWatch';

jest.setTimeout(90_000);

describe('isTooLargeResourceVersion', () => {
  it.each([
    [
      'the API server’s 504 with its cause',
      {
        code: 504,
        reason: 'Timeout',
        details: { causes: [{ reason: 'ResourceVersionTooLarge' }] },
      },
      true,
    ],
    ['a plain 504', { code: 504, reason: 'Timeout' }, false],
    ['410 Expired', { code: 410, reason: 'Expired' }, false],
    ['junk', 'nonsense', false],
    ['nothing', undefined, false],
  ])('%s', (_, status, expected) => {
    expect(isTooLargeResourceVersion(status)).toBe(expected);
  });
});

/**
 * A cluster replaced behind the same address (a restored control plane, a
 * simulator started again) serves versions lower than the ones the
 * informers watch from; the tracker must list again and follow the new
 * cluster, not wait for versions it may never reach.
 */
describe('a cluster replaced behind the same address', () => {
  it('is listed again and followed', async () => {
    let sim: EksSim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
    });
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    const api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    const createClaim = (name: string) =>
      sim.kubeConfig
        .makeApiClient(CoreV1Api)
        .createNamespacedPersistentVolumeClaim({
          namespace: 'payments',
          body: {
            metadata: {
              name,
              labels: { 'backstage.io/kubernetes-id': 'payments-api' },
            },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'gp3',
              resources: { requests: { storage: '1Gi' } },
            },
          },
        });
    const names = async () =>
      (
        (await api.get('/claims?entityRef=component:default/payments-api')).body
          .items ?? []
      )
        .map((c: { name: string }) => c.name)
        .sort()
        .join(',');
    try {
      await eventually(
        async () => (await api.get('/health')).body.clusters?.[0]?.synced,
        'the backend to sync',
      );
      // Versions climb well above what a fresh cluster starts from.
      for (let i = 0; i < 20; i++) await createClaim(`before-${i}`);
      await eventually(
        async () => (await names()).split(',').length === 20,
        'the first cluster’s claims',
      );

      const port = Number(new URL(sim.url).port);
      await sim.close();
      sim = await startEksSim({
        scenario: 'empty',
        clusterName: 'eks-dev',
        port,
      });
      await createClaim('after');

      await eventually(
        async () => (await names()) === 'after',
        'the backend to follow the new cluster',
        30_000,
      );
      expect(await names()).toBe('after');
    } finally {
      await api.stop();
      await knex.destroy();
      await sim.close();
    }
  });
});

/**
 * A kind that nobody changes for a while (claims in a quiet cluster while
 * pods and events churn) must reconnect from a version the server still
 * remembers: with bookmarks the informer keeps its version current, and a
 * dropped watch resumes without listing every object again.
 */
describe('a quiet kind whose watch is dropped', () => {
  it('resumes from a bookmark instead of listing again', async () => {
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
      historySize: 10,
      bookmarkIntervalMs: 100,
    });
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    const api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    const core = sim.kubeConfig.makeApiClient(CoreV1Api);
    const claimLists = () =>
      sim.requests.snapshot()['list persistentvolumeclaims'] ?? 0;
    try {
      await eventually(
        async () => (await api.get('/health')).body.clusters?.[0]?.synced,
        'the backend to sync',
      );
      const listedAtStart = claimLists();
      // Far more changes than the server remembers, none of them claims.
      for (let i = 0; i < 30; i++) {
        await core.createNamespacedEvent({
          namespace: 'payments',
          body: {
            metadata: { name: `churn-${i}` },
            involvedObject: { kind: 'Pod', name: 'web', namespace: 'payments' },
            reason: 'Pulled',
            message: 'Container image pulled',
            type: 'Normal',
          },
        });
      }
      // Long enough for a bookmark carrying the newest version.
      await new Promise(resolve => setTimeout(resolve, 500));
      sim.faults.dropWatches();
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: {
          metadata: {
            name: 'after-the-drop',
            labels: { 'backstage.io/kubernetes-id': 'payments-api' },
          },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'gp3',
            resources: { requests: { storage: '1Gi' } },
          },
        },
      });
      await eventually(
        async () =>
          (
            await api.get('/claims?entityRef=component:default/payments-api')
          ).body.items?.some(
            (c: { name: string }) => c.name === 'after-the-drop',
          ),
        'the claim made after the drop',
      );
      expect(claimLists()).toBe(listedAtStart);
    } finally {
      await api.stop();
      await knex.destroy();
      await sim.close();
    }
  });
});
