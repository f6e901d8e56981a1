import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CoreV1Event,
  CustomObjectsApi,
  KubernetesObject,
  ListWatch,
  V1CSIDriver,
  V1Node,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import { ClusterClient } from '../clusters/ClusterRegistry';
import { claimKey } from './claimKey';
import {
  ListPage,
  listAll,
  RawListOptions,
  SlimmingWatch,
} from './slimListWatch';
import { slimObject } from './slimObjects';

/** A VolumeSnapshot as the cache keeps it (a CRD: no generated type). */
export interface VolumeSnapshot extends KubernetesObject {
  spec?: {
    source?: {
      persistentVolumeClaimName?: string;
      volumeSnapshotContentName?: string;
    };
    volumeSnapshotClassName?: string;
  };
  status?: {
    readyToUse?: boolean;
    restoreSize?: string;
    creationTime?: string;
    boundVolumeSnapshotContentName?: string;
    error?: { message?: string; time?: string };
  };
}

/** Claims touched by a change: some by namespace/name, or all of them. */
export type ClaimChange = { keys: string[] } | { all: true };

/** Claim names a pod mounts. */
export function claimsOfPod(pod: V1Pod): string[] {
  return (pod.spec?.volumes ?? [])
    .map(volume => volume.persistentVolumeClaim?.claimName)
    .filter((name): name is string => Boolean(name));
}

/** The kinds whose objects name a claim or a volume (see shareNames). */
const NAMING_KINDS: ReadonlySet<string> = new Set([
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Pod',
  'Event/claim',
]);

interface Source<T extends KubernetesObject> {
  /** The informer's name (one kind may have several informers). */
  kind: string;
  /** The objects' kind, when the name is not it (`Event/pod` → `Event`). */
  objectKind?: string;
  path: string;
  list: (page: ListPage, options: RawListOptions) => Promise<unknown>;
  fieldSelector?: string;
  /** The claims a change of this object touches. */
  affects: (object: T) => ClaimChange;
  /** A CRD that may not be installed: retried slowly, never an alarm. */
  optional?: boolean;
}

export interface ClusterCacheOptions {
  logger: LoggerService;
  onChange: (change: ClaimChange) => void;
  /**
   * Called once, when every informer has completed its first list: only
   * then is the cache a picture of the cluster (client-go's HasSynced).
   */
  onSynced?: () => void;
  /** First delay before restarting a failed informer; doubles to 60 s. */
  restartDelayMs?: number;
  /**
   * The longest wait before a dropped watch reconnects. client-node backs
   * off to 30 s when watches keep ending without events; a flapping API
   * server would leave the cache that far behind.
   */
  maxReconnectDelayMs?: number;
}

/**
 * One cluster's objects that matter for storage, kept current by informers
 * (list a page at a time, then watch; relist after 410; restarted with
 * backoff after any other error). Pages read from here, never from the
 * cluster. Objects are kept slimmed (slimObjects.ts): what pages, diagnosis
 * and the platform console read, timestamps as RFC 3339 text.
 */
export class ClusterCache {
  private readonly informers = new Map<string, ListWatch<KubernetesObject>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private readonly healthy = new Map<string, boolean>();
  private stopped = false;
  private required: string[] = [];
  /** Informers whose first list has completed (or, if optional, failed). */
  private readonly listed = new Set<string>();
  private syncedOnce = false;
  /** Volumes whose claim is gone (Released), by name: few, and read per page view. */
  private readonly released = new Map<string, V1PersistentVolume>();

  constructor(
    private readonly cluster: ClusterClient,
    private readonly options: ClusterCacheOptions,
  ) {}

