import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { DatabaseRequestStore } from '../database/DatabaseRequestStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { largeIo2Request, T0 } from './__testUtils__/fixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ApprovalVote, VoteOutcome } from './ApprovalStore';
import { DatabaseApprovalStore } from './DatabaseApprovalStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const request = largeIo2Request;
const hours = (n: number) => new Date(T0.getTime() + n * 3600_000);

const requirement = {
  rule: 'io2-large-prod',
  reason:
    'io2 above 500 GiB in eks-prod needs group:default/platform-team: 2 TiB requested',
  approvers: ['group:default/platform-team'],
  mode: 'any' as const,
  minApprovals: 1,
  expiresAt: hours(168).toISOString(),
  remindAt: hours(84).toISOString(),
};

/** Approve once `needed` people approved; reject at the first rejection. */
const settleAfter =
  (needed: number) =>
  (votes: ApprovalVote[]): VoteOutcome => {
    const last = votes[votes.length - 1];
    if (last.decision === 'reject') {
      return { to: 'rejected', reason: `Rejected by ${last.approver}` };
    }
    const approvals = votes.filter(v => v.decision === 'approve').length;
    return approvals >= needed
      ? { to: 'approved', reason: `Approved by ${last.approver}` }
      : { reason: `Approved by ${last.approver} (${approvals} of ${needed})` };
  };

function storesOn(knex: Knex) {
  const requests = new DatabaseRequestStore(knex);
  return { requests, approvals: new DatabaseApprovalStore(knex, requests) };
}

async function migrated(knex: Knex) {
  await applyDatabaseMigrations({ getClient: async () => knex });
  return storesOn(knex);
}

async function pendingOn(knex: Knex, extra: Partial<typeof requirement> = {}) {
  const stores = await migrated(knex);
  await stores.requests.create(request);
  await stores.approvals.open(
    request.id,
    { ...requirement, ...extra },
    'policy',
  );
  return stores;
}

