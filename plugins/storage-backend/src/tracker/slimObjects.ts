import type {
  CoreV1Event,
  KubernetesObject,
  V1ObjectMeta,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1PersistentVolumeClaimStatus,
  V1PersistentVolumeStatus,
  V1Pod,
  V1PodSpec,
  V1Volume,
} from '@kubernetes/client-node';
import { intern, shared, sharedList, sharedRecord } from './sharedValues';

/**
 * The cache keeps, of each object, what the pages, the diagnosis and the
 * platform console read, as fresh plain objects: the informer stores what
 * these functions return, and the API server's object (managed fields, the
 * last-applied annotation, pod containers and statuses …) is garbage at
 * once. With 100,000 claims, their volumes, pods and events that is most
 * of the backend's memory.
 *
 * Values that repeat across a cluster (namespaces, label and annotation
 * values, phases, classes, access modes, reasons) are interned: one string
 * per value, not one per object. Timestamps become the API server's
 * RFC 3339 text, whether client-node's list made Dates of them or a watch
 * event brought them as text: strings take less memory than Dates, and
 * every object in the cache reads the same.
 */

/** RFC 3339 text as the API server writes it, from a Date or text. */
export function timeText(value: unknown): any {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? undefined
      : value.toISOString().replace('.000Z', 'Z');
  }
  if (value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The fields of `source` not named in `known`, added to `base`: what a
 * slimmed object keeps beyond the fields it names (a claim's data source,
 * a volume's NFS server …), so nothing a page shows is lost. Rare: the
 * fields most objects have are in the literal `base` was made from.
 */
function withRest<T extends object>(
  base: T,
  source: object,
  known: ReadonlySet<string>,
): T {
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && !known.has(key)) (base as any)[key] = value;
  }
  return base;
}

const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

/*
 * Every object below is one object literal, its fields in a fixed order,
 * absent ones undefined (JSON and the pages leave those out). V8 then
 * gives all objects of a kind one hidden class and makes each exactly as
 * large as its fields: objects grown a field at a time got a separate
 * property array (about 40 bytes), and a hidden class of their own for
 * many of them, which with a hundred thousand claims was a fifth of the
 * tracker's heap.
 */

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Fields of metadata few objects have, added only when there. */
function withRareMeta(kept: V1ObjectMeta, m: V1ObjectMeta): V1ObjectMeta {
  if (m.generation !== undefined) kept.generation = m.generation;
  if (m.deletionTimestamp) {
    kept.deletionTimestamp = timeText(m.deletionTimestamp);
  }
  if (m.ownerReferences?.length) {
    kept.ownerReferences = m.ownerReferences.map(owner => ({
      apiVersion: intern(owner.apiVersion),
      kind: intern(owner.kind),
      name: owner.name,
      uid: owner.uid,
      controller: owner.controller,
    }));
  }
  return kept;
}

/**
 * Metadata: name, namespace, uid, resourceVersion (the informer compares
 * it), creation time, labels, annotations, finalizers; generation,
 * deletion time and owners when it has them.
 */
function slimMeta(meta: V1ObjectMeta | undefined): V1ObjectMeta {
  const m = meta ?? {};
  return withRareMeta(
    {
      name: m.name,
      namespace: intern(m.namespace),
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: timeText(m.creationTimestamp),
      labels: sharedRecord(m.labels),
      annotations: sharedRecord(m.annotations, LAST_APPLIED),
      finalizers: sharedList(m.finalizers),
    },
    m,
  );
}

/**
 * A volume's metadata: as slimMeta, without namespace (it has none) and
 * uid. When it was made is read of volumes no claim holds (the console's
 * left-behind volumes), not of Bound ones: `created` says whether to keep it.
 */
function volumeMeta(
  meta: V1ObjectMeta | undefined,
  options: { created: boolean },
): V1ObjectMeta {
  const m = meta ?? {};
  const kept = withRareMeta(
    {
      name: m.name,
      resourceVersion: m.resourceVersion,
      creationTimestamp: options.created
        ? timeText(m.creationTimestamp)
        : undefined,
      annotations: sharedRecord(m.annotations, LAST_APPLIED),
      finalizers: sharedList(m.finalizers),
    },
    m,
  );
  // Labels, which few volumes have (static ones, some provisioners').
  if (m.labels) kept.labels = sharedRecord(m.labels);
  return kept;
}

/**
 * A pod's metadata: what names it, its deletion, and of its owners the
 * controller's kind and name (the platform console names the workload
 * that mounts a claim nobody owns), shared between the pods of one.
 */
