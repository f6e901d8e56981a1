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
    'applies every approved request exactly once while the backend is killed with SIGKILL mid-apply',
    async () => {
      const rounds = FULL ? 20 : 4;
      const perRound = FULL ? 6 : 4;
      const sim = await startEksSim({
        scenario: 'empty',
        clusterName: 'eks-dev',
      });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-kill-'));
      const dbFile = path.join(dir, 'storage.sqlite');
      const auth = mockCredentials.user.header('user:default/alice');
      const post = (url: string, body: object) =>
        supertest(url)
          .post('/api/storage/requests')
          .set('Authorization', auth)
          .type('json')
          .send(body);
      const ids: string[] = [];
      const acknowledged = new Set<string>();
      let kills = 0;
      let running: Awaited<ReturnType<typeof startChildBackend>> | undefined;
      try {
        for (let round = 0; round < rounds; round++) {
          const current = await startChildBackend(sim.url, dbFile);
          running = current;
          const batch = Array.from(
            { length: perRound },
            (_, i) => `rel-k-${round}-${i}`,
          );
          ids.push(...batch);
          const posts = batch.map(async (id, i) => {
            await sleep(i * 30);
            const reply = await post(
              current.url,
              requestBody(id, id, 'ebs-gp3-immediate'),
            );
            if (reply.status === 201 || reply.status === 200) {
              acknowledged.add(id);
            }
          });
          // Somewhere among storing, approving and applying the batch:
          // once the backend answers its first request, within the time
          // the rest take.
          const firstAnswer = Promise.race(posts);
          await Promise.race([firstAnswer, sleep(10_000)]);
          await sleep(Math.random() * perRound * 30);
          current.child.kill('SIGKILL');
          await current.exited;
          running = undefined;
          kills += 1;
          await Promise.allSettled(posts);
        }
        // The last restart; clients retry what was never answered, with
        // the same requestId.
        running = await startChildBackend(sim.url, dbFile);
        const api = {
          post: (_path: string, body: object) => post(running!.url, body),
        } as unknown as Api;
        for (const id of ids) {
          await submit(api, requestBody(id, id, 'ebs-gp3-immediate'));
        }
        const knex = knexFactory({
          client: 'better-sqlite3',
          connection: dbFile,
          useNullAsDefault: true,
        });
        try {
          let lastSeen: unknown;
          const tasks = async () =>
            JSON.stringify(
              await knex('backstage_backend_tasks__tasks').select(),
            ).slice(0, 2000);
          // Interrupted applies wait out their lease (30 s); the safety
          // net's lock of a killed run frees at its timeout (30 s), when the
          // scheduler's janitor (every minute) sees it.
          const finals = await eventually(
            async () => {
              const rows = await knex('storage_requests')
                .whereIn('id', ids)
                .select('id', 'status', 'next_attempt_at', 'attempts');
              lastSeen = rows.filter(r =>
                ['approved', 'applying'].includes(r.status),
              );
              return rows.length === ids.length &&
                rows.every(r => !['approved', 'applying'].includes(r.status))
                ? rows
                : undefined;
            },
            'every request to leave approved and applying',
            FULL ? 240_000 : 110_000,
          ).catch(async error => {
            throw new Error(
              `${error.message}; left: ${JSON.stringify(
                lastSeen,
              )}; tasks: ${await tasks()}`,
            );
          });
          const applied = finals.filter(r => r.status === 'applied');
          const undecided = finals.filter(r => r.status === 'submitted');
          const perRequest = new Map<string, number>();
          (await clusterClaims(sim)).forEach(pvc => {
            const id = pvc.metadata?.labels?.[REQUEST_LABEL] ?? '';
            perRequest.set(id, (perRequest.get(id) ?? 0) + 1);
          });
          const duplicated = [...perRequest.values()].filter(n => n > 1).length;
          const lost =
            applied.filter(r => perRequest.get(r.id) !== 1).length +
            [...acknowledged].filter(id => !finals.some(r => r.id === id))
              .length;
          const broken = await brokenHistories(knex, ids);
          const resumed = await knex('storage_request_history')
            .whereIn('request_id', ids)
            .where({ from_status: 'applying', to_status: 'applying' })
            .count({ n: '*' });
          summary.kills += kills;
          summary.faultsInjected += kills;
          summary.requests += ids.length;
          summary.lost += lost;
          summary.duplicated += duplicated;
          count('sigkill', {
            kills,
            requests: ids.length,
            acknowledgedBeforeKill: acknowledged.size,
            applied: applied.length,
            resumedApplies: Number(resumed[0].n),
            leftUndecided: undecided.length,
            stuck: finals.length - applied.length,
            duplicatedClaims: duplicated,
            lost,
            brokenHistories: broken.length,
          });
          expect(kills).toBe(rounds);
          expect(broken).toEqual([]);
          expect(duplicated).toBe(0);
          expect(lost).toBe(0);
          // Kills land between storing and deciding too: policy decisions
          // are not resumed yet, so such a request stays submitted.
          expect(
            finals.filter(r => !['applied', 'submitted'].includes(r.status)),
          ).toEqual([]);
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
      // The provisioner retries after 5 s: one failure event at a time.
      delays: { retryMs: 5000 },
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
        5000,
      );
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
        5000,
      );
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
      const failures = async () =>
        (
          await core.listNamespacedEvent({
            namespace: 'payments',
            fieldSelector: 'involvedObject.name=rel-f-efs',
          })
        ).items
          .filter(e => e.reason === 'ProvisioningFailed')
          .reduce((n, e) => n + (e.count ?? 1), 0);
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
      const failuresWhenDiagnosed = await failures();
      expect(efs.severity).toBe('error');
      expect(failuresWhenDiagnosed).toBe(1);
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
          return (
            /quota/i.test(
              `${body.request?.lastError ?? ''} ${JSON.stringify(
                body.history ?? [],
              )}`,
            ) && body.request
          );
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
        efsFailuresBeforeDiagnosis: failuresWhenDiagnosed,
      });
    } finally {
      await api.stop();
      await knex.destroy();
      await sim.close();
    }
  });
});
