import { mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api, StorageV1Api } from '@kubernetes/client-node';
import { ClaimTransition } from '@eks-storage/backstage-plugin-storage-common';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import knexFactory, { Knex } from 'knex';
import { eventually } from '../__testUtils__/storageBackend';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import {
  ClaimTransitionStore,
  NewClaimTransition,
} from '../database/ClaimTransitionStore';
import { DatabaseClaimTransitionStore } from '../database/DatabaseClaimTransitionStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { FaultProxy, startFaultProxy } from '../reliability/faultProxy';
import { ClaimTracker, ClaimTrackerOptions } from './ClaimTracker';
import { ClaimSummary } from './claimView';
import { claimKey, splitClaimKey } from './claimKey';
import { RateLimitedQueue } from './RateLimitedQueue';

jest.setTimeout(120_000);

const STORAGE_CLASSES = '/apis/storage.k8s.io/v1/storageclasses';
const labels = { 'backstage.io/kubernetes-id': 'payments-api' };

const claim = (name: string, storageClassName: string) => ({
  metadata: { name, labels },
  spec: {
    accessModes: ['ReadWriteOnce'],
    storageClassName,
    resources: { requests: { storage: '1Gi' } },
  },
});

const pod = (name: string, claimName: string) => ({
  metadata: { name, labels },
  spec: {
    containers: [{ name: 'app', image: 'busybox' }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
  },
});

describe('ClaimTracker guarantees', () => {
  let sim: EksSim;
  let proxy: FaultProxy | undefined;
  let knex: Knex;
  let store: DatabaseClaimTransitionStore;
  let tracker: ClaimTracker | undefined;
  let changes: Array<{ claim: ClaimSummary; transition?: ClaimTransition }>;

  beforeEach(async () => {
    changes = [];
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await applyDatabaseMigrations({ getClient: async () => knex });
    store = new DatabaseClaimTransitionStore(knex);
  });

  afterEach(async () => {
    await tracker?.stop();
    tracker = undefined;
    await proxy?.close();
    proxy = undefined;
    await sim?.close();
    await knex.destroy();
  });

  const core = () => sim.kubeConfig.makeApiClient(CoreV1Api);
  const history = async (name: string) =>
    (await store.list({ cluster: 'eks-dev', namespace: 'payments', name })).map(
      t => t.toState,
    );

  function startTracker(
    url: string,
    options: Partial<ClaimTrackerOptions> = {},
  ): Promise<void> {
    tracker = new ClaimTracker({
      clusters: new ClusterRegistry([
        {
          name: 'eks-dev',
          title: 'eks-dev',
          url,
          auth: { provider: 'anonymous' },
          skipTLSVerify: true,
        },
      ]),
      transitions: store,
      logger: mockServices.logger.mock(),
      debounceMs: 20,
      restartDelayMs: 100,
      onChange: (summary, transition) =>
        changes.push({ claim: summary, transition }),
      ...options,
    });
    return tracker.start();
  }

  it('diagnoses, records and announces nothing before every list is in', async () => {
    sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    await core().createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: claim('early', 'gp3'),
    });
    proxy = await startFaultProxy(sim.url);
    // The StorageClass list fails once, then takes two seconds.
    proxy.failList(STORAGE_CLASSES, 1);
    proxy.slowList(STORAGE_CLASSES, 2000);
    const started = startTracker(proxy.url);
    const seen: Array<{ synced: boolean; claims: number }> = [];
    const watcher = setInterval(() => {
      const [status] = tracker!.clusterStatus();
      if (status) seen.push(status);
    }, 50);
    await new Promise(resolve => setTimeout(resolve, 1500));
    // Meanwhile a claim arrives, and the debounce window passes many times.
    await core().createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: claim('meanwhile', 'gp3'),
    });
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(tracker!.clusterStatus()[0].synced).toBe(false);
    expect(tracker!.listClaims({ selector: [] })).toEqual([]);
    // Offerings list no cluster whose classes are not all listed yet.
    expect(tracker!.storageClassesByCluster()).toEqual({});
    expect(changes).toEqual([]);
    expect(await history('early')).toEqual([]);

    await started;
    await eventually(
      async () => tracker!.clusterStatus()[0].synced,
      'the cluster to sync',
    );
    clearInterval(watcher);
    expect(seen.filter(s => s.synced && s.claims === 0)).toEqual([]);
    expect(tracker!.storageClassesByCluster()['eks-dev']).toEqual(
      expect.arrayContaining(['gp3']),
    );
    expect(await history('early')).toEqual(['waiting-for-consumer']);
    expect(await history('meanwhile')).toEqual(['waiting-for-consumer']);
    const rows = await knex('storage_claim_transitions').select('headline');
    expect(
      rows.filter(r => /not exist|not found|missing/i.test(r.headline)),
    ).toEqual([]);
    // The first sync is recorded, not announced.
    expect(changes).toEqual([]);
  });

  it('records and announces in the order observed, one flush at a time', async () => {
    sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    let firstCall: (() => void) | undefined;
    const firstCallMade = new Promise<void>(resolve => {
      firstCall = resolve;
    });
    let calls = 0;
    const slowFirst: ClaimTransitionStore = Object.create(store);
    slowFirst.recordMany = async (batch: NewClaimTransition[]) => {
      calls += 1;
      if (calls === 1) {
        firstCall!();
        await new Promise(resolve => setTimeout(resolve, 1500));
      }
      return store.recordMany(batch);
    };
    await startTracker(sim.url, { transitions: slowFirst });
    await core().createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: claim('ordered', 'gp3'),
    });
    await firstCallMade;
    // While the first state is being recorded, the claim binds.
    await core().createNamespacedPod({
      namespace: 'payments',
      body: pod('ordered-user', 'ordered'),
    });
    await eventually(
      async () => (await history('ordered')).includes('bound'),
      'the bound state to be recorded',
    );
    expect(await history('ordered')).toEqual(['waiting-for-consumer', 'bound']);
    const latest = await store.latestByClaim('eks-dev');
    expect(latest.get('payments/ordered')?.toState).toBe('bound');
    const announced = changes
      .filter(c => c.claim.name === 'ordered' && c.transition)
      .map(c => c.transition!.toState);
    expect(announced).toEqual(['waiting-for-consumer', 'bound']);
  });

  it('puts transitions that failed to record back on a rate-limited queue', async () => {
    sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    let failures = 3;
    const attempts: number[] = [];
    const failing: ClaimTransitionStore = Object.create(store);
    failing.recordMany = async (batch: NewClaimTransition[]) => {
      attempts.push(Date.now());
      if (failures > 0) {
        failures -= 1;
        throw new Error('database is down');
      }
      return store.recordMany(batch);
    };
    await startTracker(sim.url, {
      transitions: failing,
      retryBaseDelayMs: 100,
    });
    await core().createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: claim('kept', 'gp3-immediate'),
    });
    await eventually(
      async () => (await history('kept')).includes('bound'),
      'the transitions to be recorded once the database is back',
      // Generous: a loaded machine slows the simulator's binding, not the logic.
      60_000,
    );
    expect((await history('kept')).at(-1)).toBe('bound');
    expect(new Set(await history('kept')).size).toBe(
      (await history('kept')).length,
    );
    // Each retry waited longer than the one before.
    const gaps = attempts.slice(1, 4).map((at, i) => at - attempts[i]);
    expect(gaps[1]).toBeGreaterThanOrEqual(gaps[0]);
    expect(gaps[2]).toBeGreaterThanOrEqual(190);
  });

  it('re-evaluates diagnoses that depend on elapsed time without any event', async () => {
    // No repeated events while the claim waits: only time passes.
    sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
      delays: { waitingEventMs: 60 * 60 * 1000 },
    });
    const storage = sim.kubeConfig.makeApiClient(StorageV1Api);
    await storage.createCSIDriver({
      body: {
        metadata: { name: 'files.csi.example.com' },
        spec: { attachRequired: false },
      },
    });
    await storage.createStorageClass({
      body: {
        metadata: { name: 'vendor-files' },
        provisioner: 'files.csi.example.com',
        volumeBindingMode: 'Immediate',
      },
    });
    let offsetMs = 0;
    await startTracker(sim.url, {
      clock: () => new Date(Date.now() + offsetMs),
      resyncIntervalMs: 200,
    });
    await core().createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: claim('waiting', 'vendor-files'),
    });
    const current = () =>
      tracker!.listClaims({ selector: [] }).find(c => c.name === 'waiting');
    await eventually(
      async () => current()?.diagnosis.state === 'provisioning',
      'the claim to wait for its external provisioner',
    );
    // Resyncs before the time passes change nothing.
    await new Promise(resolve => setTimeout(resolve, 600));
    const before = current()!;
    expect(before.diagnosis.explanation).not.toMatch(/waited/);
    offsetMs = 11 * 60 * 1000;
    const after = (await eventually(
      async () => {
        const now = tracker!
          .listClaims({ selector: [] })
          .find(c => c.name === 'waiting');
        return now?.diagnosis.state !== before.diagnosis.state && now;
      },
      'the diagnosis to change as time passes',
      5000,
    )) as ClaimSummary;
    expect(after.diagnosis.explanation).toMatch(/waited 11 minutes/);
    expect(await history('waiting')).toEqual([
      before.diagnosis.state,
      after.diagnosis.state,
    ]);
  });

  it('has one key for a claim, which splits back', () => {
    const key = claimKey('payments', 'ledger-data');
    expect(key).toBe('payments/ledger-data');
    expect(splitClaimKey(key)).toEqual({
      namespace: 'payments',
      name: 'ledger-data',
    });
  });

  it('rate-limits each key on its own, doubling up to a maximum', () => {
    let now = 0;
    const queue = new RateLimitedQueue({
      baseDelayMs: 100,
      maxDelayMs: 300,
      now: () => now,
    });
    expect(queue.addRateLimited('a')).toBe(100);
    expect(queue.addRateLimited('a')).toBe(200);
    expect(queue.addRateLimited('a')).toBe(300);
    expect(queue.addRateLimited('b')).toBe(100);
    expect(queue.isWaiting('a')).toBe(true);
    expect(queue.nextDueInMs()).toBe(100);
    now = 300;
    expect(queue.isWaiting('a')).toBe(false);
    queue.forget('a');
    expect(queue.numRequeues('a')).toBe(0);
    expect(queue.addRateLimited('a')).toBe(100);
  });
});
