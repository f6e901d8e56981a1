/**
 * The fault suite: the real backend against eks-sim over HTTP, with faults
 * injected, asserting the end state each time. `yarn test:reliability`
 * runs it in full (RELIABILITY_FULL=1); the normal test run runs a bounded
 * version of the same scenarios.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import { POSTGRES, postgresDatabase } from '../__testUtils__/postgres';
import knexFactory, { Knex } from 'knex';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import {
  eventually,
  startStorageBackend,
} from '../__testUtils__/storageBackend';
import { FaultProxy, startFaultProxy } from './faultProxy';
import { FULL, newSummary, reportSummary } from './summary';

jest.setTimeout(FULL ? 15 * 60_000 : 120_000);

const REQUEST_LABEL = 'storage.backstage.io/request-id';
const ENTITY = 'component:default/payments-api';
const STORAGE_CLASSES = '/apis/storage.k8s.io/v1/storageclasses';
const labels = { 'backstage.io/kubernetes-id': 'payments-api' };
const summary = newSummary();
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

type Api = Awaited<ReturnType<typeof startStorageBackend>>;
type Transition = { name: string; to_state: string; headline: string };

function sqlite(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

function claimBody(name: string, storageClassName: string) {
  return {
    metadata: { name, labels },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName,
      resources: { requests: { storage: '1Gi' } },
    },
  };
}

function podBody(name: string, claimName: string) {
  return {
    metadata: { name, labels },
    spec: {
      containers: [{ name: 'app', image: 'busybox' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    },
  };
}

function requestBody(requestId: string, claimName: string, offering: string) {
  return {
    requestId,
    operation: 'create',
    entityRef: ENTITY,
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName,
    offering,
    size: '1Gi',
    accessMode: 'ReadWriteOnce',
  };
}

/** Submits a request, retrying with its requestId as a client would. */
async function submit(api: Api, body: object): Promise<'stored' | 'rejected'> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const reply = await api.post('/requests', body);
    if (reply.status === 201 || reply.status === 200) return 'stored';
    if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) {
      return 'rejected';
    }
    await sleep(100 + Math.random() * 200);
  }
  throw new Error(`request never stored: ${JSON.stringify(body)}`);
}

async function clusterClaims(sim: EksSim) {
  return (
    await sim.kubeConfig
      .makeApiClient(CoreV1Api)
      .listNamespacedPersistentVolumeClaim({ namespace: 'payments' })
  ).items;
}

async function backendClaims(
  api: Api,
): Promise<
  Array<{ name: string; phase: string; diagnosis: { state: string } }>
> {
  const reply = await api.get(`/claims?entityRef=${ENTITY}`);
  return reply.status === 200 ? reply.body.items : [];
}

async function transitions(knex: Knex): Promise<Transition[]> {
  return knex('storage_claim_transitions')
    .select('claim_name as name', 'to_state', 'headline')
    .orderBy('id');
}

/** Consecutive equal states of one claim: a transition recorded twice. */
function duplicatedTransitions(rows: Transition[]): number {
  const last = new Map<string, string>();
  let duplicated = 0;
  for (const row of rows) {
    const key = `${row.to_state}|${row.headline.replace(/\d+/g, '#')}`;
    if (last.get(row.name) === key) duplicated += 1;
    last.set(row.name, key);
  }
  return duplicated;
}

/** Records saying a class or claim is missing when it was there all along. */
function falseRecords(rows: Transition[]): number {
  return rows.filter(
    row =>
      row.to_state === 'lost' ||
      /StorageClass\b.*(does not exist|not found|missing)/i.test(row.headline),
  ).length;
}

/** Transitions a request may make; anything else breaks its history. */
const REQUEST_MOVES: Record<string, string[]> = {
  '': ['submitted'],
  submitted: ['approved', 'pending-approval', 'rejected', 'cancelled'],
  'pending-approval': ['approved', 'rejected', 'cancelled', 'expired'],
  approved: ['applying', 'cancelled'],
  applying: ['applying', 'applied', 'approved', 'failed'],
};

