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
        'eks-dev/payments/ledger-data': 'bound',
        'eks-dev/payments/other': 'failed',
      });
    });
  },
);
