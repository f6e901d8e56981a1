/**
 * The storage backend's claim tracker against many claims: how long the
 * first sync takes (list, diagnose and record every claim), the memory the
 * cache holds, how fast an entity's claims are listed from it, and how soon
 * a change in the cluster becomes a recorded transition.
 *
 *   yarn bench claim-tracker [--smoke] [--claims N]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import knexFactory from 'knex';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { kindByName } from '../../packages/eks-sim/src/kinds';
import { startEksSim } from '../../packages/eks-sim/src/sim';
import { ClusterRegistry } from '../../plugins/storage-backend/src/clusters/ClusterRegistry';
import { DatabaseClaimTransitionStore } from '../../plugins/storage-backend/src/database/DatabaseClaimTransitionStore';
import { applyDatabaseMigrations } from '../../plugins/storage-backend/src/database/migrations';
import { ClaimTracker } from '../../plugins/storage-backend/src/tracker/ClaimTracker';
import { parseLabelSelector } from '../../plugins/storage-common/src/model/labelSelector';

const { values } = parseArgs({
  options: { smoke: { type: 'boolean' }, claims: { type: 'string' } },
});
const smoke = Boolean(values.smoke);
const claims = Number(values.claims ?? (smoke ? 1000 : 100_000));
const entities = 50;

// Warnings and errors only: a benchmark's output is its table.
const logger: LoggerService = {
  error: message => console.error(message),
  warn: message => console.warn(message),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

const heapMiB = () => {
  global.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

async function main() {
  const sim = await startEksSim({ scenario: 'empty', clusterName: 'bench' });
  const PVC = kindByName('PersistentVolumeClaim');
  for (let i = 0; i < claims; i++) {
    sim.registry.create(
      PVC,
      'payments',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: `bench-${String(i).padStart(6, '0')}`,
          labels: { 'backstage.io/kubernetes-id': `app-${i % entities}` },
        },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: '10Gi' } },
        },
      },
      { fieldManager: 'bench' },
    );
    if (i % 5000 === 4999) await new Promise(r => setImmediate(r));
  }

  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await applyDatabaseMigrations({ getClient: async () => knex });
  const transitions = new DatabaseClaimTransitionStore(knex);
  const seen = new Map<string, number>();
  const tracker = new ClaimTracker({
    clusters: new ClusterRegistry([
      {
        name: 'bench',
        title: 'bench',
        url: sim.url,
        auth: { provider: 'anonymous' },
        skipTLSVerify: true,
      },
    ]),
    transitions,
    logger,
    debounceMs: 50,
    onChange: (_claim, t) => {
      if (t) seen.set(`${t.name}/${t.toState}`, Date.now());
    },
  });

  const heapBefore = heapMiB();
  const started = Date.now();
  await tracker.start();
  const syncMs = Date.now() - started;
  const heapAfter = heapMiB();
  const recorded = (
    await knex('storage_claim_transitions').count({ n: '*' })
  )[0].n;

  const selector = parseLabelSelector('backstage.io/kubernetes-id=app-7')!;
  const listStarted = process.hrtime.bigint();
  const rounds = 20;
  let listed = 0;
  for (let i = 0; i < rounds; i++) {
    listed = tracker.listClaims({ selector, namespaces: ['payments'] }).length;
  }
  const listMs = Number(process.hrtime.bigint() - listStarted) / 1e6 / rounds;

  // A claim losing its volume: from the API call to the recorded transition.
  const changed = 'bench-000042';
  const changeStarted = Date.now();
  await fetch(
    `${sim.url}/api/v1/namespaces/payments/persistentvolumeclaims/${changed}/status`,
    {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ status: { phase: 'Lost' } }),
    },
  );
  while (!seen.has(`${changed}/lost`)) {
    if (Date.now() - changeStarted > 30_000)
      throw new Error('no transition seen');
    await new Promise(r => setTimeout(r, 5));
  }
  const changeMs = seen.get(`${changed}/lost`)! - changeStarted;

  const rows: Array<[string, string]> = [
    [
      `first sync of ${claims} claims (list, diagnose, record)`,
      `${syncMs} ms (${Math.round((claims / syncMs) * 1000)} claims/s)`,
    ],
    ['transitions recorded on first sync', String(recorded)],
    [
      'heap held by the tracker (cache and summaries)',
      `${heapAfter - heapBefore} MiB`,
    ],
    [
      `list an entity's claims (${listed} of ${claims})`,
      `${listMs.toFixed(2)} ms`,
    ],
    ['cluster change → recorded transition', `${changeMs} ms`],
  ];
  const report = [
    '# Claim tracker benchmark',
    '',
    `Measured ${new Date()
      .toISOString()
      .slice(0, 10)} with \`yarn bench claim-tracker\` on a ${
      require('node:os').cpus().length
    }-core machine, Node ${
      process.version
    }; eks-sim in the same process, transitions in in-memory SQLite.`,
    '',
    '| Measurement | Result |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n');
  console.log(report);
  if (!smoke) writeFileSync(join(__dirname, 'results.md'), report);

  await tracker.stop();
  await knex.destroy();
  await sim.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