function podMeta(
  meta: V1ObjectMeta | undefined,
  options: { owners: boolean },
): V1ObjectMeta {
  const kept: V1ObjectMeta = {
    name: meta?.name,
    namespace: intern(meta?.namespace),
    resourceVersion: meta?.resourceVersion,
  };
  if (meta?.deletionTimestamp) {
    kept.deletionTimestamp = timeText(meta.deletionTimestamp);
  }
  const owners = meta?.ownerReferences;
  if (options.owners && owners?.length) {
    kept.ownerReferences = shared(
      owners.map(owner => ({
        kind: intern(owner.kind),
        name: owner.name,
        controller: owner.controller,
      })),
    ) as V1ObjectMeta['ownerReferences'];
  }
  return kept;
}

const CLAIM_SPEC = keys(
  'accessModes',
  'storageClassName',
  'volumeMode',
  'volumeName',
  'resources',
);
const CLAIM_STATUS = keys('phase', 'accessModes', 'capacity', 'conditions');

function slimClaim(pvc: V1PersistentVolumeClaim): V1PersistentVolumeClaim {
  const spec = pvc.spec;
  const status = pvc.status;
  return {
    // No apiVersion and kind: every claim's are v1 PersistentVolumeClaim,
    // which the claim's page writes in its manifest.
    metadata: slimMeta(pvc.metadata),
    spec:
      spec &&
      withRest(
        {
          accessModes: sharedList(spec.accessModes),
          storageClassName: intern(spec.storageClassName),
          volumeMode: intern(spec.volumeMode),
          volumeName: spec.volumeName,
          // Claims ask for a few sizes: one object per size.
          resources:
            spec.resources &&
            shared({
              requests: sharedRecord(spec.resources.requests as any),
              limits: sharedRecord(spec.resources.limits as any),
            }),
        },
        spec,
        CLAIM_SPEC,
      ),
    status: status && slimClaimStatus(status),
  };
}

/**
 * A claim's status. Without conditions (most claims') it is one of a few
 * (Bound, a mode, a size): shared, as a whole.
 */
function slimClaimStatus(
  status: V1PersistentVolumeClaimStatus,
): V1PersistentVolumeClaimStatus {
  const kept = withRest(
    {
      phase: intern(status.phase),
      accessModes: sharedList(status.accessModes),
      capacity: sharedRecord(status.capacity as any),
      conditions: status.conditions?.map(condition => ({
        ...condition,
        lastProbeTime: timeText(condition.lastProbeTime),
        lastTransitionTime: timeText(condition.lastTransitionTime),
      })),
    },
    status,
    CLAIM_STATUS,
  );
  return kept.conditions?.length ? kept : shared(kept);
}

const VOLUME_SPEC = keys(
  'persistentVolumeReclaimPolicy',
  'volumeMode',
  'accessModes',
  'capacity',
  'claimRef',
  'csi',
  'nodeAffinity',
  'storageClassName',
);
const VOLUME_CSI = keys('driver', 'fsType', 'volumeAttributes', 'volumeHandle');

function slimVolume(pv: V1PersistentVolume): V1PersistentVolume {
  const spec = pv.spec;
  const csi = spec?.csi;
  const claimRef = spec?.claimRef;
  return {
    // A volume that leaves Bound comes again, whole, in a watch event.
    metadata: volumeMeta(pv.metadata, {
      created: pv.status?.phase !== 'Bound',
    }),
    spec:
      spec &&
      withRest(
        {
          persistentVolumeReclaimPolicy: intern(
            spec.persistentVolumeReclaimPolicy,
          ),
          volumeMode: intern(spec.volumeMode),
          accessModes: sharedList(spec.accessModes),
          capacity: sharedRecord(spec.capacity as any),
          claimRef: claimRef && {
            namespace: intern(claimRef.namespace),
            name: claimRef.name,
            uid: claimRef.uid,
          },
          csi:
            csi &&
            withRest(
              {
                driver: intern(csi.driver),
                fsType: intern(csi.fsType),
                volumeAttributes: sharedRecord(csi.volumeAttributes),
                volumeHandle: csi.volumeHandle,
              },
              csi,
              VOLUME_CSI,
            ),
          nodeAffinity: shared(spec.nodeAffinity),
          storageClassName: intern(spec.storageClassName),
        },
        // Mount options (few volumes have them) among the rest.
        spec,
        VOLUME_SPEC,
      ),
    status: pv.status && slimVolumeStatus(pv.status),
  };
}

/**
 * A volume's status. When it entered its phase is read of volumes no claim
 * holds (how long one has been left behind), not of Bound ones: a Bound
 * volume's status is one of a few, shared.
 */
function slimVolumeStatus(
  status: V1PersistentVolumeStatus,
): V1PersistentVolumeStatus {
  if (status.phase === 'Bound' && !status.message && !status.reason) {
    return shared({ phase: intern(status.phase) });
  }
  return {
    phase: intern(status.phase),
    message: status.message,
    reason: intern(status.reason),
    lastPhaseTransitionTime: timeText(status.lastPhaseTransitionTime),
  };
}

