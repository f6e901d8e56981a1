/**
 * Simulated clusters in a child process of their own, as API servers are
 * other machines: their work does not share the measured backend's event
 * loop. `startSimHost` forks this file; the child starts the clusters, loads
 * their fleets and answers the parent's messages (request counts, claim
 * status changes, stop).
 */
import { fork, ChildProcess } from 'node:child_process';
import { kindByName, resourceKey } from '../../packages/eks-sim/src/kinds';
import { EksSim, startEksSim } from '../../packages/eks-sim/src/sim';
import { FleetOptions, loadFleet } from './fleet';

export interface SimHostOptions {
  clusters: string[];
  /** Per cluster; offsets are added so names differ between clusters. */
  fleet?: Omit<FleetOptions, 'offset'>;
  scenario?: 'empty' | 'demo' | 'none';
  /** Heap of the child, MiB. */
  maxHeapMiB?: number;
  historySize?: number;
}

type Request =
  | { id: number; type: 'counts' }
  | {
      id: number;
      type: 'setClaimPhase';
      cluster: string;
      namespace: string;
      name: string;
      phase: 'Lost' | 'Bound';
    }
  | { id: number; type: 'stop' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface SimHost {
  clusters: Array<{ name: string; url: string }>;
  /** API requests each cluster answered so far, by verb and resource. */
  counts(): Promise<Record<string, Record<string, number>>>;
  /**
   * API requests across clusters so far: `calls` (lists, gets, writes …)
   * and `watches` (watch requests: an informer's watch, opened again after
   * a quiet spell, whatever the pages do).
   */
  total(): Promise<{ calls: number; watches: number }>;
  /**
   * A claim's volume disappears and the claim goes Lost, or both come back
   * and it is Bound again; resolves with the time the claim's phase was
   * written (ms since the epoch, sub-ms). (A Lost claim whose volume is
   * still there would be bound again by the PV controller at once.)
   */
  setClaimPhase(
    cluster: string,
    namespace: string,
    name: string,
    phase: 'Lost' | 'Bound',
  ): Promise<number>;
  stop(): Promise<void>;
}

export async function startSimHost(options: SimHostOptions): Promise<SimHost> {
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const child: ChildProcess = fork(__filename, [JSON.stringify(options)], {
    execArgv: [
      '-r',
      transform,
      `--max-old-space-size=${options.maxHeapMiB ?? 4096}`,
      // BENCH_SIM_PROFILE=<dir>: a CPU profile of the simulated clusters.
      ...(process.env.BENCH_SIM_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SIM_PROFILE}`]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: any) => void>();
  let nextId = 1;
  const ready = new Promise<SimHost['clusters']>((resolve, reject) => {
    child.once('exit', code =>
      reject(new Error(`simulated clusters exited (${code})`)),
    );
    child.on('message', (message: any) => {
      if (message.type === 'ready') resolve(message.clusters);
      else waiting.get(message.id)?.(message.value);
    });
  });
  const ask = <T>(request: WithoutId<Request>): Promise<T> =>
    new Promise(resolve => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...request, id });
    });
  const clusters = await ready;
  child.removeAllListeners('exit');
  return {
    clusters,
    counts: () => ask({ type: 'counts' }),
    total: async () => {
      const counts = await ask<Record<string, Record<string, number>>>({
        type: 'counts',
      });
      const sum = { calls: 0, watches: 0 };
      for (const [key, count] of Object.values(counts).flatMap(c =>
        Object.entries(c),
      )) {
        if (key.startsWith('watch ')) sum.watches += count;
        else sum.calls += count;
      }
      return sum;
    },
    setClaimPhase: (cluster, namespace, name, phase) =>
      ask({ type: 'setClaimPhase', cluster, namespace, name, phase }),
    stop: async () => {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.send({ type: 'stop', id: 0 });
      await exited;
    },
  };
}

async function serve(options: SimHostOptions) {
  const sims = new Map<string, EksSim>();
  for (const [index, name] of options.clusters.entries()) {
    const sim = await startEksSim({
      scenario: options.scenario ?? 'empty',
      clusterName: name,
      historySize: options.historySize,
    });
    if (options.fleet) {
      await loadFleet(sim, {
        ...options.fleet,
        offset: index * options.fleet.claims,
      });
    }
    sims.set(name, sim);
  }
  const PVC = resourceKey(kindByName('PersistentVolumeClaim'));
  const PV = resourceKey(kindByName('PersistentVolume'));
  const lostVolumes = new Map<string, any>();
  process.on('message', async (request: Request) => {
    switch (request.type) {
      case 'counts':
        process.send!({
          id: request.id,
          value: Object.fromEntries(
            [...sims].map(([name, sim]) => [name, sim.requests.snapshot()]),
          ),
        });
        return;
      case 'setClaimPhase': {
        // Straight into the store, as the controllers' writes land: what
        // follows (watch, tracker, signal) is what is measured.
        const store = sims.get(request.cluster)!.registry.store;
        const pvc = store.get(PVC, request.namespace, request.name)!;
        const volume = pvc.spec?.volumeName as string;
        if (request.phase === 'Lost') {
          lostVolumes.set(volume, store.get(PV, undefined, volume)!);
          store.remove(PV, undefined, volume);
        } else if (lostVolumes.has(volume)) {
          store.put(PV, lostVolumes.get(volume)!);
          lostVolumes.delete(volume);
        }
        const at = performance.timeOrigin + performance.now();
        store.put(PVC, {
          ...pvc,
          status: { ...pvc.status, phase: request.phase },
        });
        process.send!({ id: request.id, value: at });
        return;
      }
      case 'stop':
        await Promise.all([...sims.values()].map(sim => sim.close()));
        process.exit(0);
    }
  });
  process.send!({
    type: 'ready',
    clusters: [...sims].map(([name, sim]) => ({ name, url: sim.url })),
  });
}

if (require.main === module) {
  serve(JSON.parse(process.argv[2])).catch(error => {
    console.error(error);
    process.exit(1);
  });
}
