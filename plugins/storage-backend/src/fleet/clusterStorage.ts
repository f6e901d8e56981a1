import {
  ClaimSummary,
  ClusterStorage,
  VolumeSnapshotObject,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  V1CSIDriver,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
  VersionApi,
} from '@kubernetes/client-node';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { ClaimTracker } from '../tracker/ClaimTracker';
import { FleetHistoryStore } from './store/FleetHistoryStore';

/** One cluster as the fleet functions read it, with the tracker's claim summaries. */
export interface FleetCluster {
  storage: ClusterStorage;
  synced: boolean;
  claims: ClaimSummary[];
}

/**
 * Each cluster's Kubernetes version (`/version`), asked once per cluster
 * and again after `ttlMs`: class health needs it (in-tree provisioners,
 * the default class since EKS 1.30), and it changes only with an upgrade.
 */
export class ClusterVersions {
  private readonly known = new Map<string, { at: number; version?: string }>();

  constructor(
    private readonly clusters: ClusterRegistry,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  async of(cluster: string): Promise<string | undefined> {
    const now = Date.now();
    const known = this.known.get(cluster);
    if (known && now - known.at < this.ttlMs) return known.version;
    const client = this.clusters.get(cluster);
    let version: string | undefined;
    try {
      version = client
        ? (await client.kubeConfig.makeApiClient(VersionApi).getCode())
            .gitVersion
        : undefined;
    } catch {
      // Unknown for now: the checks that need it are skipped.
      version = known?.version;
    }
    this.known.set(cluster, { at: now, version });
    return version;
  }
}

/**
 * Every cluster's storage objects from the tracker's informer caches (never
 * a call to the cluster per page view), with the claims the tracker saw
 * deleted, so volumes they left behind keep their owner.
 */
export async function fleetClusters(options: {
  tracker: ClaimTracker;
  history: FleetHistoryStore;
  versions: ClusterVersions;
}): Promise<FleetCluster[]> {
  return Promise.all(
    options.tracker.clusterObjects().map(async objects => {
      const [formerClaims, kubernetesVersion] = await Promise.all([
        options.history.formerClaims(objects.cluster),
        options.versions.of(objects.cluster),
      ]);
      const storage: ClusterStorage = {
        cluster: objects.cluster,
        ...(kubernetesVersion && { kubernetesVersion }),
        storageClasses: [...objects.list<V1StorageClass>('StorageClass')],
        csiDrivers: [...objects.list<V1CSIDriver>('CSIDriver')],
        persistentVolumes: [
          ...objects.list<V1PersistentVolume>('PersistentVolume'),
        ],
        persistentVolumeClaims: [
          ...objects.list<V1PersistentVolumeClaim>('PersistentVolumeClaim'),
        ],
        volumeSnapshots: [
          ...objects.list<VolumeSnapshotObject & { kind?: string }>(
            'VolumeSnapshot',
          ),
        ],
        pods: [...objects.list<V1Pod>('Pod')],
        formerClaims,
      };
      return { storage, synced: objects.synced, claims: objects.claims };
    }),
  );
}
