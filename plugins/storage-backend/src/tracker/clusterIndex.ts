import {
  CoreV1Event,
  V1CSIDriver,
  V1Node,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import { ClusterCache, VolumeSnapshot, claimsOfPod } from './ClusterCache';
import { claimKey } from './claimKey';

function groupBy<T>(items: readonly T[], keysOf: (item: T) => string[]) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

const key = claimKey;

/**
 * The cluster's objects indexed by the claim they concern, built once per
 * batch of claims to diagnose rather than once per claim: with many claims,
 * scanning every pod and event for each one is what costs.
 */
export class ClusterIndex {
  readonly storageClasses: V1StorageClass[];
  readonly nodes: V1Node[];
  readonly csiDrivers: V1CSIDriver[];
  private readonly podsByClaim: Map<string, V1Pod[]>;
  private readonly claimEvents: Map<string, CoreV1Event[]>;
  private readonly podEvents: Map<string, CoreV1Event[]>;
  private readonly snapshotsByClaim: Map<string, VolumeSnapshot[]>;

  constructor(cache: ClusterCache) {
    this.storageClasses = [...cache.list<V1StorageClass>('StorageClass')];
    this.nodes = [...cache.list<V1Node>('Node')];
    this.csiDrivers = [...cache.list<V1CSIDriver>('CSIDriver')];
    this.podsByClaim = groupBy(cache.list<V1Pod>('Pod'), pod =>
      claimsOfPod(pod).map(claim => key(pod.metadata?.namespace, claim)),
    );
    const byObject = (event: CoreV1Event) => [
      key(event.involvedObject?.namespace, event.involvedObject?.name),
    ];
    this.claimEvents = groupBy(
      cache.list<CoreV1Event>('Event/claim'),
      byObject,
    );
    this.podEvents = groupBy(cache.list<CoreV1Event>('Event/pod'), byObject);
    this.snapshotsByClaim = groupBy(
      cache.list<VolumeSnapshot>('VolumeSnapshot'),
      snapshot => {
        const claim = snapshot.spec?.source?.persistentVolumeClaimName;
        return claim ? [key(snapshot.metadata?.namespace, claim)] : [];
      },
    );
  }

  podsOf(namespace: string | undefined, claim: string): V1Pod[] {
    return this.podsByClaim.get(key(namespace, claim)) ?? [];
  }

  /** The claim's events and the warnings of the pods that use it. */
  eventsOf(
    namespace: string | undefined,
    claim: string,
    pods: V1Pod[],
  ): CoreV1Event[] {
    return [
      ...(this.claimEvents.get(key(namespace, claim)) ?? []),
      ...pods.flatMap(
        pod => this.podEvents.get(key(namespace, pod.metadata?.name)) ?? [],
      ),
    ];
  }

  snapshotsOf(namespace: string | undefined, claim: string): VolumeSnapshot[] {
    return this.snapshotsByClaim.get(key(namespace, claim)) ?? [];
  }
}
