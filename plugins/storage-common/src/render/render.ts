import type {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1PersistentVolumeClaimTemplate,
} from '@kubernetes/client-node';
import { DRIVERS, provisionerOf } from '../catalogue';
import { STATIC_STORAGE_CLASS, StorageOffering } from '../model/offering';
import {
  NewClaimRequest,
  StorageRequest,
  VolumeSource,
  sourceOf,
} from '../model/request';
import { annotationsFor, labelsFor, shortHash } from './labels';

/** A VolumeSnapshot (snapshot.storage.k8s.io/v1); client-node has no type for this CRD. */
export interface VolumeSnapshotObject {
  apiVersion: 'snapshot.storage.k8s.io/v1';
  kind: 'VolumeSnapshot';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: {
    volumeSnapshotClassName?: string;
    source: { persistentVolumeClaimName: string };
  };
}

export type RenderedObject =
  | V1PersistentVolumeClaim
  | V1PersistentVolume
  | VolumeSnapshotObject;

/**
 * The Kubernetes objects that carry out a request, in apply order (a static
 * PV before its PVC). Deterministic. `delete` renders nothing: it is a delete
 * call, not an apply. `resize` renders only the fields a resize owns, to be
 * applied with its own field manager.
 */
export function render(
  request: StorageRequest,
  offering: StorageOffering,
): RenderedObject[] {
  switch (request.operation) {
    case 'create':
    case 'restore': {
      const source = sourceOf(request);
      if (source.type === 'existing') {
        const pv = renderStaticVolume(request, offering, source);
        return [pv, renderClaim(request, offering, pv.metadata!.name!)];
      }
      return [renderClaim(request, offering)];
    }
    case 'resize':
      return [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: request.claimName, namespace: request.namespace },
          spec: { resources: { requests: { storage: request.size } } },
        },
      ];
    case 'snapshot':
      return [renderSnapshot(request, offering)];
    default:
      return [];
  }
}

/** storageClassName of a rendered claim: "" for static binding (always for S3). */
function storageClassNameFor(
  offering: StorageOffering,
  source: VolumeSource,
): string {
  if (
    offering.driver === 's3' ||
    offering.storageClassName === STATIC_STORAGE_CLASS
  )
    return '';
  return source.type === 'existing' ? '' : offering.storageClassName;
}

function claimSpec(
  request: NewClaimRequest,
  offering: StorageOffering,
  volumeName?: string,
) {
  const source = sourceOf(request);
  const spec: NonNullable<V1PersistentVolumeClaim['spec']> = {
    accessModes: [request.accessMode],
    volumeMode: request.volumeMode,
    resources: { requests: { storage: request.size } },
    storageClassName: storageClassNameFor(offering, source),
  };
  if (volumeName) spec.volumeName = volumeName;
  if (source.type === 'snapshot') {
    spec.dataSource = {
      apiGroup: 'snapshot.storage.k8s.io',
      kind: 'VolumeSnapshot',
      name: source.snapshotName,
    };
  } else if (source.type === 'clone') {
    spec.dataSource = { kind: 'PersistentVolumeClaim', name: source.claimName };
  }
  return spec;
}

function renderClaim(
  request: NewClaimRequest,
  offering: StorageOffering,
  volumeName?: string,
): V1PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: request.claimName,
      namespace: request.namespace,
      labels: labelsFor(request, offering),
      annotations: annotationsFor(request, offering),
    },
    spec: claimSpec(request, offering, volumeName),
  };
}

/** A PV name unique per cluster, namespace and claim, within the 253-character limit. */
export function staticVolumeName(request: StorageRequest): string {
  const hash = shortHash(
    `${request.cluster}/${request.namespace}/${request.claimName}`,
  );
  return `${request.claimName.slice(0, 240).replace(/[.-]+$/, '')}-${hash}`;
}

function renderStaticVolume(
  request: NewClaimRequest,
  offering: StorageOffering,
  source: Extract<VolumeSource, { type: 'existing' }>,
): V1PersistentVolume {
  const name = staticVolumeName(request);
  const driver = offering.driver;
  const csi: NonNullable<NonNullable<V1PersistentVolume['spec']>['csi']> = {
    driver: provisionerOf(driver),
    volumeHandle: source.volumeId,
  };
  const spec: NonNullable<V1PersistentVolume['spec']> = {
    capacity: { storage: request.size },
    accessModes: [request.accessMode],
    volumeMode: request.volumeMode,
    // A pre-existing volume must outlive the claim that borrowed it.
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName: storageClassNameFor(offering, source),
    claimRef: { namespace: request.namespace, name: request.claimName },
    csi,
  };
  switch (driver) {
    case 'ebs':
      csi.fsType = offering.parameters['csi.storage.k8s.io/fstype'] ?? 'ext4';
      if (source.zone) {
        spec.nodeAffinity = {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  {
                    key: 'topology.kubernetes.io/zone',
                    operator: 'In',
                    values: [source.zone],
                  },
                ],
              },
            ],
          },
        };
      }
      break;
    case 'fsx-lustre':
      csi.volumeAttributes = {
        dnsname: source.dnsName ?? '',
        mountname: source.mountName ?? '',
      };
      spec.mountOptions = ['flock'];
      break;
    case 's3':
      // The handle only has to be unique across PVs; the bucket is an attribute.
      csi.volumeHandle = `s3-${name}`;
      csi.volumeAttributes = { bucketName: source.volumeId };
      if (request.accessMode === 'ReadOnlyMany') csi.readOnly = true;
      break;
    default:
      break;
  }
  // The platform's options first; a requester adds only the driver's safe
  // ones (the validator refuses the rest).
  const mountOptions = [
    ...(spec.mountOptions ?? []),
    ...offering.mountOptions,
    ...(source.mountOptions ?? []),
  ];
  if (mountOptions.length) spec.mountOptions = mountOptions;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      labels: labelsFor(request, offering),
      annotations: annotationsFor(request, offering),
    },
    spec,
  };
}

function renderSnapshot(
  request: Extract<StorageRequest, { operation: 'snapshot' }>,
  offering?: StorageOffering,
): VolumeSnapshotObject {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: {
      name: request.snapshotName,
      namespace: request.namespace,
      labels: labelsFor(request, offering),
      annotations: annotationsFor(request, offering),
    },
    spec: {
      ...(request.volumeSnapshotClassName
        ? { volumeSnapshotClassName: request.volumeSnapshotClassName }
        : {}),
      source: { persistentVolumeClaimName: request.claimName },
    },
  };
}

/**
 * A `volumeClaimTemplates` entry for a StatefulSet (one volume per replica).
 * Undefined for offerings that cannot provision dynamically (static, S3).
 */
export function renderVolumeClaimTemplate(
  request: NewClaimRequest,
  offering: StorageOffering,
): V1PersistentVolumeClaimTemplate | undefined {
  if (
    !DRIVERS[offering.driver]?.dynamicProvisioning ||
    offering.storageClassName === STATIC_STORAGE_CLASS ||
    sourceOf(request).type === 'existing'
  ) {
    return undefined;
  }
  return {
    metadata: {
      name: request.claimName,
      labels: labelsFor(request, offering),
      annotations: annotationsFor(request, offering),
    },
    spec: claimSpec(request, offering),
  };
}
