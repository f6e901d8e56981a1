/**
 * Composes one simulated cluster: store, registry, API server, controllers,
 * faults and a scenario, behind `startEksSim`.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { adminHandler } from './admin';
import { Authenticator, AuthPolicy } from './api/auth';
import { Registry } from './api/registry';
import { RequestCounter } from './api/requestCounter';
import { ApiServer, listen } from './api/server';
import { generateTls } from './api/tls';
import { WatchHub } from './api/watch';
import { SimClock } from './clock';
import { startControllers } from './controllers';
import { Delays, delayPreset, DelayPreset } from './controllers/delays';
import { Faults, RequestFaultSettings } from './faults';
import { kubeconfigYaml } from './kubeconfig';
import { ScenarioName, loadScenario } from './scenarios';
import { ObjectStore } from './store/objectStore';
import { nodeSummary, VolumeUsage } from './kubeletStats';
import { DEMO_VOLUME_USAGE } from './scenarios/demo';

export interface EksSimOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** `demo`, `empty` (default) or `none` (no objects at all). */
  scenario?: ScenarioName;
  /** Name used in the kubeconfig and in generated resource names. */
  clusterName?: string;
  /** Serve HTTPS with a generated CA (returned as `caCert`). */
  https?: boolean;
  /** Anonymous full access (default) or bearer tokens with rules. */
  auth?: AuthPolicy;
  /** Token written into the kubeconfig (tokens mode). */
  kubeconfigToken?: string;
  /** Controller delays: a preset (`fast` default, `demo`) or explicit values. */
  delays?: DelayPreset | Partial<Delays>;
  /** How many recent changes watches can resume from. */
  historySize?: number;
  /** Interval of watch bookmarks for clients that allow them. */
  bookmarkIntervalMs?: number;
  /** Faults active from the start. */
  faults?: RequestFaultSettings & {
    uninstalledDrivers?: string[];
    iamDeniedDrivers?: string[];
  };
}

export interface EksSim {
  url: string;
  clusterName: string;
  /** Kubeconfig YAML for this cluster (write it to a file for kubectl). */
  kubeconfig: string;
  /** A @kubernetes/client-node KubeConfig loaded with `kubeconfig`. */
  kubeConfig: KubeConfig;
  /** PEM of the CA when serving HTTPS. */
  caCert?: string;
  faults: Faults;
  clock: SimClock;
  registry: Registry;
  /** How full each claim's file system is (kubelet volume stats). */
  volumeUsage: VolumeUsage;
  /** Every API request answered so far, by verb and resource (benchmarks read it). */
  requests: RequestCounter;
  close(): Promise<void>;
}

function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs)
        reject(new Error(`scenario did not settle: ${what}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

export async function startEksSim(
  options: EksSimOptions = {},
): Promise<EksSim> {
  const clusterName = options.clusterName ?? 'eks-sim';
  const clock = new SimClock();
  const store = new ObjectStore({ historySize: options.historySize });
  const registry = new Registry(store, clock);
  const watches = new WatchHub(store, {
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 10_000,
    defaultTimeoutMs: 30 * 60 * 1000,
    now: () => clock.now(),
  });
  const faults = new Faults(registry, watches, clock);
  const volumeUsage = new VolumeUsage(clock);
  faults.setRequestFaults(options.faults ?? {});
  const requestedDelays =
    typeof options.delays === 'string' || options.delays === undefined
      ? delayPreset(options.delays ?? 'fast')
      : { ...delayPreset('fast'), ...options.delays };
  // Scenarios settle at test speed, then switch to the requested delays.
  const delays = delayPreset('fast');
  const useRequestedDelays = () => Object.assign(delays, requestedDelays);

  const controllers = startControllers({
    registry,
    clock,
    faults,
    delays,
    clusterName,
  });
  try {
    await loadScenario(options.scenario ?? 'empty', {
      registry,
      clusterName,
      until: (check, what) => waitUntil(check, what),
      uninstallDriver: name => faults.uninstallDriver(name),
      useRequestedDelays,
      inThePast: async (ms, step) => {
        clock.advance(-ms);
        try {
          await step();
        } finally {
          clock.advance(ms);
        }
      },
    });
  } catch (error) {
    controllers.stop();
    clock.close();
    throw error;
  }
  if (options.scenario === 'demo') {
    for (const { namespace, claim, ...usage } of DEMO_VOLUME_USAGE) {
      volumeUsage.set(namespace, claim, usage);
    }
  }
  useRequestedDelays();
  options.faults?.uninstalledDrivers?.forEach(d => faults.uninstallDriver(d));
  options.faults?.iamDeniedDrivers?.forEach(d => faults.setIamDenied(d, true));

  const tls = options.https ? generateTls(clusterName) : undefined;
  const requests = new RequestCounter();
  const api = new ApiServer({
    requests,
    registry,
    watches,
    authenticator: new Authenticator(options.auth ?? { mode: 'anonymous' }),
    faults,
    admin: adminHandler(faults),
    now: () => clock.now(),
    nodeProxy: (node, path) =>
      path === '/stats/summary' || path === '/stats/summary/'
        ? nodeSummary(registry, volumeUsage, clock, node)
        : undefined,
  });
  const server = await listen(
    api,
    options.port ?? 0,
    tls && { key: tls.key, cert: tls.cert },
  );
  const kubeconfig = kubeconfigYaml({
    clusterName,
    server: server.url,
    caCert: tls?.caCert,
    token: options.kubeconfigToken,
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeconfig);

  let closed = false;
  return {
    url: server.url,
    clusterName,
    kubeconfig,
    kubeConfig,
    caCert: tls?.caCert,
    faults,
    clock,
    registry,
    volumeUsage,
    requests,
    close: async () => {
      if (closed) return;
      closed = true;
      controllers.stop();
      clock.close();
      watches.dropAll();
      await server.close();
    },
  };
}
