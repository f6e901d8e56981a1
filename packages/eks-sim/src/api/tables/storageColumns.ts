/** Table columns of the storage kinds: claims, volumes, classes, drivers and snapshots. */
import { K8sObject } from '../../store/types';
import { AGE, age, Column, NAME, text } from './columns';

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

function snapshotSize(vs: K8sObject) {
  return vs.status?.restoreSize ?? '';
}

export const STORAGE_COLUMNS: Record<string, Column[]> = {
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
