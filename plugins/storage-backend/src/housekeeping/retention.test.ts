import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';
import { DatabaseClaimTransitionStore } from '../database/DatabaseClaimTransitionStore';
import { DatabaseRequestStore } from '../database/DatabaseRequestStore';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  DEFAULT_RETENTION,
  RETENTION_TASK,
  readRetentionConfig,
  runRetention,
  scheduleRetention,
} from './retention';

const DAY = 24 * 60 * 60 * 1000;

describe('retention', () => {
  it('reads storage.retention, with defaults for what is left out', () => {
    expect(readRetentionConfig(new ConfigReader({}))).toEqual(
      DEFAULT_RETENTION,
    );
    const settings = readRetentionConfig(
      new ConfigReader({
        storage: {
          retention: {
            claimTransitions: { maxAge: { days: 30 }, maxPerClaim: 10 },
            requests: { maxAge: '7d', maxHistoryPerRequest: false },
            schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
          },
        },
      }),
    );
    expect(settings).toEqual({
      claimTransitions: { maxAgeMs: 30 * DAY, maxPerClaim: 10 },
      requests: { maxAgeMs: 7 * DAY, maxHistoryPerRequest: undefined },
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
    });
    expect(() =>
      readRetentionConfig(
        new ConfigReader({
          storage: { retention: { claimTransitions: { maxPerClaim: 0 } } },
        }),
      ),
    ).toThrow(/maxPerClaim/);
  });

  it('keeps a first sync of many claims to one row each, and caps each claim', async () => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    try {
      await applyDatabaseMigrations({ getClient: async () => knex });
      const transitions = new DatabaseClaimTransitionStore(knex);
      const requests = new DatabaseRequestStore(knex);
      const now = new Date('2026-11-21T12:00:00Z');
      const old = new Date(now.getTime() - 100 * DAY);
      // 2,000 claims whose state changed five times, long ago.
      const rows = [];
      for (let claim = 0; claim < 2000; claim++) {
        for (let change = 0; change < 5; change++) {
          rows.push({
            cluster: 'eks-dev',
            namespace: 'payments',
            name: `claim-${claim}`,
            toState: change % 2 ? 'bound' : 'resizing',
            severity: 'info',
            headline: `change ${change % 2}`,
            observedAt: new Date(old.getTime() + change * 1000),
          });
        }
      }
      expect(await transitions.recordMany(rows)).toBe(10_000);

      const result = await runRetention({
        settings: DEFAULT_RETENTION,
        transitions,
        requests,
        logger: mockServices.logger.mock(),
        now,
      });
      expect(result.claimTransitions).toBe(8000);
      expect(
        Number((await knex('storage_claim_transitions').count('* as n'))[0].n),
      ).toBe(2000);
      const latest = await transitions.latestByClaim('eks-dev');
      expect(latest.get('payments/claim-7')?.toState).toBe('resizing');
    } finally {
      await knex.destroy();
    }
  });

  it('runs as one global task on the scheduler', async () => {
    const scheduler = mockServices.scheduler.mock();
    await scheduleRetention({
      config: new ConfigReader({}),
      scheduler,
      transitions: {} as any,
      requests: {} as any,
      logger: mockServices.logger.mock(),
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: RETENTION_TASK,
        scope: 'global',
        frequency: { hours: 6 },
      }),
    );
  });
});
