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

/** One namespace's pods, events and snapshots by the claim they concern. */
interface NamespaceIndex {
  podsByClaim: Map<string, V1Pod[]>;
  claimEvents: Map<string, CoreV1Event[]>;
  podEvents: Map<string, CoreV1Event[]>;
  snapshotsByClaim: Map<string, VolumeSnapshot[]>;
}

/**
 * The cluster's objects indexed by the claim they concern, built once per
 * batch of claims to diagnose rather than once per claim: with many claims,
 * scanning every pod and event for each one is what costs. Each namespace
 * is indexed when a claim of it is first asked about, so a batch of one
 * claim (a change in the cluster, a claim's page) reads its namespace only.
 * Nothing is kept after the batch: the informers' caches are the index's
 * source and stay current.
 */
export class ClusterIndex {
  readonly storageClasses: V1StorageClass[];
  readonly nodes: V1Node[];
  readonly csiDrivers: V1CSIDriver[];
  private readonly namespaces = new Map<string, NamespaceIndex>();

  constructor(private readonly cache: ClusterCache) {
    this.storageClasses = [...cache.list<V1StorageClass>('StorageClass')];
    this.nodes = [...cache.list<V1Node>('Node')];
    this.csiDrivers = [...cache.list<V1CSIDriver>('CSIDriver')];
  }

  private namespace(namespace: string | undefined): NamespaceIndex {
    const name = namespace ?? '';
    let index = this.namespaces.get(name);
    if (!index) {
      const { cache } = this;
      const byObject = (event: CoreV1Event) => [
        key(event.involvedObject?.namespace, event.involvedObject?.name),
      ];
      index = {
        podsByClaim: groupBy(cache.list<V1Pod>('Pod', name), pod =>
          claimsOfPod(pod).map(claim => key(pod.metadata?.namespace, claim)),
        ),
        claimEvents: groupBy(
          cache.list<CoreV1Event>('Event/claim', name),
          byObject,
        ),
        podEvents: groupBy(
          cache.list<CoreV1Event>('Event/pod', name),
          byObject,
        ),
        snapshotsByClaim: groupBy(
          cache.list<VolumeSnapshot>('VolumeSnapshot', name),
          snapshot => {
            const claim = snapshot.spec?.source?.persistentVolumeClaimName;
            return claim ? [key(snapshot.metadata?.namespace, claim)] : [];
          },
        ),
      };
      this.namespaces.set(name, index);
    }
    return index;
  }

  podsOf(namespace: string | undefined, claim: string): V1Pod[] {
    return (
      this.namespace(namespace).podsByClaim.get(key(namespace, claim)) ?? []
    );
  }

  /** The claim's events and the warnings of the pods that use it. */
  eventsOf(
    namespace: string | undefined,
    claim: string,
    pods: V1Pod[],
  ): CoreV1Event[] {
    const index = this.namespace(namespace);
    return [
      ...(index.claimEvents.get(key(namespace, claim)) ?? []),
      ...pods.flatMap(
        pod => index.podEvents.get(key(namespace, pod.metadata?.name)) ?? [],
      ),
    ];
  }

  snapshotsOf(namespace: string | undefined, claim: string): VolumeSnapshot[] {
    return (
      this.namespace(namespace).snapshotsByClaim.get(key(namespace, claim)) ??
      []
    );
  }
}
