/**
 * The kubelet Summary API (`/stats/summary`, k8s.io/kubelet/pkg/apis/stats/v1alpha1)
 * as the API server proxies it at `/api/v1/nodes/<node>/proxy/stats/summary`:
 * per running pod, its volumes with capacity, used and available bytes and
 * inodes, and a `pvcRef` for every volume backed by a claim.
 *
 * How full each file system is comes from `VolumeUsage`: a scenario sets a
 * claim's share in use and how fast it grows; other claims get a stable
 * share from their name. Usage grows with the simulated clock.
 */
import { parseQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { Registry } from './api/registry';
import { isoSeconds, SimClock } from './clock';
import { kindByName, resourceKey } from './kinds';
import { K8sObject } from './store/types';

const HOUR_MS = 3600 * 1000;
/** ext4's default bytes-per-inode (mke2fs.conf `inode_ratio`). */
const BYTES_PER_INODE = 16384;
/** What statfs reports for an EFS mount (8 EiB; NFS shows no real size). */
const EFS_REPORTED_BYTES = 2 ** 63;

export interface UsageSetting {
  /** Share of the file system in use when set, 0..1. */
  usedFraction: number;
  /** Growth per hour of simulated time, as a share of capacity (default 0.002). */
  growthPerHour?: number;
}

interface UsageState extends Required<UsageSetting> {
  since: number;
}

function stableFraction(name: string) {
  let hash = 7;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) % 1_000_003;
  return 0.25 + (hash % 400) / 1000; // 25%–65%
}

export class VolumeUsage {
  private readonly settings = new Map<string, UsageState>();

  constructor(private readonly clock: SimClock) {}

  /** Sets how full a claim's file system is from now on. */
  set(namespace: string, claim: string, setting: UsageSetting) {
    this.settings.set(`${namespace}/${claim}`, {
      usedFraction: setting.usedFraction,
      growthPerHour: setting.growthPerHour ?? 0.002,
      since: this.clock.now(),
    });
  }

  /** Share in use now (grows with the clock, at most 99.5%). */
  fraction(namespace: string, claim: string, createdAt: number) {
    const key = `${namespace}/${claim}`;
    const state = this.settings.get(key) ?? {
      usedFraction: stableFraction(key),
      growthPerHour: 0.002,
      since: createdAt,
    };
    const hours = Math.max(0, this.clock.now() - state.since) / HOUR_MS;
    return Math.min(0.995, state.usedFraction + state.growthPerHour * hours);
  }
}

const PODS = resourceKey(kindByName('Pod'));
const PVCS = resourceKey(kindByName('PersistentVolumeClaim'));
const PVS = resourceKey(kindByName('PersistentVolume'));
const NODES = resourceKey(kindByName('Node'));

function volumeStats(
  registry: Registry,
  usage: VolumeUsage,
  pod: K8sObject,
  volume: any,
  time: string,
) {
  const claimName = volume.persistentVolumeClaim.claimName;
  const namespace = pod.metadata.namespace!;
  const pvc = registry.store.get(PVCS, namespace, claimName);
  if (!pvc || pvc.status?.phase !== 'Bound') return undefined;
  const pv = registry.store.get(PVS, undefined, pvc.spec?.volumeName);
  const driver = pv?.spec?.csi?.driver;
  const capacity =
    driver === 'efs.csi.aws.com'
      ? EFS_REPORTED_BYTES
      : parseQuantity(pvc.status?.capacity?.storage) ?? 0;
  if (pvc.spec?.volumeMode === 'Block') return undefined;
  const fraction = usage.fraction(
    namespace,
    claimName,
    Date.parse(pvc.metadata.creationTimestamp ?? '') || Date.now(),
  );
  // EFS and S3 report a nominal size; what is used is what the claim asked for, filled.
  const requested = parseQuantity(pvc.spec?.resources?.requests?.storage) ?? 0;
  const used = Math.round(
    driver === 'efs.csi.aws.com' ? requested * fraction : capacity * fraction,
  );
  const inodes = Math.floor(capacity / BYTES_PER_INODE);
  const inodesUsed = Math.min(inodes, Math.floor(used / (64 * 1024)) + 11);
  return {
    time,
    availableBytes: Math.max(0, capacity - used),
    capacityBytes: capacity,
    usedBytes: used,
    inodesFree: inodes - inodesUsed,
    inodes,
    inodesUsed,
    name: volume.name,
    pvcRef: { name: claimName, namespace },
  };
}

/** The Summary of one node, or undefined when there is no such node. */
export function nodeSummary(
  registry: Registry,
  usage: VolumeUsage,
  clock: SimClock,
  nodeName: string,
) {
  const node = registry.store.get(NODES, undefined, nodeName);
  if (!node) return undefined;
  const time = isoSeconds(clock.now());
  const pods = registry.store
    .list(PODS)
    .filter(
      p => p.spec?.nodeName === nodeName && p.status?.phase === 'Running',
    );
  return {
    node: {
      nodeName,
      startTime: node.metadata.creationTimestamp,
      fs: {
        time,
        availableBytes: 62_000_000_000,
        capacityBytes: 85_886_742_528,
        usedBytes: 23_886_742_528,
        inodesFree: 41_000_000,
        inodes: 41_942_512,
        inodesUsed: 942_512,
      },
    },
    pods: pods.map(pod => ({
      podRef: {
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        uid: pod.metadata.uid,
      },
      startTime: pod.status?.startTime ?? pod.metadata.creationTimestamp,
      containers: (pod.spec?.containers ?? []).map((c: any) => ({
        name: c.name,
        startTime: pod.status?.startTime ?? pod.metadata.creationTimestamp,
      })),
      volume: (pod.spec?.volumes ?? [])
        .filter((v: any) => v?.persistentVolumeClaim?.claimName)
        .map((v: any) => volumeStats(registry, usage, pod, v, time))
        .filter(Boolean),
    })),
  };
}
