/**
 * `eks-storage audit`: reads one cluster's storage objects with
 * @kubernetes/client-node and prints the class health, compliance and waste
 * findings of the fleet functions — the same the platform console shows.
 * The I/O lives here; the findings come from the pure functions.
 */
import { readFileSync } from 'node:fs';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  StorageV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { PriceTable, resolvePrices } from '../cost';
import {
  ClusterStorage,
  FleetFinding,
  FleetRules,
  FleetVolumeSnapshot,
  auditCluster,
  parseFleetRules,
} from '../fleet';
import { StorageOffering, parseOfferings } from '../model/offering';

/** What the audit reads from the platform's config (`storage.offerings`, `storage.fleet`, `storage.prices`). */
export interface AuditConfig {
  offerings: StorageOffering[];
  rules: FleetRules;
  prices: PriceTable;
}

/**
 * Reads the storage settings of one or more app-config files (later files
 * win per top-level key, as Backstage merges them); throws naming every
 * invalid entry.
 */
export function readAuditConfig(files: readonly string[]): AuditConfig {
  let storage: Record<string, unknown> = {};
  for (const file of files) {
    const parsed = parseYaml(readFileSync(file, 'utf8')) as
      | { storage?: Record<string, unknown> }
      | null
      | undefined;
    storage = { ...storage, ...(parsed?.storage ?? {}) };
  }
  const offerings = parseOfferings(storage.offerings ?? []);
  const rules = parseFleetRules(storage.fleet);
  const prices = resolvePrices(storage.prices);
  const errors = [...offerings.errors, ...rules.errors, ...prices.errors];
  if (errors.length > 0) {
    throw new Error(`invalid config:\n  ${errors.join('\n  ')}`);
  }
  return {
    offerings: offerings.offerings,
    rules: rules.rules,
    prices: prices.prices,
  };
}

/** A kubeconfig file at a context (its current one by default). */
export function loadKubeConfig(file: string, context?: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(file);
  if (context) {
    if (!kubeConfig.getContextObject(context)) {
      throw new Error(
        `context "${context}" is not in ${file}; it has ${
          kubeConfig
            .getContexts()
            .map(c => c.name)
            .join(', ') || 'no contexts'
        }`,
      );
    }
    kubeConfig.setCurrentContext(context);
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new Error(`${file} names no cluster for its current context`);
  }
  return kubeConfig;
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: number; statusCode?: number })?.code;
  return code === 404;
}

/**
 * Lists what the audit reads: StorageClasses, CSIDrivers, PVs, PVCs, Pods,
 * VolumeSnapshots (skipped when the snapshot CRDs are not installed) and the
 * server's version.
 */
export async function readClusterStorage(
  kubeConfig: KubeConfig,
  cluster: string,
): Promise<ClusterStorage> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const storage = kubeConfig.makeApiClient(StorageV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const version = kubeConfig.makeApiClient(VersionApi);
  const [
    storageClasses,
    csiDrivers,
    persistentVolumes,
    persistentVolumeClaims,
    pods,
    volumeSnapshots,
    serverVersion,
  ] = await Promise.all([
    storage.listStorageClass(),
    storage.listCSIDriver(),
    core.listPersistentVolume(),
    core.listPersistentVolumeClaimForAllNamespaces(),
    core.listPodForAllNamespaces(),
    custom
      .listClusterCustomObject({
        group: 'snapshot.storage.k8s.io',
        version: 'v1',
        plural: 'volumesnapshots',
      })
      .then(
        list => (list as { items?: FleetVolumeSnapshot[] }).items ?? [],
        error => {
          if (isNotFound(error)) return undefined;
          throw error;
        },
      ),
    version.getCode().then(
      info => info.gitVersion,
      () => undefined,
    ),
  ]);
  return {
    cluster,
    kubernetesVersion: serverVersion,
    storageClasses: storageClasses.items,
    csiDrivers: csiDrivers.items,
    persistentVolumes: persistentVolumes.items,
    persistentVolumeClaims: persistentVolumeClaims.items,
    pods: pods.items,
    volumeSnapshots,
  };
}

export interface AuditOptions {
  kubeconfig: string;
  context?: string;
  /** The cluster's name in the findings; the kubeconfig's cluster name by default. */
  clusterName?: string;
  configFiles?: readonly string[];
  now?: Date;
}

/** Reads the cluster and returns its findings, ordered as the console orders them. */
export async function auditFromKubeconfig(
  options: AuditOptions,
): Promise<{ cluster: string; findings: FleetFinding[] }> {
  const config = readAuditConfig(options.configFiles ?? []);
  const kubeConfig = loadKubeConfig(options.kubeconfig, options.context);
  const cluster =
    options.clusterName ?? kubeConfig.getCurrentCluster()?.name ?? 'cluster';
  const storage = await readClusterStorage(kubeConfig, cluster);
  const findings = auditCluster({
    storage,
    now: options.now ?? new Date(),
    offerings: config.offerings,
    rules: config.rules,
    prices: config.prices,
  });
  return { cluster, findings };
}
