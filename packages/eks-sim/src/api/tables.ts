/**
 * `meta.k8s.io/v1` Table rendering with the columns the real server's
 * printers (and the snapshot CRDs' printer columns) define, so `kubectl
 * get` prints what it prints against EKS.
 */
import { K8sObject } from '../store/types';

interface Column {
  name: string;
  type: 'string' | 'integer' | 'date' | 'boolean';
  format?: string;
  priority?: number;
  description?: string;
  cell: (object: K8sObject, now: number) => unknown;
}

/** apimachinery's duration.HumanDuration, as the AGE column shows it. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0
      ? `${Math.floor(hours / 24)}d`
      : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24);
    const d = days % 365;
    return d === 0
      ? `${Math.floor(days / 365)}y`
      : `${Math.floor(days / 365)}y${d}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

function age(timestamp: unknown, now: number) {
  if (typeof timestamp !== 'string') return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

const ACCESS_MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

function accessModes(modes: unknown) {
  return Array.isArray(modes)
    ? modes.map(m => ACCESS_MODE_SHORT[m] ?? m).join(',')
    : '';
}

const NAME: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  cell: o => o.metadata.name,
};

const AGE: Column = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (o, now) => age(o.metadata.creationTimestamp, now),
};

function text(name: string, cell: Column['cell'], priority = 0): Column {
  return { name, type: 'string', priority, cell };
}

function podStatus(pod: K8sObject) {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const waiting = (pod.status?.containerStatuses ?? []).find(
    (c: any) => c.state?.waiting?.reason,
  );
  if (waiting) return waiting.state.waiting.reason;
  return pod.status?.reason ?? pod.status?.phase ?? 'Pending';
}

function podReady(pod: K8sObject) {
  const total = (pod.spec?.containers ?? []).length;
  const ready = (pod.status?.containerStatuses ?? []).filter(
    (c: any) => c.ready,
  ).length;
  return `${ready}/${total}`;
}

function restarts(pod: K8sObject) {
  return (pod.status?.containerStatuses ?? []).reduce(
    (sum: number, c: any) => sum + (c.restartCount ?? 0),
    0,
  );
}

function servicePorts(svc: K8sObject) {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p: any) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',');
}

function quotaSummary(quota: K8sObject) {
  const hard: Record<string, string> = quota.status?.hard ?? {};
  const used: Record<string, string> = quota.status?.used ?? {};
  return Object.keys(hard)
    .filter(k => !k.startsWith('limits.'))
    .sort()
    .map(k => `${k}: ${used[k] ?? '0'}/${hard[k]}`)
    .join(', ');
}

function snapshotSize(vs: K8sObject) {
  return vs.status?.restoreSize ?? '';
}

const COLUMNS: Record<string, Column[]> = {
  PersistentVolumeClaim: [
    NAME,
    text('Status', o => o.status?.phase ?? ''),
    text('Volume', o => o.spec?.volumeName ?? ''),
    text('Capacity', o => o.status?.capacity?.storage ?? ''),
    text('Access Modes', o => accessModes(o.status?.accessModes)),
    text('StorageClass', o => o.spec?.storageClassName ?? ''),
    text(
      'VolumeAttributesClass',
      o => o.spec?.volumeAttributesClassName ?? '<unset>',
    ),
    AGE,
    text('VolumeMode', o => o.spec?.volumeMode ?? '', 1),
  ],
  PersistentVolume: [
    NAME,
    text('Capacity', o => o.spec?.capacity?.storage ?? ''),
    text('Access Modes', o => accessModes(o.spec?.accessModes)),
    text('Reclaim Policy', o => o.spec?.persistentVolumeReclaimPolicy ?? ''),
    text('Status', o => o.status?.phase ?? ''),
    text('Claim', o =>
      o.spec?.claimRef
        ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}`
        : '',
    ),
    text('StorageClass', o => o.spec?.storageClassName ?? ''),
    text(
      'VolumeAttributesClass',
      o => o.spec?.volumeAttributesClassName ?? '<unset>',
    ),
    text('Reason', o => o.status?.reason ?? ''),
    AGE,
    text('VolumeMode', o => o.spec?.volumeMode ?? '', 1),
  ],
  StorageClass: [
    {
      ...NAME,
      cell: o =>
        o.metadata.annotations?.[
          'storageclass.kubernetes.io/is-default-class'
        ] === 'true'
          ? `${o.metadata.name} (default)`
          : o.metadata.name,
    },
    text('Provisioner', o => o.provisioner),
    text('ReclaimPolicy', o => o.reclaimPolicy ?? 'Delete'),
    text('VolumeBindingMode', o => o.volumeBindingMode ?? 'Immediate'),
    {
      name: 'AllowVolumeExpansion',
      type: 'boolean',
      cell: o => Boolean(o.allowVolumeExpansion),
    },
    AGE,
  ],
  CSIDriver: [
    NAME,
    {
      name: 'AttachRequired',
      type: 'boolean',
      cell: o => Boolean(o.spec?.attachRequired),
    },
    text('PodInfoOnMount', o => String(Boolean(o.spec?.podInfoOnMount))),
    text('StorageCapacity', o => String(Boolean(o.spec?.storageCapacity))),
    text(
      'TokenRequests',
      o =>
        (o.spec?.tokenRequests ?? []).map((t: any) => t.audience).join(',') ||
        '<unset>',
    ),
    text('RequiresRepublish', o => String(Boolean(o.spec?.requiresRepublish))),
    text('Modes', o => (o.spec?.volumeLifecycleModes ?? []).join(',')),
    AGE,
  ],
  Pod: [
    NAME,
    text('Ready', podReady),
    text('Status', podStatus),
    { name: 'Restarts', type: 'string', cell: o => String(restarts(o)) },
    AGE,
    text('IP', o => o.status?.podIP ?? '<none>', 1),
    text('Node', o => o.spec?.nodeName ?? '<none>', 1),
    text('Nominated Node', o => o.status?.nominatedNodeName ?? '<none>', 1),
    text('Readiness Gates', () => '<none>', 1),
  ],
  Node: [
    NAME,
    text('Status', o =>
      (o.status?.conditions ?? []).some(
        (c: any) => c.type === 'Ready' && c.status === 'True',
      )
        ? 'Ready'
        : 'NotReady',
    ),
    text('Roles', () => '<none>'),
    AGE,
    text('Version', o => o.status?.nodeInfo?.kubeletVersion ?? ''),
    text(
      'Internal-IP',
      o =>
        (o.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')
          ?.address ?? '<none>',
      1,
    ),
    text('External-IP', () => '<none>', 1),
    text('OS-Image', o => o.status?.nodeInfo?.osImage ?? '', 1),
    text('Kernel-Version', o => o.status?.nodeInfo?.kernelVersion ?? '', 1),
    text(
      'Container-Runtime',
      o => o.status?.nodeInfo?.containerRuntimeVersion ?? '',
      1,
    ),
  ],
  Namespace: [NAME, text('Status', o => o.status?.phase ?? ''), AGE],
  Event: [
    text('Last Seen', (o, now) =>
      age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, now),
    ),
    text('Type', o => o.type),
    text('Reason', o => o.reason),
    text(
      'Object',
      o =>
        `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${
          o.involvedObject?.name
        }`,
    ),
    text('Message', o => o.message),
    text('Subobject', o => o.involvedObject?.fieldPath ?? '', 1),
    text('Source', o => o.source?.component ?? o.reportingComponent ?? '', 1),
    text(
      'First Seen',
      (o, now) => age(o.firstTimestamp ?? o.metadata.creationTimestamp, now),
      1,
    ),
    { name: 'Count', type: 'integer', priority: 1, cell: o => o.count ?? 1 },
    text('Name', o => o.metadata.name, 1),
  ],
  StatefulSet: [
    NAME,
    text(
      'Ready',
      o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    ),
    AGE,
    text(
      'Containers',
      o =>
        (o.spec?.template?.spec?.containers ?? [])
          .map((c: any) => c.name)
          .join(','),
      1,
    ),
    text(
      'Images',
      o =>
        (o.spec?.template?.spec?.containers ?? [])
          .map((c: any) => c.image)
          .join(','),
      1,
    ),
  ],
  Service: [
    NAME,
    text('Type', o => o.spec?.type ?? 'ClusterIP'),
    text('Cluster-IP', o => o.spec?.clusterIP ?? '<none>'),
    text('External-IP', () => '<none>'),
    text('Port(s)', servicePorts),
    AGE,
    text(
      'Selector',
      o =>
        Object.entries(o.spec?.selector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
      1,
    ),
  ],
  ResourceQuota: [
    NAME,
    AGE,
    text('Request', quotaSummary),
    text('Limit', () => ''),
  ],
  VolumeSnapshot: [
    NAME,
    {
      name: 'ReadyToUse',
      type: 'boolean',
      cell: o => o.status?.readyToUse ?? null,
    },
    text('SourcePVC', o => o.spec?.source?.persistentVolumeClaimName ?? null),
    text(
      'SourceSnapshotContent',
      o => o.spec?.source?.volumeSnapshotContentName ?? null,
    ),
    text('RestoreSize', o => snapshotSize(o) || null),
    text('SnapshotClass', o => o.spec?.volumeSnapshotClassName ?? null),
    text(
      'SnapshotContent',
      o => o.status?.boundVolumeSnapshotContentName ?? null,
    ),
    {
      name: 'CreationTime',
      type: 'date',
      cell: (o, now) =>
        o.status?.creationTime ? age(o.status.creationTime, now) : null,
    },
    AGE,
  ],
  VolumeSnapshotClass: [
    NAME,
    text('Driver', o => o.driver),
    text('DeletionPolicy', o => o.deletionPolicy),
    AGE,
  ],
  VolumeSnapshotContent: [
    NAME,
    {
      name: 'ReadyToUse',
      type: 'boolean',
      cell: o => o.status?.readyToUse ?? null,
    },
    {
      name: 'RestoreSize',
      type: 'integer',
      cell: o => o.status?.restoreSize ?? null,
    },
    text('DeletionPolicy', o => o.spec?.deletionPolicy),
    text('Driver', o => o.spec?.driver),
    text('VolumeSnapshotClass', o => o.spec?.volumeSnapshotClassName ?? null),
    text('VolumeSnapshot', o => o.spec?.volumeSnapshotRef?.name),
    text('VolumeSnapshotNamespace', o => o.spec?.volumeSnapshotRef?.namespace),
    AGE,
  ],
};

function columnsFor(kind: string) {
  return COLUMNS[kind] ?? [NAME, AGE];
}

function columnDefinitions(kind: string) {
  return columnsFor(kind).map(c => ({
    name: c.name,
    type: c.type,
    format: c.format ?? '',
    description: c.description ?? '',
    priority: c.priority ?? 0,
  }));
}

function row(object: K8sObject, columns: Column[], now: number) {
  return {
    cells: columns.map(c => c.cell(object, now)),
    object: {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: object.metadata,
    },
  };
}

export interface TableOptions {
  now: number;
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  /** Watch events after the first omit the column definitions. */
  includeColumns?: boolean;
}

export function toTable(
  kind: string,
  objects: K8sObject[],
  options: TableOptions,
) {
  const columns = columnsFor(kind);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      ...(options.resourceVersion
        ? { resourceVersion: options.resourceVersion }
        : {}),
      ...(options.continueToken ? { continue: options.continueToken } : {}),
      ...(options.remainingItemCount !== undefined
        ? { remainingItemCount: options.remainingItemCount }
        : {}),
    },
    columnDefinitions:
      options.includeColumns === false ? null : columnDefinitions(kind),
    rows: objects.map(o => row(o, columns, options.now)),
  };
}
