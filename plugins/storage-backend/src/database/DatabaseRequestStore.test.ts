import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseRequestStore } from './DatabaseRequestStore';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';
import { NewStorageRequest } from './RequestStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const request: NewStorageRequest = {
  id: 'req-0001',
  operation: 'create',
  entityRef: 'component:default/payments-api',
  cluster: 'eks-dev',
  namespace: 'payments',
  claimName: 'ledger-data',
  offeringId: 'ebs-gp3',
  spec: { size: '20Gi', accessMode: 'ReadWriteOnce' },
  manifests: [{ kind: 'PersistentVolumeClaim' }],
  requestedBy: 'user:default/alice',
};

async function migratedStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations({
    getClient: async () => knex,
  });
  return { knex, store: new DatabaseRequestStore(knex) };
}

async function tableNames(knex: Knex): Promise<string[]> {
  const names = [
    'storage_requests',
    'storage_request_history',
    'storage_claim_transitions',
  ];
  const present = await Promise.all(names.map(n => knex.schema.hasTable(n)));
  return names.filter((_, i) => present[i]);
}

describe.each(databases.eachSupportedId())(
  'DatabaseRequestStore on %s',
  databaseId => {
    it('migrates up and back down', async () => {
      const { knex } = await migratedStore(databaseId);
      expect(await tableNames(knex)).toHaveLength(3);
      await rollbackDatabaseMigrations(knex);
      expect(await tableNames(knex)).toEqual([]);
    });

    it('stores a request once, however often it is submitted', async () => {
      const { store } = await migratedStore(databaseId);
      const first = await store.create(request);
      const again = await store.create({ ...request, claimName: 'other' });

      expect(first).toMatchObject({
        ...request,
        status: 'submitted',
        attempts: 0,
      });
      expect(again).toEqual(first);
      expect(await store.list()).toHaveLength(1);
      expect(await store.history(request.id)).toEqual([
        expect.objectContaining({
          toStatus: 'submitted',
          actor: 'user:default/alice',
        }),
      ]);
    });

    it('filters by entity and status, newest first', async () => {
      const { store } = await migratedStore(databaseId);
      await store.create(request);
      await store.create({
        ...request,
        id: 'req-0002',
        entityRef: 'component:default/checkout-web',
      });
      await store.transition('req-0002', {
        from: ['submitted'],
        to: 'approved',
        actor: 'policy',
      });

      const forPayments = await store.list({
        entityRef: 'component:default/payments-api',
      });
      expect(forPayments.map(r => r.id)).toEqual(['req-0001']);
      const approved = await store.list({ status: ['approved'] });
      expect(approved.map(r => r.id)).toEqual(['req-0002']);
    });

    it('moves a request only from the statuses given, and records why', async () => {
      const { store } = await migratedStore(databaseId);
      await store.create(request);

      const approved = await store.transition(request.id, {
        from: ['submitted', 'pending-approval'],
        to: 'approved',
        actor: 'user:default/priya',
        decidedBy: 'user:default/priya',
        reason: 'Within the team budget',
      });
      expect(approved).toMatchObject({
        status: 'approved',
        decidedBy: 'user:default/priya',
        decisionReason: 'Within the team budget',
      });

      // A second replica racing for the same work finds nothing to move.
      const stale = await store.transition(request.id, {
        from: ['submitted'],
        to: 'rejected',
        actor: 'user:default/dmitri',
      });
      expect(stale).toBeUndefined();
      expect((await store.get(request.id))?.status).toBe('approved');

      const failed = await store.transition(request.id, {
        from: ['approved'],
        to: 'failed',
        actor: 'apply-worker',
        lastError: 'storageclass.storage.k8s.io "gp9" not found',
      });
      expect(failed?.lastError).toBe(
        'storageclass.storage.k8s.io "gp9" not found',
      );
      expect(
        (await store.history(request.id)).map(h => [h.fromStatus, h.toStatus]),
      ).toEqual([
        [undefined, 'submitted'],
        ['submitted', 'approved'],
        ['approved', 'failed'],
      ]);
    });

    it('lists the work that is due: approved and due, or interrupted mid-apply', async () => {
      const { store } = await migratedStore(databaseId);
      const now = new Date('2026-11-21T12:00:00Z');
      for (const id of ['due', 'later', 'interrupted', 'waiting']) {
        await store.create({ ...request, id });
      }
      await store.transition('due', {
        from: ['submitted'],
        to: 'approved',
        actor: 'policy',
      });
      await store.transition('later', {
        from: ['submitted'],
        to: 'approved',
        actor: 'apply-worker',
        attempts: 2,
        nextAttemptAt: new Date('2026-11-21T12:05:00Z'),
        lastError: 'Too many requests',
      });
      await store.transition('interrupted', {
        from: ['submitted'],
        to: 'applying',
        actor: 'apply-worker',
      });
      await store.transition('waiting', {
        from: ['submitted'],
        to: 'pending-approval',
        actor: 'policy',
      });

      expect((await store.listDue(now, 10)).map(r => r.id).sort()).toEqual([
        'due',
        'interrupted',
      ]);
      const afterBackoff = await store.listDue(
        new Date('2026-11-21T12:06:00Z'),
        10,
      );
      expect(afterBackoff.map(r => r.id).sort()).toEqual([
        'due',
        'interrupted',
        'later',
      ]);
      expect(afterBackoff.find(r => r.id === 'later')).toMatchObject({
        attempts: 2,
        lastError: 'Too many requests',
        nextAttemptAt: '2026-11-21T12:05:00.000Z',
      });
      expect(await store.listDue(now, 1)).toHaveLength(1);
    });

    it('deletes finished requests past retention, and trims long histories', async () => {
      const { store } = await migratedStore(databaseId);
      const move = (id: string, from: any, to: any) =>
        store.transition(id, { from: [from], to, actor: 'test' });
      await store.create({ ...request, id: 'done' });
      await move('done', 'submitted', 'approved');
      await move('done', 'approved', 'applying');
      await move('done', 'applying', 'applied');
      await store.create({ ...request, id: 'retrying' });
      await move('retrying', 'submitted', 'approved');
      for (let i = 0; i < 3; i++) {
        await move('retrying', 'approved', 'applying');
        await move('retrying', 'applying', 'approved');
      }

      expect(await store.deleteExpired({ maxHistoryPerRequest: 3 })).toEqual({
        requests: 0,
        history: 1 + 5,
      });
      expect((await store.history('retrying')).map(h => h.toStatus)).toEqual([
        'approved',
        'applying',
        'approved',
      ]);

      // Only what is finished goes, whatever its age.
      const later = new Date(Date.now() + 60_000);
      expect(await store.deleteExpired({ olderThan: later })).toEqual({
        requests: 1,
        history: 3,
      });
      expect(await store.get('done')).toBeUndefined();
      expect(await store.history('done')).toEqual([]);
      expect(await store.get('retrying')).toMatchObject({
        status: 'approved',
      });
    });

    it('answers undefined for requests it does not have', async () => {
      const { store } = await migratedStore(databaseId);
      expect(await store.get('missing')).toBeUndefined();
      expect(
        await store.transition('missing', {
          from: ['submitted'],
          to: 'approved',
          actor: 'policy',
        }),
      ).toBeUndefined();
      expect(await store.history('missing')).toEqual([]);
    });
  },
);