/** Requests whose history is not one valid chain ending in their status. */
async function brokenHistories(knex: Knex, ids: string[]): Promise<string[]> {
  const requests = await knex('storage_requests')
    .whereIn('id', ids)
    .select('id', 'status');
  const rows = await knex('storage_request_history')
    .whereIn('request_id', ids)
    .orderBy('id')
    .select('request_id', 'from_status', 'to_status');
  return requests
    .filter(request => {
      let at = '';
      for (const row of rows.filter(r => r.request_id === request.id)) {
        if ((row.from_status ?? '') !== at) return true;
        if (!REQUEST_MOVES[at]?.includes(row.to_status)) return true;
        at = row.to_status;
      }
      return at !== request.status;
    })
    .map(request => request.id);
}

/**
 * Requests decided by policy long after they were stored: a kill cut their
 * submission short, and the backend decided them on its own.
 */
async function undecidedForLong(knex: Knex, ids: string[]): Promise<number> {
  const rows = await knex('storage_request_history')
    .whereIn('request_id', ids)
    .whereIn('to_status', [
      'submitted',
      'approved',
      'pending-approval',
      'rejected',
    ])
    .select('request_id', 'from_status', 'to_status', 'created_at');
  const storedAt = new Map<string, number>();
  let late = 0;
  for (const row of rows) {
    const at = new Date(row.created_at).getTime();
    if (row.to_status === 'submitted') storedAt.set(row.request_id, at);
  }
  for (const row of rows) {
    const stored = storedAt.get(row.request_id);
    if (row.from_status === 'submitted' && stored !== undefined) {
      if (new Date(row.created_at).getTime() - stored > 20_000) late += 1;
    }
  }
  return late;
}

