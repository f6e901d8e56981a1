import { mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import { ClaimTransition } from '@eks-storage/backstage-plugin-storage-common';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import knexFactory, { Knex } from 'knex';
import { eventually } from '../__testUtils__/storageBackend';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { DatabaseClaimTransitionStore } from '../database/DatabaseClaimTransitionStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { ClaimTracker } from './ClaimTracker';
import { ClaimSummary } from './claimView';

jest.setTimeout(30_000);

describe('ClaimTracker', () => {
  let sim: EksSim;
  let knex: Knex;
  let tracker: ClaimTracker;
  const changes: Array<{ claim: ClaimSummary; transition?: ClaimTransition }> =
    [];
  const labels = { 'backstage.io/kubernetes-id': 'payments-api' };

  beforeAll(async () => {
    sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await applyDatabaseMigrations({ getClient: async () => knex });
    tracker = new ClaimTracker({
      clusters: new ClusterRegistry([
        {
          name: 'eks-dev',
          title: 'eks-dev',
          url: sim.url,
          auth: { provider: 'anonymous' },
          skipTLSVerify: true,
        },
      ]),
      transitions: new DatabaseClaimTransitionStore(knex),
      logger: mockServices.logger.mock(),
      debounceMs: 20,
      onChange: (claim, transition) => changes.push({ claim, transition }),
    });
    await tracker.start();
  });

  afterAll(async () => {
    await tracker?.stop();
    await knex?.destroy();
    await sim?.close();
  });

  const core = () => sim.kubeConfig.makeApiClient(CoreV1Api);
  const changesOf = (name: string) =>
    changes.filter(c => c.claim.name === name);

  it('tells of every visible change, so an open page never stays stale', async () => {
    await core().createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: {
        metadata: { name: 'orders', labels },
        spec: {
          accessModes: ['ReadWriteMany'],
          storageClassName: 'ontap-nas',
          resources: { requests: { storage: '1Gi' } },
        },
      },
    });
    await eventually(
      async () =>
        changesOf('orders').some(c => c.claim.diagnosis.state === 'bound'),
      'the claim to bind',
    );
    await core().patchNamespacedPersistentVolumeClaim({
      name: 'orders',
      namespace: 'payments',
      body: [
        {
          op: 'replace',
          path: '/spec/resources/requests/storage',
          value: '2Gi',
        },
      ],
    });
    await eventually(async () => {
      const last = changesOf('orders').at(-1)!.claim;
      return (
        last.requested === '2Gi' &&
        last.capacity === '2Gi' &&
        last.diagnosis.state === 'bound'
      );
    }, 'the last change to show the grown claim');
    const [claim] = tracker.listClaims({ selector: [] });
    expect(claim).toMatchObject({
      name: 'orders',
      requested: '2Gi',
      capacity: '2Gi',
    });
  });

  it('tells of a deletion with the claim and its labels, once', async () => {
    await core().deleteNamespacedPersistentVolumeClaim({
      name: 'orders',
      namespace: 'payments',
    });
    const deleted = await eventually(
      async () =>
        changesOf('orders').find(c => c.transition?.toState === 'deleted'),
      'the deletion',
    );
    expect(deleted.claim.labels).toEqual(labels);
    expect(
      changesOf('orders').filter(c => c.transition?.toState === 'deleted'),
    ).toHaveLength(1);
    expect(tracker.listClaims({ selector: [] }).map(c => c.name)).not.toContain(
      'orders',
    );
  });
});