  private sources(): Source<any>[] {
    const { core, storage } = this.cluster;
    const custom = this.cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    const all: ClaimChange = { all: true };
    return [
      {
        kind: 'PersistentVolumeClaim',
        path: '/api/v1/persistentvolumeclaims',
        list: (page, options) =>
          core.listPersistentVolumeClaimForAllNamespaces(page, options),
        affects: (pvc: V1PersistentVolumeClaim) => ({
          keys: [claimKey(pvc.metadata?.namespace, pvc.metadata?.name)],
        }),
      } satisfies Source<V1PersistentVolumeClaim>,
      {
        kind: 'PersistentVolume',
        path: '/api/v1/persistentvolumes',
        list: (page, options) => core.listPersistentVolume(page, options),
        affects: (pv: V1PersistentVolume) => ({
          keys: pv.spec?.claimRef
            ? [claimKey(pv.spec.claimRef.namespace, pv.spec.claimRef.name)]
            : [],
        }),
      } satisfies Source<V1PersistentVolume>,
      {
        kind: 'StorageClass',
        path: '/apis/storage.k8s.io/v1/storageclasses',
        list: (page, options) => storage.listStorageClass(page, options),
        affects: () => all,
      } satisfies Source<V1StorageClass>,
      {
        kind: 'CSIDriver',
        path: '/apis/storage.k8s.io/v1/csidrivers',
        list: (page, options) => storage.listCSIDriver(page, options),
        affects: () => all,
      } satisfies Source<V1CSIDriver>,
      {
        kind: 'Node',
        path: '/api/v1/nodes',
        list: (page, options) => core.listNode(page, options),
        affects: () => all,
      } satisfies Source<V1Node>,
      {
        kind: 'Pod',
        path: '/api/v1/pods',
        list: (page, options) => core.listPodForAllNamespaces(page, options),
        affects: (pod: V1Pod) => ({
          keys: claimsOfPod(pod).map(name =>
            claimKey(pod.metadata?.namespace, name),
          ),
        }),
      } satisfies Source<V1Pod>,
      {
        // Only the events diagnosis reads: every event of a claim, and the
        // warnings of pods (attach, mount and scheduling failures).
        kind: 'Event/claim',
        objectKind: 'Event',
        path: '/api/v1/events',
        fieldSelector: 'involvedObject.kind=PersistentVolumeClaim',
        list: (page, options) =>
          core.listEventForAllNamespaces(
            {
              ...page,
              fieldSelector: 'involvedObject.kind=PersistentVolumeClaim',
            },
            options,
          ),
        affects: (event: CoreV1Event) => ({
          keys: [
            claimKey(
              event.involvedObject?.namespace,
              event.involvedObject?.name,
            ),
          ],
        }),
      } satisfies Source<CoreV1Event>,
      {
        kind: 'Event/pod',
        objectKind: 'Event',
        path: '/api/v1/events',
        fieldSelector: 'involvedObject.kind=Pod,type=Warning',
        list: (page, options) =>
          core.listEventForAllNamespaces(
            {
              ...page,
              fieldSelector: 'involvedObject.kind=Pod,type=Warning',
            },
            options,
          ),
        affects: (event: CoreV1Event) => {
          const pod = this.get<V1Pod>(
            'Pod',
            event.involvedObject?.name ?? '',
            event.involvedObject?.namespace,
          );
          return {
            keys: pod
              ? claimsOfPod(pod).map(name =>
                  claimKey(pod.metadata?.namespace, name),
                )
              : [],
          };
        },
      } satisfies Source<CoreV1Event>,
      {
        kind: 'VolumeSnapshot',
        path: '/apis/snapshot.storage.k8s.io/v1/volumesnapshots',
        optional: true,
        list: (page, options) =>
          custom.listClusterCustomObject(
            {
              group: 'snapshot.storage.k8s.io',
              version: 'v1',
              plural: 'volumesnapshots',
              ...page,
            },
            options,
          ),
        affects: (snapshot: VolumeSnapshot) => ({
          keys: snapshot.spec?.source?.persistentVolumeClaimName
            ? [
                claimKey(
                  snapshot.metadata?.namespace,
                  snapshot.spec.source.persistentVolumeClaimName,
                ),
              ]
            : [],
        }),
      } satisfies Source<VolumeSnapshot>,
    ];
  }

  /** Starts every informer; resolves once each has listed (or failed to). */
  async start(): Promise<void> {
    const sources = this.sources();
    this.required = sources.filter(s => !s.optional).map(s => s.kind);
    const maxDelay = this.options.maxReconnectDelayMs ?? 2000;
    const delayFn = (ms: number) =>
      new Promise<void>(resolve => setTimeout(resolve, Math.min(ms, maxDelay)));
    await Promise.all(
      sources.map(source => {
        // client-node says `connect` before it lists: a cache counts as
        // synced only once its list has been stored. The informer stores
        // the items in the continuation of this promise, so the mark is
        // set a macrotask later, when they are in.
        const slim = (object: KubernetesObject) =>
          this.shareNames(
            source.kind,
            slimObject(source.objectKind ?? source.kind, object),
          );
        const list = async () => {
          try {
            const result = await listAll(source.list, slim);
            setImmediate(() => this.markListed(source.kind));
            return result;
          } catch (error) {
            // An optional CRD that is not installed has nothing to list.
            if (source.optional) {
              setImmediate(() => this.markListed(source.kind));
            }
            throw error;
          }
        };
        const informer = new ListWatch<KubernetesObject>(
          source.path,
          new SlimmingWatch(this.cluster.kubeConfig, slim),
          list,
          false,
          undefined,
          source.fieldSelector,
          { delayFn },
        );
        const changed = (object: KubernetesObject) =>
          this.options.onChange(source.affects(object));
        informer.on('add', changed);
        informer.on('update', changed);
        informer.on('delete', changed);
        if (source.kind === 'PersistentVolume') {
          const track = (pv: V1PersistentVolume) => {
            const name = pv.metadata?.name ?? '';
            if (pv.status?.phase === 'Released') this.released.set(name, pv);
            else this.released.delete(name);
          };
          informer.on('add', track);
          informer.on('update', track);
          informer.on('delete', pv =>
            this.released.delete(pv.metadata?.name ?? ''),
          );
        }
        informer.on('connect', () => this.healthy.set(source.kind, true));
        informer.on('error', error => this.restart(source, informer, error));
        this.informers.set(source.kind, informer);
        return informer.start();
      }),
    );
  }

