/** Builders of cluster objects as the API serves them, for the fleet tests. */
import type {
  V1CSIDriver,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import { FleetVolumeSnapshot } from '../types';

export const NOW = '2026-03-10T12:00:00.000Z';
export const daysBefore = (days: number, from = NOW) =>
  new Date(Date.parse(from) - days * 24 * 3600 * 1000).toISOString();
export const hoursBefore = (hours: number, from = NOW) =>
  new Date(Date.parse(from) - hours * 3600 * 1000).toISOString();

export function storageClass(
  name: string,
  provisioner: string,
  parameters: Record<string, string> = {},
  extra: Partial<V1StorageClass> = {},
): V1StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, creationTimestamp: daysBefore(100) as never },
    provisioner,
    parameters,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    ...extra,
  };
}

export const defaultClass = (sc: V1StorageClass): V1StorageClass => ({
  ...sc,
  metadata: {
    ...sc.metadata,
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  },
});

export const csiDriver = (name: string): V1CSIDriver => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIDriver',
  metadata: { name },
  spec: { attachRequired: true },
});

export const ALL_DRIVERS = [
  'ebs.csi.aws.com',
  'efs.csi.aws.com',
  'fsx.csi.aws.com',
  's3.csi.aws.com',
].map(csiDriver);

export function claim(
  namespace: string,
  name: string,
  options: {
    className?: string;
    size?: string;
    phase?: string;
    volumeName?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    created?: string;
    accessModes?: string[];
    conditions?: Array<{ type: string; lastTransitionTime: string }>;
  } = {},
): V1PersistentVolumeClaim {
  const size = options.size ?? '20Gi';
  const phase = options.phase ?? 'Bound';
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      labels: options.labels,
      annotations: options.annotations,
      creationTimestamp: (options.created ?? daysBefore(30)) as never,
    },
    spec: {
      accessModes: options.accessModes ?? ['ReadWriteOnce'],
      storageClassName: options.className ?? 'gp3',
      resources: { requests: { storage: size } },
      volumeName:
        phase === 'Bound' ? options.volumeName ?? `pvc-${name}` : undefined,
    },
    status: {
      phase,
      ...(phase === 'Bound' ? { capacity: { storage: size } } : {}),
      ...(options.conditions
        ? { conditions: options.conditions as never }
        : {}),
    },
  };
}

export function volume(
  name: string,
  options: {
    driver?: string;
    className?: string;
    size?: string;
    phase?: string;
    reclaimPolicy?: string;
    claimRef?: { namespace: string; name: string; uid?: string };
    attributes?: Record<string, string>;
    mountOptions?: string[];
    labels?: Record<string, string>;
    created?: string;
    phaseSince?: string;
    handle?: string;
  } = {},
): V1PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      labels: options.labels,
      creationTimestamp: (options.created ?? daysBefore(40)) as never,
    },
    spec: {
      capacity: { storage: options.size ?? '20Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: options.reclaimPolicy ?? 'Delete',
      storageClassName: options.className ?? 'gp3',
      claimRef: options.claimRef,
      mountOptions: options.mountOptions,
      csi: {
        driver: options.driver ?? 'ebs.csi.aws.com',
        volumeHandle: options.handle ?? 'vol-0123456789abcdef0',
        volumeAttributes: options.attributes,
      },
    },
    status: {
      phase: options.phase ?? 'Bound',
      ...(options.phaseSince
        ? { lastPhaseTransitionTime: options.phaseSince as never }
        : {}),
    },
  };
}

/** A claim and its bound volume. */
export function boundPair(
  namespace: string,
  name: string,
  options: Parameters<typeof claim>[2] & { driver?: string } = {},
): [V1PersistentVolumeClaim, V1PersistentVolume] {
  return [
    claim(namespace, name, options),
    volume(`pvc-${name}`, {
      driver: options.driver,
      className: options.className,
      size: options.size,
      claimRef: { namespace, name },
    }),
  ];
}

export function pod(
  namespace: string,
  name: string,
  claims: string[],
  phase = 'Running',
): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: {
      containers: [{ name: 'app' }],
      volumes: claims.map(claimName => ({
        name: claimName,
        persistentVolumeClaim: { claimName },
      })),
    },
    status: { phase },
  };
}

export function snapshot(
  namespace: string,
  name: string,
  source: string,
  options: {
    ready?: boolean;
    created?: string;
    labels?: Record<string, string>;
    error?: string;
    restoreSize?: string;
  } = {},
): FleetVolumeSnapshot {
  const created = options.created ?? daysBefore(1);
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: {
      name,
      namespace,
      labels: options.labels,
      creationTimestamp: created,
    },
    spec: {
      source: { persistentVolumeClaimName: source },
      volumeSnapshotClassName: 'ebs-snapshots',
    },
    status: {
      readyToUse: options.ready ?? true,
      creationTime: created,
      restoreSize: options.restoreSize,
      ...(options.error ? { error: { message: options.error } } : {}),
    },
  };
}
