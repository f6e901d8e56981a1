import type {
  CoreV1Event,
  KubernetesObject,
  V1ObjectMeta,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
} from '@kubernetes/client-node';

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

const interned = new Map<string, string>();
/** Interned values longer than this are unlikely to repeat. */
const MAX_INTERNED_LENGTH = 100;
/** A cap on distinct interned values, so hostile data cannot grow it. */
const MAX_INTERNED = 50_000;

/** One string per repeated value. */
export function intern<T extends string | undefined>(value: T): T {
  if (value === undefined || value.length > MAX_INTERNED_LENGTH) return value;
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  if (interned.size < MAX_INTERNED) interned.set(value, value);
  return value;
}

const texts = new Map<string, string>();

/**
 * One string per repeated sentence (a diagnosis's explanation and fix):
 * longer than the values `intern` takes, in a table of its own.
 */
export function internText(text: string): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size < MAX_INTERNED && text.length <= 2000) texts.set(text, text);
  return text;
}

/** A list of short values, shared between the objects that have the same one. */
function sharedList(values: string[] | undefined): string[] | undefined {
  return values && shared(values.map(intern));
}

const sharedTrees = new Map<string, object>();

/**
 * One frozen copy per distinct small structure that repeats across a
 * cluster's objects (a volume's zone affinity: there are a few zones).
 * Frozen, because it is shared: a consumer that tried to change it would
 * change every object's.
 */
