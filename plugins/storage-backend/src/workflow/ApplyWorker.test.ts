import {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CoreV1Api } from '@kubernetes/client-node';
import {
  parseOfferings,
  render,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  backendConfig,
  entities,
  eventually,
  offerings,
} from '../__testUtils__/storageBackend';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { DatabaseRequestStore } from '../database/DatabaseRequestStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { storagePlugin } from '../plugin';
import { ApplyWorker } from './ApplyWorker';

jest.setTimeout(60_000);

const REQUEST_LABEL = 'storage.backstage.io/request-id';
const offering = parseOfferings(offerings).offerings.find(
  o => o.id === 'ebs-gp3-immediate',
)!;

function newRequest(id: string) {
  const spec = storageRequestSchema.parse({
    requestId: id,
    operation: 'create',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName: id,
    offering: offering.id,
    size: '1Gi',
    accessMode: 'ReadWriteOnce',
  });
  return {
    id,
    operation: 'create' as const,
    entityRef: spec.entityRef,
    cluster: spec.cluster,
    namespace: spec.namespace,
    claimName: spec.claimName,
    offeringId: offering.id,
    spec,
    manifests: render(spec, offering),
    requestedBy: 'user:default/alice',
  };
}

function sqlite(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

const POSTGRES = Object.entries(process.env).find(([key]) =>
  /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(key),
)?.[1];
if (!POSTGRES && process.env.CI) {
  throw new Error(
    'No PostgreSQL for the two-replica apply test: set BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING',
  );
}

function clusters(sim: EksSim) {
  return new ClusterRegistry([
    {
      name: 'eks-dev',
      title: 'eks-dev',
      url: sim.url,
      auth: { provider: 'anonymous' },
      skipTLSVerify: true,
    },
  ]);
}

/** Counts the server-side applies a registry's client sends. */
function countApplies(registry: ClusterRegistry) {
  const objects = registry.get('eks-dev')!.objects;
  return jest.spyOn(objects, 'patch');
}

async function claimsOf(sim: EksSim, id: string) {
  const { items } = await sim.kubeConfig
    .makeApiClient(CoreV1Api)
    .listNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      labelSelector: `${REQUEST_LABEL}=${id}`,
    });
  return items;
}