/**
 * A pod as storage sees it: the claims it mounts, where it runs or is
 * pinned, and whether it runs or why not. Containers, labels, annotations,
 * owners and most of the status are not kept.
 */
function slimPod(pod: V1Pod): V1Pod {
  const spec = pod.spec;
  const status = pod.status;
  const volumes = spec?.volumes
    ?.filter(volume => volume.persistentVolumeClaim || volume.ephemeral)
    .map(volume => {
      const claim = volume.persistentVolumeClaim;
      const kept: V1Volume = {
        name: intern(volume.name),
        persistentVolumeClaim: claim && {
          claimName: claim.claimName,
        },
      };
      if (claim?.readOnly !== undefined) {
        kept.persistentVolumeClaim!.readOnly = claim.readOnly;
      }
      if (volume.ephemeral) kept.ephemeral = volume.ephemeral;
      return kept;
    });
  if (!volumes?.length) {
    // Most pods of a cluster mount no claim: storage needs only their name.
    return { metadata: podMeta(pod.metadata, { owners: false }) };
  }
  const keptSpec: V1PodSpec = {
    nodeName: intern(spec?.nodeName),
    volumes,
  } as V1PodSpec;
  // Where a pod not yet scheduled may go (zone conflicts): few pods.
  if (spec?.nodeSelector) keptSpec.nodeSelector = shared(spec.nodeSelector);
  if (spec?.affinity?.nodeAffinity) {
    keptSpec.affinity = shared({ nodeAffinity: spec.affinity.nodeAffinity });
  }
  return {
    metadata: podMeta(pod.metadata, { owners: true }),
    spec: keptSpec,
    // Running, or one of a few reasons it is not: shared, unless a
    // message makes it the pod's own.
    status:
      status &&
      (status.message
        ? {
            phase: intern(status.phase),
            reason: intern(status.reason),
            message: status.message,
          }
        : shared({
            phase: intern(status.phase),
            reason: intern(status.reason),
          })),
  };
}

/**
 * An event as the diagnosis and the claim page read it: what happened to
 * which object, when and how often, and who said so.
 */
function slimEvent(event: CoreV1Event): CoreV1Event {
  const involved = event.involvedObject;
  const firstTimestamp = timeText(event.firstTimestamp);
  const lastTimestamp = timeText(event.lastTimestamp);
  const eventTime = timeText(event.eventTime);
  const source = intern(event.source?.component);
  const reporter = intern(event.reportingComponent);
  return {
    metadata: {
      name: event.metadata?.name,
      namespace: intern(event.metadata?.namespace),
      resourceVersion: event.metadata?.resourceVersion,
      // Read only when the event has no time of its own.
      creationTimestamp:
        firstTimestamp || lastTimestamp || eventTime
          ? undefined
          : timeText(event.metadata?.creationTimestamp),
    },
    involvedObject: {
      kind: intern(involved?.kind),
      namespace: intern(involved?.namespace),
      name: involved?.name,
    },
    reason: intern(event.reason),
    message: event.message,
    type: intern(event.type),
    count: event.count,
    firstTimestamp,
    // Most events happened once: one string for both times.
    lastTimestamp:
      lastTimestamp === firstTimestamp ? firstTimestamp : lastTimestamp,
    eventTime: eventTime ?? undefined,
    source: source ? shared({ component: source }) : undefined,
    reportingComponent: reporter && reporter !== source ? reporter : undefined,
  };
}

/** A node's name, labels (zones) and conditions; images and the like are not kept. */
function slimNode(node: KubernetesObject & { spec?: any; status?: any }) {
  return {
    apiVersion: intern(node.apiVersion),
    kind: intern(node.kind),
    metadata: slimMeta(node.metadata),
    spec: node.spec,
    status: node.status && {
      conditions: node.status.conditions,
      allocatable: node.status.allocatable,
      capacity: node.status.capacity,
      nodeInfo: node.status.nodeInfo,
    },
  };
}

/** Any other kind: everything but managed fields and the last-applied annotation. */
function slimOther<T extends KubernetesObject>(object: T): T {
  return { ...object, metadata: slimMeta(object.metadata) };
}

/** What the cache keeps of an object of this kind. */
export function slimObject<T extends KubernetesObject>(
  kind: string,
  object: T,
): T {
  if (!object || typeof object !== 'object') return object;
  switch (kind) {
    case 'PersistentVolumeClaim':
      return slimClaim(object as V1PersistentVolumeClaim) as T;
    case 'PersistentVolume':
      return slimVolume(object as V1PersistentVolume) as T;
    case 'Pod':
      return slimPod(object as V1Pod) as T;
    case 'Event':
      return slimEvent(object as unknown as CoreV1Event) as unknown as T;
    case 'Node':
      return slimNode(object) as unknown as T;
    default:
      return slimOther(object);
  }
}