function shared<T extends object | undefined>(value: T): T {
  if (value === undefined) return value;
  const key = JSON.stringify(value);
  if (key.length > 2 * MAX_INTERNED_LENGTH * 4) return value;
  const known = sharedTrees.get(key);
  if (known) return known as T;
  const frozen = deepFreeze(JSON.parse(key));
  if (sharedTrees.size < MAX_INTERNED) sharedTrees.set(key, frozen);
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * A label or annotation map (or a capacity), shared between the objects
 * that have the same one: claims of one StatefulSet carry one set of
 * labels, volumes of one driver one set of annotations.
 */
function sharedRecord(
  record: Record<string, string> | undefined,
  drop?: string,
): Record<string, string> | undefined {
  if (!record) return undefined;
  const result: Record<string, string> = {};
  for (const key of Object.keys(record)) {
    if (key !== drop) result[key] = intern(record[key]);
  }
  return shared(result);
}

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
 * A new object of the entries that have a value. (Deleting keys instead
 * would turn objects into slower, larger dictionaries.)
 */
function defined<T extends object>(entries: T): T {
  const result: any = {};
  for (const key in entries) {
    if (entries[key] !== undefined) result[key] = entries[key];
  }
  return result;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Metadata: name, namespace, resourceVersion (the informer compares it),
 * times, labels, annotations, finalizers, owners, uid. `brief` keeps only
 * the first three and the deletion time (pods).
 */
function slimMeta(
  meta: V1ObjectMeta | undefined,
  options: { brief?: boolean; uid?: boolean } = {},
): V1ObjectMeta {
  const m = meta ?? {};
  const brief = options.brief === true;
  return defined({
    name: m.name,
    namespace: intern(m.namespace),
    uid: brief || options.uid === false ? undefined : m.uid,
    resourceVersion: m.resourceVersion,
    generation: brief ? undefined : m.generation,
    creationTimestamp: brief ? undefined : timeText(m.creationTimestamp),
    deletionTimestamp: timeText(m.deletionTimestamp),
    labels: brief ? undefined : sharedRecord(m.labels),
    annotations: brief ? undefined : sharedRecord(m.annotations, LAST_APPLIED),
    finalizers: brief ? undefined : sharedList(m.finalizers),
    ownerReferences: brief
      ? undefined
      : m.ownerReferences?.map(owner =>
          defined({
            apiVersion: intern(owner.apiVersion),
            kind: intern(owner.kind),
            name: owner.name,
            uid: owner.uid,
            controller: owner.controller,
          }),
        ),
  } as V1ObjectMeta);
}

function slimClaim(pvc: V1PersistentVolumeClaim): V1PersistentVolumeClaim {
  const spec = pvc.spec;
  const status = pvc.status;
  return defined({
    apiVersion: intern(pvc.apiVersion),
    kind: intern(pvc.kind),
    metadata: slimMeta(pvc.metadata),
    spec:
      spec &&
      defined({
        ...spec,
        accessModes: sharedList(spec.accessModes),
        storageClassName: intern(spec.storageClassName),
        volumeMode: intern(spec.volumeMode),
        resources: spec.resources && {
          ...spec.resources,
          requests: sharedRecord(spec.resources.requests as any),
          limits: sharedRecord(spec.resources.limits as any),
        },
      }),
    status:
      status &&
      defined({
        ...status,
        phase: intern(status.phase),
        accessModes: sharedList(status.accessModes),
        capacity: sharedRecord(status.capacity as any),
        conditions: status.conditions?.map(condition =>
          defined({
            ...condition,
            lastProbeTime: timeText(condition.lastProbeTime),
            lastTransitionTime: timeText(condition.lastTransitionTime),
          }),
        ),
      }),
  } as V1PersistentVolumeClaim);
}

function slimVolume(pv: V1PersistentVolume): V1PersistentVolume {
  const spec = pv.spec;
  return defined({
    apiVersion: intern(pv.apiVersion),
    kind: intern(pv.kind),
    metadata: slimMeta(pv.metadata, { uid: false }),
    spec:
      spec &&
      defined({
        ...spec,
        nodeAffinity: shared(spec.nodeAffinity),
        accessModes: sharedList(spec.accessModes),
        capacity: sharedRecord(spec.capacity as any),
        storageClassName: intern(spec.storageClassName),
        persistentVolumeReclaimPolicy: intern(
          spec.persistentVolumeReclaimPolicy,
        ),
        volumeMode: intern(spec.volumeMode),
        claimRef:
          spec.claimRef &&
          defined({
            namespace: intern(spec.claimRef.namespace),
            name: spec.claimRef.name,
            uid: spec.claimRef.uid,
          }),
        csi:
          spec.csi &&
          defined({
            ...spec.csi,
            driver: intern(spec.csi.driver),
            fsType: intern(spec.csi.fsType),
            volumeAttributes: sharedRecord(spec.csi.volumeAttributes),
          }),
        mountOptions: sharedList(spec.mountOptions),
      }),
    status:
      pv.status &&
      defined({
        phase: intern(pv.status.phase),
        message: pv.status.message,
        reason: intern(pv.status.reason),
        lastPhaseTransitionTime: timeText(pv.status.lastPhaseTransitionTime),
      }),
  } as V1PersistentVolume);
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
    .map(volume =>
      defined({
        name: volume.name,
        persistentVolumeClaim: volume.persistentVolumeClaim,
        ephemeral: volume.ephemeral,
      }),
    );
  if (!volumes?.length) {
    // Most pods of a cluster mount no claim: storage needs only their name.
    return { metadata: slimMeta(pod.metadata, { brief: true }) } as V1Pod;
  }
  return defined({
    apiVersion: intern(pod.apiVersion),
    kind: intern(pod.kind),
    metadata: slimMeta(pod.metadata, { brief: true }),
    spec:
      spec &&
      (defined({
        nodeName: intern(spec.nodeName),
        nodeSelector: shared(spec.nodeSelector),
        affinity: spec.affinity?.nodeAffinity
          ? shared({ nodeAffinity: spec.affinity.nodeAffinity })
          : undefined,
        volumes,
      }) as V1Pod['spec']),
    status:
      status &&
      defined({
        phase: intern(status.phase),
        reason: intern(status.reason),
        message: status.message,
      }),
  } as V1Pod);
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
  return defined({
    metadata: defined({
      name: event.metadata?.name,
      namespace: intern(event.metadata?.namespace),
      resourceVersion: event.metadata?.resourceVersion,
      // Read only when the event has no time of its own.
      creationTimestamp:
        firstTimestamp || lastTimestamp || eventTime
          ? undefined
          : timeText(event.metadata?.creationTimestamp),
    }),
    involvedObject: defined({
      kind: intern(involved?.kind),
      namespace: intern(involved?.namespace),
      name: involved?.name,
    }),
    reason: intern(event.reason),
    message: event.message,
    type: intern(event.type),
    count: event.count,
    firstTimestamp,
    // Most events happened once: one string for both times.
    lastTimestamp:
      lastTimestamp === firstTimestamp ? firstTimestamp : lastTimestamp,
    eventTime: eventTime ?? undefined,
    source: source && { component: source },
    reportingComponent: reporter && reporter !== source ? reporter : undefined,
  } as CoreV1Event);
}

/** A node's name, labels (zones) and conditions; images and the like are not kept. */
function slimNode(node: KubernetesObject & { spec?: any; status?: any }) {
  return defined({
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
  });
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
