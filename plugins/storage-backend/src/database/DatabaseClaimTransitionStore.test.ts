import { DatabaseClaimTransitionStore } from './DatabaseClaimTransitionStore';
import { applyDatabaseMigrations } from './migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const claim = {
  cluster: 'eks-dev',
  namespace: 'payments',
  name: 'ledger-data',
};

describe.each(databases.eachSupportedId())(
  'DatabaseClaimTransitionStore on %s',
  databaseId => {
    async function store() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations({ getClient: async () => knex });
      return new DatabaseClaimTransitionStore(knex);
    }

    it('records each change once, even when two replicas report it', async () => {
      const transitions = await store();
      const provisioning = {
        ...claim,
        uid: 'uid-1',
        toState: 'provisioning',
        severity: 'info',
        headline: 'Creating an EBS gp3 volume',
      };
      expect(await transitions.record(provisioning)).toBe(true);
      expect(await transitions.record(provisioning)).toBe(false);
      expect(
        await transitions.record({
          ...provisioning,
          toState: 'bound',
          severity: 'ok',
          headline: 'Bound to pvc-1 in eu-west-1a',
        }),
      ).toBe(true);

      expect(
        (await transitions.list(claim)).map(t => [t.fromState, t.toState]),
      ).toEqual([
        [undefined, 'provisioning'],
        ['provisioning', 'bound'],
      ]);
    });

    it('records a claim made again under the same name', async () => {
      const transitions = await store();
      const bound = {
        ...claim,
        toState: 'bound',
        severity: 'ok',
        headline: 'Bound',
      };
      await transitions.record({ ...bound, uid: 'uid-1' });
      expect(await transitions.record({ ...bound, uid: 'uid-2' })).toBe(true);
    });

    it('gives the latest state of every claim of a cluster', async () => {
      const transitions = await store();
      const base = { severity: 'info', headline: 'h' };
      await transitions.record({ ...claim, ...base, toState: 'provisioning' });
      await transitions.record({
        ...claim,
        ...base,
        toState: 'bound',
        headline: 'b',
      });
      await transitions.record({
        ...claim,
        name: 'other',
        ...base,
        toState: 'failed',
      });
      await transitions.record({
        ...claim,
        cluster: 'eks-prod',
        ...base,
        toState: 'lost',
      });

      const latest = await transitions.latestByClaim('eks-dev');
      expect(
        Object.fromEntries([...latest].map(([key, t]) => [key, t.toState])),
      ).toEqual({
        'payments/ledger-data': 'bound',
        'payments/other': 'failed',
      });
    });

    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const pending = {
      ...claim,
      uid: 'uid-1',
      toState: 'provisioning',
      severity: 'info',
      headline: 'Creating an EBS gp3 volume',
    };
    const bound = {
      ...pending,
      toState: 'bound',
      severity: 'ok',
      headline: 'Bound',
    };

    it('stores nothing twice when a partly stored batch is retried', async () => {
      const transitions = await store();
      const batch = [
        { ...pending, observedAt: at(1) },
        { ...bound, observedAt: at(2) },
      ];
      expect(await transitions.recordMany(batch)).toBe(2);
      // The retry of a batch whose first chunk was committed.
      expect(await transitions.recordMany(batch)).toBe(0);
      expect(
        (await transitions.list(claim)).map(t => [t.fromState, t.toState]),
      ).toEqual([
        [undefined, 'provisioning'],
        ['provisioning', 'bound'],
      ]);
    });

    it('records a change once when two replicas report it at once', async () => {
      const transitions = await store();
      const other = new DatabaseClaimTransitionStore((transitions as any).db);
      await transitions.record({ ...pending, observedAt: at(1) });
      const results = await Promise.all([
        transitions.record({ ...bound, observedAt: at(2) }),
        other.record({ ...bound, observedAt: at(3) }),
        // Headlines that count minutes differ only in the count.
        transitions.record({
          ...pending,
          name: 'slow',
          headline: 'Waiting for 11 minutes',
          observedAt: at(2),
        }),
        other.record({
          ...pending,
          name: 'slow',
          headline: 'Waiting for 12 minutes',
          observedAt: at(3),
        }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(2);
      expect(await transitions.list(claim)).toHaveLength(2);
      expect(await transitions.list({ ...claim, name: 'slow' })).toHaveLength(
        1,
      );
    });

    it('deletes old and surplus transitions but keeps each claim’s latest', async () => {
      const transitions = await store();
      const states = ['provisioning', 'bound', 'resizing', 'bound'];
      await transitions.recordMany(
        states.map((toState, i) => ({
          ...pending,
          toState,
          headline: toState,
          observedAt: at(i),
        })),
      );
      await transitions.recordMany([
        { ...pending, name: 'old', observedAt: at(0) },
        { ...bound, name: 'gone', observedAt: at(0) },
        {
          ...bound,
          name: 'gone',
          toState: 'deleted',
          headline: 'deleted',
          observedAt: at(1),
        },
      ]);

      expect(await transitions.deleteExpired({ maxPerClaim: 2 })).toBe(2);
      expect((await transitions.list(claim)).map(t => t.toState)).toEqual([
        'resizing',
        'bound',
      ]);

      // Older than minute 10: everything but the latest state of live claims.
      expect(await transitions.deleteExpired({ olderThan: at(10) })).toBe(3);
      expect((await transitions.list(claim)).map(t => t.toState)).toEqual([
        'bound',
      ]);
      expect(await transitions.list({ ...claim, name: 'old' })).toHaveLength(1);
      expect(await transitions.list({ ...claim, name: 'gone' })).toEqual([]);
    });
  },
);