/** The backend in a child process (killableBackend.ts), serving on a port. */
async function startChildBackend(
  simUrl: string,
  dbFile: string,
): Promise<{ child: ChildProcess; url: string; exited: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.resolve(__dirname, '__testUtils__', 'killableBackend.ts'),
    ],
    {
      env: {
        ...process.env,
        RELIABILITY_SIM_URL: simUrl,
        RELIABILITY_DB_FILE: dbFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the backend did not start: ${output}`)),
      60_000,
    );
    child.stdout!.on('data', chunk => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', chunk => {
      output = `${output}${chunk}`.slice(-4000);
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`the backend exited (${code}): ${output}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

function count(name: string, values: Record<string, number>) {
  summary.scenarios[name] = values;
}

afterAll(() => reportSummary(summary));

describe('reliability', () => {
  it('brings every request to Bound while the API server fails 20% of calls', async () => {
    const total = FULL ? 200 : 30;
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
    });
    const knex = sqlite();
    const api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    try {
      sim.faults.setRequestFaults({ errorRate: 0.2, latencyMs: 20 });
      // Both kinds of refusal, alternating.
      let status: 429 | 500 = 500;
      const flip = setInterval(() => {
        status = status === 500 ? 429 : 500;
        sim.faults.setRequestFaults({ errorStatus: status });
      }, 250);
      const ids = Array.from({ length: total }, (_, i) => `rel-a-${i}`);
      const outcomes: string[] = [];
      for (let i = 0; i < ids.length; i += 10) {
        outcomes.push(
          ...(await Promise.all(
            ids
              .slice(i, i + 10)
              .map(id => submit(api, requestBody(id, id, 'ebs-gp3-immediate'))),
          )),
        );
      }
      await sleep(2000);
      clearInterval(flip);
      const injected = sim.faults.state().injectedErrors;
      sim.faults.setRequestFaults({ errorRate: 0, latencyMs: 0 });

      const stored = ids.filter((_, i) => outcomes[i] === 'stored');
      // Once faults stop, nothing stays in between.
      const finals = await eventually(
        async () => {
          const rows = await knex('storage_requests')
            .whereIn('id', stored)
            .select('id', 'status', 'last_error');
          return rows.length === stored.length &&
            rows.every(r => ['applied', 'failed'].includes(r.status))
            ? rows
            : undefined;
        },
        'every request to be applied or to fail for good',
        FULL ? 600_000 : 90_000,
      );
      const applied = finals.filter(r => r.status === 'applied');
      const failed = finals.filter(r => r.status === 'failed');
      failed.forEach(r => expect(r.last_error).toBeTruthy());
      await eventually(
        async () => {
          const claims = await backendClaims(api);
          const bound = claims.filter(c => c.diagnosis.state === 'bound');
          return bound.length >= applied.length;
        },
        'every applied claim to show Bound',
        60_000,
      );
      const inCluster = await clusterClaims(sim);
      const perRequest = new Map<string, number>();
      inCluster.forEach(pvc => {
        const id = pvc.metadata?.labels?.[REQUEST_LABEL] ?? '';
        perRequest.set(id, (perRequest.get(id) ?? 0) + 1);
      });
      const duplicated = [...perRequest.values()].filter(n => n > 1).length;
      const lost = applied.filter(r => perRequest.get(r.id) !== 1).length;
      const notBound = inCluster.filter(p => p.status?.phase !== 'Bound');
      const rows = await transitions(knex);
      const dupTransitions = duplicatedTransitions(rows);
      const falseRows = falseRecords(rows);

      summary.faultsInjected += injected;
      summary.requests += total;
      summary.lost += lost + (total - stored.length);
      summary.duplicated += duplicated + dupTransitions;
      summary.falseRecords += falseRows;
      count('requestFaults', {
        requests: total,
        injectedErrors: injected,
        applied: applied.length,
        failedPermanently: failed.length,
        rejectedAtSubmit: total - stored.length,
        duplicatedClaims: duplicated,
        duplicatedTransitions: dupTransitions,
        stuck: notBound.length,
      });

      expect(stored).toHaveLength(total);
      expect(injected).toBeGreaterThan(0);
      expect(applied.length).toBeGreaterThan(0);
      expect(duplicated).toBe(0);
      expect(lost).toBe(0);
      expect(notBound.map(p => p.metadata?.name)).toEqual([]);
      expect(dupTransitions).toBe(0);
      expect(falseRows).toBe(0);
    } finally {
      await api.stop();
      await knex.destroy();
      await sim.close();
    }
  });

  it('catches up within 5 s after dropped watches and a restart that loses history, missing no transition', async () => {
    const rounds = FULL ? 5 : 2;
    const perRound = FULL ? 10 : 4;
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
    });
    const core = sim.kubeConfig.makeApiClient(CoreV1Api);
    const knex = sqlite();
    const api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    const injected = { drops: 0 };
    let restarts = 0;
    let worstCatchUpMs = 0;
    try {
      await eventually(
        async () => (await api.get('/health')).body.clusters?.[0]?.synced,
        'the backend to sync',
      );
      const created: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const names = Array.from(
          { length: perRound },
          (_, i) => `rel-b-${round}-${i}`,
        );
        for (const name of names) {
          await core.createNamespacedPersistentVolumeClaim({
            namespace: 'payments',
            body: claimBody(name, 'gp3'),
          });
        }
        created.push(...names);
        const dropper = setInterval(() => {
          sim.faults.dropWatches();
          injected.drops += 1;
        }, 100);
        // Half the claims bind while watches keep dropping…
        for (const name of names.slice(0, perRound / 2)) {
          await core.createNamespacedPod({
            namespace: 'payments',
            body: podBody(`${name}-user`, name),
          });
        }
        await sleep(500);
        // …the rest across a restart that forgets every resourceVersion.
        sim.faults.restart();
        restarts += 1;
        for (const name of names.slice(perRound / 2)) {
          await core.createNamespacedPod({
            namespace: 'payments',
            body: podBody(`${name}-user`, name),
          });
        }
        if (round > 0) {
          await core.deleteNamespacedPersistentVolumeClaim({
            namespace: 'payments',
            name: created.shift()!,
          });
        }
        await sleep(300);
        clearInterval(dropper);
        // Let the cluster finish binding, then time the backend's catch-up.
        await eventually(async () => {
          const claims = await clusterClaims(sim);
          return claims.every(c => c.status?.phase === 'Bound');
        }, 'the cluster to bind every claim');
        const since = Date.now();
        await eventually(
          async () => {
            const cluster = (await clusterClaims(sim))
              .map(c => `${c.metadata?.name}:${c.status?.phase}`)
              .sort();
            const backend = (await backendClaims(api))
              .map(c => `${c.name}:${c.phase}`)
              .sort();
            return JSON.stringify(cluster) === JSON.stringify(backend);
          },
          "the backend's view to equal the cluster's",
          5000,
        );
        worstCatchUpMs = Math.max(worstCatchUpMs, Date.now() - since);
      }
      // Every claim that bound has that transition in the stored history.
      await sleep(500);
      const rows = await transitions(knex);
      const bound = (await clusterClaims(sim)).map(c => c.metadata!.name!);
      const missing = bound.filter(
        name => !rows.some(r => r.name === name && r.to_state === 'bound'),
      );
      const deleted = created.length === 0 ? [] : undefined;
      void deleted;
      const dup = duplicatedTransitions(rows);
      const falseRows = falseRecords(rows);
      summary.faultsInjected += injected.drops + restarts;
      summary.lost += missing.length;
      summary.duplicated += dup;
      summary.falseRecords += falseRows;
      count('watchDropsAndRestarts', {
        watchDrops: injected.drops,
        restarts,
        claims: rounds * perRound,
        worstCatchUpMs,
        missingTransitions: missing.length,
      });
      expect(missing).toEqual([]);
      expect(dup).toBe(0);
      expect(falseRows).toBe(0);
    } finally {
      await api.stop();
      await knex.destroy();
      await sim.close();
    }
  });

  it('records and announces nothing false while one resource type lists slowly', async () => {
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
    });
    const core = sim.kubeConfig.makeApiClient(CoreV1Api);
    for (const [name, sc] of [
      ['rel-c-bound', 'gp3-immediate'],
      ['rel-c-waiting', 'gp3'],
      ['rel-c-shared', 'efs'],
    ]) {
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: claimBody(name, sc),
      });
    }
    await eventually(
      async () =>
        (await clusterClaims(sim)).find(c => c.metadata?.name === 'rel-c-bound')
          ?.status?.phase === 'Bound',
      'the first claim to bind',
    );
    const proxy: FaultProxy = await startFaultProxy(sim.url);
    const slowMs = FULL ? 8000 : 3000;
    proxy.failList(STORAGE_CLASSES, 1);
    proxy.slowList(STORAGE_CLASSES, slowMs);
    const knex = sqlite();
    const api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: proxy.url }],
      knex,
    });
    let observations = 0;
    let earlySynced = 0;
    try {
      const started = Date.now();
      while (Date.now() - started < slowMs - 500) {
        const health = await api.get('/health');
        if (health.body.clusters?.[0]?.synced) earlySynced += 1;
        const claims = await backendClaims(api);
        expect(claims).toEqual([]);
        observations += 1;
        await sleep(200);
      }
      expect(await transitions(knex)).toEqual([]);
      await eventually(
        async () => (await api.get('/health')).body.clusters?.[0]?.synced,
        'the cluster to sync once the list is in',
        30_000,
      );
      const states = Object.fromEntries(
        (await backendClaims(api)).map(c => [c.name, c.diagnosis.state]),
      );
      expect(states['rel-c-bound']).toBe('bound');
      expect(states['rel-c-waiting']).toBe('waiting-for-consumer');
      const rows = await transitions(knex);
      const falseRows = falseRecords(rows);
      summary.faultsInjected += 2;
      summary.falseRecords += falseRows + earlySynced;
      count('slowList', {
        slowListMs: slowMs,
        failedLists: 1,
        observations,
        syncedTooEarly: earlySynced,
        falseRecords: falseRows,
      });
      expect(earlySynced).toBe(0);
      expect(falseRows).toBe(0);
      expect(rows.map(r => r.name).sort()).toEqual([
        'rel-c-bound',
        'rel-c-shared',
        'rel-c-waiting',
      ]);
    } finally {
      await api.stop();
      await knex.destroy();
      await proxy.close();
      await sim.close();
    }
  });

  it('applies each request once and records each transition once with two backends on one PostgreSQL', async () => {
    // The test command starts a PostgreSQL; without one, there is no second replica to share it with.
    if (!POSTGRES) {
      count('twoReplicas', { skippedWithoutPostgres: 1 });
      return;
    }
    const total = FULL ? 60 : 12;
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
    });
    const database = await postgresDatabase();
    const knexes = [0, 1].map(() =>
      knexFactory({ client: 'pg', connection: database.connection }),
    );
    const apis: Api[] = [];
    try {
      for (const knex of knexes) {
        apis.push(
          await startStorageBackend({
            clusters: [{ name: 'eks-dev', url: sim.url }],
            knex,
          }),
        );
      }
      const ids = Array.from({ length: total }, (_, i) => `rel-e-${i}`);
      await Promise.all(
        ids.map((id, i) =>
          submit(apis[i % 2], requestBody(id, id, 'ebs-gp3-immediate')),
        ),
      );
      const knex = knexes[0];
      await eventually(
        async () => {
          const rows = await knex('storage_requests')
            .whereIn('id', ids)
            .where('status', 'applied');
          return rows.length === total;
        },
        'every request to be applied',
        90_000,
      );
      const views = await eventually(
        async () => {
          const both = await Promise.all(apis.map(backendClaims));
          const bound = both.map(
            claims => claims.filter(c => c.diagnosis.state === 'bound').length,
          );
          return bound.every(n => n === total) ? both : undefined;
        },
        'both instances to show every claim Bound',
        30_000,
      );
      await sleep(1000);
      const applies = await knex('storage_request_history')
        .whereIn('request_id', ids)
        .where('to_status', 'applied')
        .select('request_id');
      const inCluster = await clusterClaims(sim);
      const rows = await transitions(knex);
      const boundRows = rows.filter(r => r.to_state === 'bound');
      const dup = duplicatedTransitions(rows) + (boundRows.length - total);
      const dupApplies = applies.length - total;
      summary.requests += total;
      summary.duplicated += dup + dupApplies + (inCluster.length - total);
      count('twoReplicas', {
        requests: total,
        claimsInCluster: inCluster.length,
        appliedEntries: applies.length,
        boundTransitions: boundRows.length,
      });
      expect(inCluster).toHaveLength(total);
      expect(dupApplies).toBe(0);
      expect(boundRows).toHaveLength(total);
      expect(dup).toBe(0);
      const names = views.map(v => v.map(c => c.name).sort());
      expect(names[0]).toEqual(names[1]);
    } finally {
      for (const api of apis) await api.stop();
      for (const knex of knexes) await knex.destroy();
      await database.drop();
      await sim.close();
    }
  });

  it(
    'applies every approved request exactly once, and none rejected, while the backend is killed with SIGKILL mid-apply and mid-decision',
    async () => {
      const rounds = FULL ? 20 : 4;
      const perRound = FULL ? 6 : 4;
      const sim = await startEksSim({
        scenario: 'empty',
        clusterName: 'eks-dev',
      });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-kill-'));
      const dbFile = path.join(dir, 'storage.sqlite');
      const send = (url: string, user: string, route: string, body: object) =>
        supertest(url)
          .post(`/api/storage${route}`)
          .set('Authorization', mockCredentials.user.header(user))
          .type('json')
          .send(body);
      const ids: string[] = [];
      const acknowledged = new Set<string>();
      const interrupted = { submissions: 0, decisions: 0 };
      let kills = 0;
      let running: Awaited<ReturnType<typeof startChildBackend>> | undefined;
      // Every other request, the first of each batch among them, is large
      // enough to wait for the platform team, who approve half of those and
      // reject the other half.
      const large = (id: string) => Number(id.split('-').pop()) % 2 === 0;
      const verdict = (id: string) =>
        Number(id.split('-').pop()) % 4 === 0 ? 'approve' : 'reject';
      const pendingIds = async (): Promise<string[]> => {
        if (!fs.existsSync(dbFile)) return [];
        const db = knexFactory({
          client: 'better-sqlite3',
          connection: dbFile,
          useNullAsDefault: true,
        });
        try {
          return (
            await db('storage_requests')
              .where({ status: 'pending-approval' })
              .select('id')
          ).map(row => row.id);
        } finally {
          await db.destroy();
        }
      };
      const bodyOf = (id: string) => ({
        ...requestBody(id, id, 'ebs-gp3-immediate'),
        size: large(id) ? '3Gi' : '1Gi',
      });
      const decide = (url: string, id: string) =>
        send(url, 'user:default/priya', `/requests/${id}/${verdict(id)}`, {
          comment: `${verdict(id)}d in the fault suite`,
        });
      try {
        for (let round = 0; round < rounds; round++) {
          const waiting = await pendingIds();
          const current = await startChildBackend(sim.url, dbFile);
          running = current;
          const batch = Array.from(
            { length: perRound },
            (_, i) => `rel-k-${round}-${i}`,
          );
          ids.push(...batch);
          const submissions = batch.map(async (id, i) => {
            await sleep(i * 30);
            const reply = await send(
              current.url,
              'user:default/alice',
              '/requests',
              bodyOf(id),
            ).catch(() => undefined);
            if (reply?.status === 201 || reply?.status === 200) {
              acknowledged.add(id);
            } else if (!reply) interrupted.submissions += 1;
          });
          // The platform team decides what earlier rounds left waiting, at
          // the same time, so kills land among decisions too.
          const decisions = waiting.map(async (id, i) => {
            await sleep(i * 30);
            const reply = await decide(current.url, id).catch(() => undefined);
            if (!reply) interrupted.decisions += 1;
          });
          // Somewhere among storing, deciding and applying: once the
          // backend answers its first request, within the time the rest take.
          await Promise.race([Promise.race(submissions), sleep(10_000)]);
          await sleep(Math.random() * perRound * 30);
          current.child.kill('SIGKILL');
          await current.exited;
          running = undefined;
          kills += 1;
          await Promise.allSettled([...submissions, ...decisions]);
        }
        // The last restart. Requesters do not retry: what was stored must
        // be decided and applied by the backend alone.
        running = await startChildBackend(sim.url, dbFile);
        const url = running.url;
        const knex = knexFactory({
          client: 'better-sqlite3',
          connection: dbFile,
          useNullAsDefault: true,
        });
        try {
          const requests = (): Promise<Array<{ id: string; status: string }>> =>
            knex('storage_requests').whereIn('id', ids).select('id', 'status');
          let lastSeen: unknown;
          const settledTo = (statuses: string[], what: string) =>
            eventually(
              async () => {
                const rows = await requests();
                lastSeen = rows.filter(r => !statuses.includes(r.status));
                return rows.every(r => statuses.includes(r.status))
                  ? rows
                  : undefined;
              },
              what,
              FULL ? 240_000 : 110_000,
            ).catch(error => {
              throw new Error(
                `${error.message}; left: ${JSON.stringify(lastSeen)}`,
              );
            });
          // Stored but undecided requests wait out the grace (30 s) before
          // a replica decides them.
          await settledTo(
            ['pending-approval', 'approved', 'applying', 'applied', 'rejected'],
            'every stored request to be decided by policy',
          );
          // The platform team decides what is still waiting (a decision
          // whose answer a kill swallowed answers 409 now: it was taken).
          for (const { id } of (await requests()).filter(
            r => r.status === 'pending-approval',
          )) {
            expect([200, 409]).toContain((await decide(url, id)).status);
          }
          const finals = await settledTo(
            ['applied', 'rejected'],
            'every request to be applied or rejected',
          );
          const stored = new Set(finals.map(r => r.id));
          const statusOf = new Map(finals.map(r => [r.id, r.status]));
          const perRequest = new Map<string, number>();
          (await clusterClaims(sim)).forEach(pvc => {
            const id = pvc.metadata?.labels?.[REQUEST_LABEL] ?? '';
            perRequest.set(id, (perRequest.get(id) ?? 0) + 1);
          });
          const expected = (id: string) =>
            !large(id) || verdict(id) === 'approve' ? 'applied' : 'rejected';
          const wrongOutcome = finals.filter(r => r.status !== expected(r.id));
          const duplicated = [...perRequest.values()].filter(n => n > 1).length;
          const claimsOfRejected = [...perRequest.keys()].filter(
            id => statusOf.get(id) !== 'applied',
          ).length;
          const lost =
            finals.filter(
              r => r.status === 'applied' && perRequest.get(r.id) !== 1,
            ).length + [...acknowledged].filter(id => !stored.has(id)).length;
          const broken = await brokenHistories(knex, ids);
          const decisionsTwice = await knex('storage_request_history')
            .whereIn('request_id', ids)
            .whereIn('to_status', ['approved', 'rejected'])
            .groupBy('request_id')
            .havingRaw('count(*) > 1')
            .select('request_id');
          const resumed = await knex('storage_request_history')
            .whereIn('request_id', ids)
            .where({ from_status: 'applying', to_status: 'applying' })
            .count({ n: '*' });
          const decidedLate = await undecidedForLong(knex, ids);
          summary.kills += kills;
          summary.faultsInjected += kills;
          summary.requests += stored.size;
          summary.lost += lost;
          summary.duplicated += duplicated + decisionsTwice.length;
          summary.falseRecords += claimsOfRejected + wrongOutcome.length;
          count('sigkill', {
            kills,
            requests: ids.length,
            stored: stored.size,
            acknowledgedBeforeKill: acknowledged.size,
            submissionsCutByKill: interrupted.submissions,
            decisionsCutByKill: interrupted.decisions,
            applied: finals.filter(r => r.status === 'applied').length,
            rejected: finals.filter(r => r.status === 'rejected').length,
            decidedByTheBackendAlone: decidedLate,
            resumedApplies: Number(resumed[0].n),
            duplicatedClaims: duplicated,
            decisionsRecordedTwice: decisionsTwice.length,
            claimsOfRejected,
            lost,
            brokenHistories: broken.length,
          });
          expect(kills).toBe(rounds);
          expect(broken).toEqual([]);
          expect(wrongOutcome).toEqual([]);
          expect(duplicated).toBe(0);
          expect(decisionsTwice).toEqual([]);
          expect(claimsOfRejected).toBe(0);
          expect(lost).toBe(0);
        } finally {
          await knex.destroy();
        }
      } finally {
        running?.child.kill('SIGKILL');
        await running?.exited;
        fs.rmSync(dir, { recursive: true, force: true });
        await sim.close();
      }
    },
    FULL ? 15 * 60_000 : 240_000,
  );

  it('says within one event when a driver is gone, IAM denies, EFS has no access points left, or the quota is full', async () => {
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
      // The provisioner retries, and the PV controller repeats its waiting
      // event, every 5 s: events come one at a time, so a diagnosis can be
      // checked against how many there were when it appeared.
      delays: { retryMs: 5000, waitingEventMs: 5000 },
    });
    const core = sim.kubeConfig.makeApiClient(CoreV1Api);
    const knex = sqlite();
    const api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: sim.url }],
      knex,
    });
    try {
      await eventually(
        async () => (await api.get('/health')).body.clusters?.[0]?.synced,
        'the backend to sync',
      );
      const diagnosisOf = async (name: string) =>
        (await api.get(`/claims/eks-dev/payments/${name}`)).body.diagnosis;
      /**
       * How many rounds of the claim's events with these reasons the cluster
       * has emitted: the controllers repeat them every 5 s, and a round may
       * be a burst (the PV controller says ExternalProvisioning twice at
       * once, as a real one does), so rounds are told apart by time.
       */
      const eventsOf = async (name: string, reasons: string[]) => {
        const events = (
          await core.listNamespacedEvent({
            namespace: 'payments',
            fieldSelector: `involvedObject.name=${name}`,
          })
        ).items.filter(e => reasons.includes(e.reason ?? ''));
        if (!events.length) return 0;
        const times = events.flatMap(e => [
          new Date(e.firstTimestamp ?? 0).getTime(),
          new Date(e.lastTimestamp ?? 0).getTime(),
        ]);
        return 1 + Math.floor((Math.max(...times) - Math.min(...times)) / 5000);
      };
      const eventsWhenDiagnosed: Record<string, number> = {};

      // A driver uninstalled.
      sim.faults.uninstallDriver('ebs.csi.aws.com');
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: claimBody('rel-f-nodriver', 'gp3-immediate'),
      });
      const noDriver = await eventually(
        async () => {
          const d = await diagnosisOf('rel-f-nodriver');
          return d?.severity === 'error' && d;
        },
        'the missing driver to be diagnosed',
        10_000,
      );
      eventsWhenDiagnosed.driverMissing = await eventsOf('rel-f-nodriver', [
        'ExternalProvisioning',
        'ProvisioningFailed',
      ]);
      expect(`${noDriver.headline} ${noDriver.explanation}`).toMatch(
        /ebs\.csi\.aws\.com|EBS CSI driver/i,
      );
      sim.faults.installDriver('ebs.csi.aws.com');

      // IAM denied.
      sim.faults.setIamDenied('ebs.csi.aws.com', true);
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: claimBody('rel-f-iam', 'gp3-immediate'),
      });
      const iam = await eventually(
        async () => {
          const d = await diagnosisOf('rel-f-iam');
          return d?.severity === 'error' && d;
        },
        'the IAM denial to be diagnosed',
        10_000,
      );
      eventsWhenDiagnosed.iamDenied = await eventsOf('rel-f-iam', [
        'ProvisioningFailed',
      ]);
      expect(`${iam.headline} ${iam.explanation} ${iam.fix}`).toMatch(
        /IAM|permission|not authorized|access denied/i,
      );
      sim.faults.setIamDenied('ebs.csi.aws.com', false);

      // The EFS file system's access points all taken: said at the first
      // ProvisioningFailed event, before the provisioner retries.
      sim.faults.setEfsAccessPointLimit(0);
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: {
          ...claimBody('rel-f-efs', 'efs'),
          spec: {
            ...claimBody('rel-f-efs', 'efs').spec,
            accessModes: ['ReadWriteMany'],
          },
        },
      });
      const failures = () => eventsOf('rel-f-efs', ['ProvisioningFailed']);
      await eventually(
        async () => (await failures()) > 0,
        'the first ProvisioningFailed event',
        10_000,
      );
      const efs = await eventually(
        async () => {
          const d = await diagnosisOf('rel-f-efs');
          return /access point/i.test(`${d?.headline} ${d?.explanation}`) && d;
        },
        'the access-point limit to be diagnosed',
        10_000,
      );
      eventsWhenDiagnosed.efsAccessPoints = await failures();
      expect(efs.severity).toBe('error');
      sim.faults.setEfsAccessPointLimit(null);

      // A full quota: the request is refused by the API server, and says why.
      sim.faults.fillQuota('payments');
      const submitted = await api.post(
        '/requests',
        requestBody('rel-f-quota', 'rel-f-quota', 'ebs-gp3-immediate'),
      );
      // Refused at once, or applied and refused by the API server.
      const refusedAtOnce =
        submitted.status >= 400 && submitted.status < 500
          ? JSON.stringify(submitted.body)
          : '';
      const quota = await eventually(
        async () => {
          if (refusedAtOnce) {
            return /quota/i.test(refusedAtOnce) && { status: 'refused' };
          }
          const { body } = await api.get('/requests/rel-f-quota');
          if (
            /quota/i.test(
              `${body.request?.lastError ?? ''} ${JSON.stringify(
                body.history ?? [],
              )}`,
            )
          ) {
            // Said at the cluster's first refusal, not after retries.
            eventsWhenDiagnosed.quotaFull = body.request.attempts ?? 0;
            return body.request;
          }
          return undefined;
        },
        `the full quota to be reported (submit answered ${
          submitted.status
        } ${JSON.stringify(submitted.body).slice(0, 300)})`,
        10_000,
      );
      expect(['approved', 'failed', 'refused']).toContain(quota.status);
      summary.faultsInjected += 4;
      count('diagnoses', {
        faults: 4,
        diagnosed: 4,
        ...Object.fromEntries(
          Object.entries(eventsWhenDiagnosed).map(([fault, n]) => [
            `${fault}EventsBeforeDiagnosis`,
            n,
          ]),
        ),
      });
      // Each said at its first event (a refused request: its first refusal).
      expect(
        Object.entries(eventsWhenDiagnosed).filter(([, n]) => n > 1),
      ).toEqual([]);
      expect(eventsWhenDiagnosed).toMatchObject({
        driverMissing: expect.any(Number),
        iamDenied: 1,
        efsAccessPoints: 1,
      });
    } finally {
      await api.stop();
      await knex.destroy();
      await sim.close();
    }
  });
});