  /**
   * Makes an object use the strings its claim or volume already holds for
   * their names and uid, instead of equal copies of its own: a claim's name
   * is in its volume's claimRef, its pod's volumes and its events, the
   * volume's name in the claim. About 200 bytes a claim. Before the first
   * lists are in there is nothing to share with: shareAllNames does it then.
   */
  private shareNames<T extends KubernetesObject>(kind: string, object: T): T {
    const claimName = (namespace: string | undefined, name: string) =>
      this.get<V1PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        name,
        namespace,
      )?.metadata;
    switch (kind) {
      case 'PersistentVolumeClaim': {
        const spec = (object as V1PersistentVolumeClaim).spec;
        const volume =
          spec?.volumeName &&
          this.get<V1PersistentVolume>('PersistentVolume', spec.volumeName);
        if (volume && volume.metadata?.name === spec!.volumeName) {
          spec!.volumeName = volume.metadata!.name;
        }
        break;
      }
      case 'PersistentVolume': {
        const pv = object as V1PersistentVolume;
        const ref = pv.spec?.claimRef;
        const claim = ref?.name && claimName(ref.namespace, ref.name);
        if (claim) {
          if (claim.name === ref!.name) ref!.name = claim.name;
          if (claim.uid === ref!.uid) ref!.uid = claim.uid;
          // The claim's volumeName, the other way round.
          const pvc = this.get<V1PersistentVolumeClaim>(
            'PersistentVolumeClaim',
            claim.name!,
            claim.namespace,
          );
          if (pvc?.spec && pvc.spec.volumeName === pv.metadata?.name) {
            pvc.spec.volumeName = pv.metadata!.name;
          }
        }
        break;
      }
      case 'Pod':
        for (const volume of (object as V1Pod).spec?.volumes ?? []) {
          const ref = volume.persistentVolumeClaim;
          const claim =
            ref && claimName(object.metadata?.namespace, ref.claimName);
          if (claim && claim.name === ref!.claimName) {
            ref!.claimName = claim.name;
          }
        }
        break;
      case 'Event/claim': {
        const involved = (object as unknown as CoreV1Event).involvedObject;
        const claim =
          involved?.name && claimName(involved.namespace, involved.name);
        if (claim && claim.name === involved.name) involved.name = claim.name;
        break;
      }
      default:
    }
    return object;
  }

  /** shareNames for every object that names a claim or a volume. */
  private shareAllNames() {
    for (const kind of NAMING_KINDS) {
      if (kind === 'PersistentVolumeClaim') continue;
      for (const object of this.list(kind)) this.shareNames(kind, object);
    }
  }

  private restart(
    source: Source<KubernetesObject>,
    informer: ListWatch<KubernetesObject>,
    error: unknown,
  ) {
    if (this.stopped) {
      return;
    }
    this.healthy.set(source.kind, false);
    const failures = (this.failures.get(source.kind) ?? 0) + 1;
    this.failures.set(source.kind, failures);
    const base = this.options.restartDelayMs ?? 1000;
    const delay = source.optional
      ? 5 * 60 * 1000
      : Math.min(base * 2 ** (failures - 1), 60_000);
    if (!source.optional || failures === 1) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.logger.warn(
        `Watching ${source.kind} in cluster ${
          this.cluster.name
        } failed (${reason.slice(0, 200)}); retrying in ${delay} ms`,
      );
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) {
        informer.start().then(() => {
          if (this.healthy.get(source.kind)) this.failures.delete(source.kind);
        });
      }
    }, delay);
    this.timers.add(timer);
  }

  private markListed(kind: string) {
    if (this.stopped) return;
    const relisted = this.listed.has(kind);
    this.listed.add(kind);
    // Objects listed before the ones they name were in: before the first
    // diagnosis summarizes them, and after a relist of one of them.
    if (
      this.hasSynced() &&
      (!this.syncedOnce || (relisted && NAMING_KINDS.has(kind)))
    ) {
      this.shareAllNames();
    }
    if (relisted) return;
    if (!this.syncedOnce && this.hasSynced()) {
      this.syncedOnce = true;
      this.options.onSynced?.();
    }
  }

  /**
   * Whether every informer has completed its first list, so the cache holds
   * the whole cluster (an optional CRD counts once it was tried).
   */
  hasSynced(): boolean {
    return (
      this.informers.size > 0 &&
      [...this.informers.keys()].every(kind => this.listed.has(kind))
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    await Promise.all([...this.informers.values()].map(i => i.stop()));
  }

  /** Whether the first lists are complete and every required informer is connected. */
  isSynced(): boolean {
    return (
      this.hasSynced() && this.required.every(kind => this.healthy.get(kind))
    );
  }

  list<T extends KubernetesObject>(
    kind: string,
    namespace?: string,
  ): readonly T[] {
    return (this.informers.get(kind)?.list(namespace) ?? []) as readonly T[];
  }

  /** The volumes left Released by a deleted claim. */
  releasedVolumes(): V1PersistentVolume[] {
    return [...this.released.values()];
  }

  get<T extends KubernetesObject>(
    kind: string,
    name: string,
    namespace?: string,
  ): T | undefined {
    return this.informers.get(kind)?.get(name, namespace) as T | undefined;
  }
}