describe('ApplyWorker', () => {
  let sim: EksSim;

  beforeEach(async () => {
    sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('applies a request stored approved at once, without the scheduled run', async () => {
    // A scheduler that never runs the task: what a replica sees while
    // another replica, killed mid-run, still holds the task's lock.
    const scheduled: string[] = [];
    const triggered: string[] = [];
    const scheduler: Partial<SchedulerService> = {
      async scheduleTask(task: SchedulerServiceTaskInvocationDefinition) {
        scheduled.push(task.id);
      },
      async triggerTask(id: string) {
        triggered.push(id);
      },
      async getScheduledTasks() {
        return [];
      },
      createScheduledTaskRunner: () => ({
        run: async () => {},
      }),
    };
    const knex = sqlite();
    const backend = await startTestBackend({
      features: [
        storagePlugin,
        mockServices.rootConfig.factory({
          data: backendConfig([{ name: 'eks-dev', url: sim.url }]),
        }),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler as SchedulerService,
        }),
      ],
    });
    try {
      const reply = await request(backend.server)
        .post('/api/storage/requests')
        .set('Authorization', mockCredentials.user.header('user:default/alice'))
        .send(newRequest('now-1').spec);
      expect(reply.status).toBe(201);
      expect(reply.body.request.status).toBe('approved');
      const history = await eventually(async () => {
        const rows = await knex('storage_request_history')
          .where('request_id', 'now-1')
          .orderBy('id')
          .select('from_status', 'to_status', 'actor');
        return rows.some(r => r.to_status === 'applied') && rows;
      }, 'the request to be applied');
      expect(history).toEqual([
        {
          from_status: null,
          to_status: 'submitted',
          actor: expect.any(String),
        },
        { from_status: 'submitted', to_status: 'approved', actor: 'policy' },
        {
          from_status: 'approved',
          to_status: 'applying',
          actor: 'apply-worker',
        },
        {
          from_status: 'applying',
          to_status: 'applied',
          actor: 'apply-worker',
        },
      ]);
      // The task is scheduled as the safety net, and did none of this.
      expect(scheduled).toContain('storage-apply-worker');
      expect(triggered).toEqual([]);
      expect(await claimsOf(sim, 'now-1')).toHaveLength(1);
    } finally {
      await backend.stop();
      await knex.destroy();
    }
  });

  it('takes over a request left applying by a killed process once its lease runs out, and leaves one in flight alone', async () => {
    const knex = sqlite();
    await applyDatabaseMigrations({ getClient: async () => knex });
    const store = new DatabaseRequestStore(knex);
    let now = new Date('2026-11-29T12:00:00Z');
    const registry = clusters(sim);
    const applies = countApplies(registry);
    const worker = new ApplyWorker({
      store,
      clusters: registry,
      logger: mockServices.logger.mock(),
      leaseMs: 30_000,
      now: () => now,
    });
    try {
      await store.create(newRequest('killed'));
      await store.transition('killed', {
        from: ['submitted'],
        to: 'approved',
        actor: 'policy',
      });
      // A process takes it and dies before applying.
      await store.transition('killed', {
        from: ['approved'],
        to: 'applying',
        actor: 'apply-worker',
        nextAttemptAt: new Date(now.getTime() + 30_000),
      });
      // While the lease holds, no run takes it: it may be in flight.
      expect(await worker.runOnce()).toBe(0);
      expect(await worker.applyNow('killed')).toBe(false);
      expect(applies).not.toHaveBeenCalled();

      now = new Date(now.getTime() + 31_000);
      expect(await worker.runOnce()).toBe(1);
      expect(await worker.runOnce()).toBe(0);
      const stored = await store.get('killed');
      expect(stored).toMatchObject({ status: 'applied', attempts: 1 });
      expect(
        (await store.history('killed')).map(
          h => `${h.fromStatus ?? ''}>${h.toStatus}`,
        ),
      ).toEqual([
        '>submitted',
        'submitted>approved',
        'approved>applying',
        'applying>applying',
        'applying>applied',
      ]);
      expect(applies).toHaveBeenCalledTimes(1);
      expect(await claimsOf(sim, 'killed')).toHaveLength(1);
    } finally {
      await knex.destroy();
    }
  });

  it('applies a request once when two replicas on one PostgreSQL race to apply it now', async () => {
    // Without a PostgreSQL (outside CI, where it is required) there is no
    // second replica to share one with.
    if (!POSTGRES) return;
    const name = `apply_race_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = knexFactory({ client: 'pg', connection: POSTGRES });
    await admin.raw(`create database ${name}`);
    const connection = Object.assign(new URL(POSTGRES!), {
      pathname: `/${name}`,
    }).href;
    const knexes = [0, 1].map(() => knexFactory({ client: 'pg', connection }));
    try {
      await applyDatabaseMigrations({ getClient: async () => knexes[0] });
      const replicas = knexes.map(knex => {
        const registry = clusters(sim);
        return {
          store: new DatabaseRequestStore(knex),
          applies: countApplies(registry),
          worker: new ApplyWorker({
            store: new DatabaseRequestStore(knex),
            clusters: registry,
            logger: mockServices.logger.mock(),
          }),
        };
      });
      const ids = Array.from({ length: 20 }, (_, i) => `race-${i}`);
      for (const id of ids) {
        await replicas[0].store.create(newRequest(id));
        await replicas[0].store.transition(id, {
          from: ['submitted'],
          to: 'approved',
          actor: 'policy',
        });
      }
      // Both replicas are told of every approval at the same moment, and
      // one of them also runs the safety net.
      const taken = await Promise.all(
        ids.flatMap(id => [
          replicas[0].worker.applyNow(id),
          replicas[1].worker.applyNow(id),
        ]),
      );
      await replicas[1].worker.runOnce();
      expect(taken.filter(Boolean)).toHaveLength(ids.length);
      const history = await knexes[0]('storage_request_history')
        .whereIn('request_id', ids)
        .select('request_id', 'from_status', 'to_status');
      for (const id of ids) {
        expect(
          history
            .filter(h => h.request_id === id)
            .map(h => `${h.from_status ?? ''}>${h.to_status}`),
        ).toEqual([
          '>submitted',
          'submitted>approved',
          'approved>applying',
          'applying>applied',
        ]);
      }
      expect(
        replicas[0].applies.mock.calls.length +
          replicas[1].applies.mock.calls.length,
      ).toBe(ids.length);
      for (const id of ids) {
        expect(await claimsOf(sim, id)).toHaveLength(1);
      }
    } finally {
      for (const knex of knexes) await knex.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    }
  });
});