/** Two replicas: two clients on one database. */
async function twoClients(
  databaseId: TestDatabaseId,
): Promise<{ first: Knex; second: Knex; done: () => Promise<void> }> {
  if (databaseId.startsWith('POSTGRES')) {
    const first = await databases.init(databaseId);
    const second = knexFactory(first.client.config);
    return { first, second, done: () => second.destroy() };
  }
  // In-memory SQLite is private to its connection: share a file instead.
  const dir = mkdtempSync(join(tmpdir(), 'storage-approvals-'));
  const config = {
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'storage.sqlite') },
    // No waiting inside the driver: better-sqlite3 would block the one
    // event loop both clients share; the store retries instead.
    pool: {
      afterCreate: (
        connection: { pragma(source: string): unknown },
        done: () => void,
      ) => {
        connection.pragma('busy_timeout = 0');
        done();
      },
    },
    useNullAsDefault: true,
  };
  const first = knexFactory(config);
  const second = knexFactory(config);
  return {
    first,
    second,
    done: async () => {
      await first.destroy();
      await second.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseApprovalStore on %s',
  databaseId => {
    it('opens an approval only on a submitted request, with what it waits for', async () => {
      const knex = await databases.init(databaseId);
      const { requests, approvals } = await migrated(knex);
      await requests.create(request);

      const opened = await approvals.open(request.id, requirement, 'policy');
      expect(opened?.status).toBe('pending-approval');
      expect(
        await approvals.open(request.id, requirement, 'policy'),
      ).toBeUndefined();
      expect(await approvals.get(request.id)).toEqual({
        requirement,
        votes: [],
      });
      expect((await requests.history(request.id)).at(-1)).toMatchObject({
        fromStatus: 'submitted',
        toStatus: 'pending-approval',
        actor: 'policy',
        reason: `${requirement.reason} (rule io2-large-prod)`,
      });
      expect(await approvals.get('nothing')).toEqual({ votes: [] });
    });

    it('collects distinct approvals until enough, then approves once', async () => {
      const knex = await databases.init(databaseId);
      const { requests, approvals } = await pendingOn(knex, {
        minApprovals: 2,
      });

      const first = await approvals.vote(
        request.id,
        {
          approver: 'user:default/priya',
          onBehalfOf: ['group:default/platform-team'],
          decision: 'approve',
          comment: 'ok',
        },
        settleAfter(2),
      );
      expect(first).toMatchObject({
        result: 'recorded',
        decided: false,
        request: { status: 'pending-approval' },
      });
      const again = await approvals.vote(
        request.id,
        {
          approver: 'user:default/priya',
          onBehalfOf: ['group:default/platform-team'],
          decision: 'approve',
        },
        settleAfter(2),
      );
      expect(again.result).toBe('already-voted');

      const second = await approvals.vote(
        request.id,
        {
          approver: 'user:default/dmitri',
          onBehalfOf: ['group:default/platform-team'],
          decision: 'approve',
        },
        settleAfter(2),
      );
      expect(second).toMatchObject({
        result: 'recorded',
        decided: true,
        request: {
          status: 'approved',
          decidedBy: 'user:default/dmitri',
          decisionReason: 'Approved by user:default/dmitri',
        },
      });
      expect((await approvals.get(request.id)).votes).toEqual([
        expect.objectContaining({
          approver: 'user:default/priya',
          onBehalfOf: ['group:default/platform-team'],
          decision: 'approve',
          comment: 'ok',
        }),
        expect.objectContaining({ approver: 'user:default/dmitri' }),
      ]);
      const late = await approvals.vote(
        request.id,
        {
          approver: 'user:default/sam',
          onBehalfOf: ['group:default/platform-team'],
          decision: 'reject',
          comment: 'no',
        },
        settleAfter(2),
      );
      expect(late).toMatchObject({
        result: 'not-pending',
        request: { status: 'approved' },
      });
      expect((await requests.history(request.id)).map(h => h.toStatus)).toEqual(
        ['submitted', 'pending-approval', 'pending-approval', 'approved'],
      );
    });

    it('lists pending requests, reminds once and expires when due', async () => {
      const knex = await databases.init(databaseId);
      const { requests, approvals } = await pendingOn(knex);

      expect((await approvals.listPending()).map(p => p.request.id)).toEqual([
        request.id,
      ]);
      expect(await approvals.listDueReminders(hours(83))).toEqual([]);
      expect(
        (await approvals.listDueReminders(hours(84))).map(p => p.request.id),
      ).toEqual([request.id]);
      expect(await approvals.markReminded(request.id, hours(84))).toBe(true);
      expect(await approvals.markReminded(request.id, hours(85))).toBe(false);
      expect(await approvals.listDueReminders(hours(100))).toEqual([]);
      expect((await approvals.get(request.id)).requirement?.remindedAt).toBe(
        hours(84).toISOString(),
      );

      expect(await approvals.expireDue(hours(167), 'Expired')).toEqual([]);
      const expired = await approvals.expireDue(
        hours(168),
        'Expired after 7 days',
      );
      expect(expired).toEqual([
        expect.objectContaining({ id: request.id, status: 'cancelled' }),
      ]);
      expect(await approvals.expireDue(hours(200), 'Expired')).toEqual([]);
      expect(await approvals.listPending()).toEqual([]);
      expect((await requests.history(request.id)).at(-1)).toMatchObject({
        toStatus: 'cancelled',
        reason: 'Expired after 7 days',
      });
    });

    it('lets exactly one of two replicas decide a request at once', async () => {
      const { first, second, done } = await twoClients(databaseId);
      try {
        await pendingOn(first);
        await applyDatabaseMigrations({ getClient: async () => second });
        const replicas = [storesOn(first), storesOn(second)];

        for (let round = 0; round < 5; round++) {
          const id = `race-${round}`;
          await replicas[0].requests.create({ ...request, id });
          await replicas[0].approvals.open(id, requirement, 'policy');
          const results = await Promise.all([
            replicas[0].approvals.vote(
              id,
              {
                approver: 'user:default/priya',
                onBehalfOf: ['group:default/platform-team'],
                decision: 'approve',
              },
              settleAfter(1),
            ),
            replicas[1].approvals.vote(
              id,
              {
                approver: 'user:default/dmitri',
                onBehalfOf: ['group:default/platform-team'],
                decision: 'reject',
                comment: 'too big',
              },
              settleAfter(1),
            ),
          ]);
          const winners = results.filter(r => r.result === 'recorded');
          expect(winners).toHaveLength(1);
          expect(results.filter(r => r.result === 'not-pending')).toHaveLength(
            1,
          );
          const stored = await replicas[1].requests.get(id);
          expect(stored?.status).toBe(winners[0].request.status);
          const decisions = (await replicas[0].requests.history(id)).filter(
            h => h.fromStatus === 'pending-approval',
          );
          expect(decisions).toHaveLength(1);
          expect((await replicas[0].approvals.get(id)).votes).toHaveLength(1);
        }

        // With two approvals needed, both count and one of them approves.
        await replicas[0].requests.create({ ...request, id: 'race-both' });
        await replicas[0].approvals.open(
          'race-both',
          { ...requirement, minApprovals: 2 },
          'policy',
        );
        const both = await Promise.all([
          replicas[0].approvals.vote(
            'race-both',
            {
              approver: 'user:default/priya',
              onBehalfOf: ['group:default/platform-team'],
              decision: 'approve',
            },
            settleAfter(2),
          ),
          replicas[1].approvals.vote(
            'race-both',
            {
              approver: 'user:default/dmitri',
              onBehalfOf: ['group:default/platform-team'],
              decision: 'approve',
            },
            settleAfter(2),
          ),
        ]);
        expect(both.map(r => r.result)).toEqual(['recorded', 'recorded']);
        expect(
          both.filter(r => r.result === 'recorded' && r.decided),
        ).toHaveLength(1);
        expect((await replicas[0].requests.get('race-both'))?.status).toBe(
          'approved',
        );
      } finally {
        await done();
      }
    });
  },
);
