import {
  STATIC_STORAGE_CLASS,
  StorageOffering,
  ValidationContext,
  OFFERING_ANNOTATION,
  driverForProvisioner,
  storageOfferingSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  V1PersistentVolumeClaim,
  V1StorageClass,
} from '@kubernetes/client-node';
import { ClusterClient } from '../clusters/ClusterRegistry';
import { toClusterError } from '../clusters/clusterErrors';

/** An existing claim, for resize, snapshot and delete. */
export interface ExistingClaim {
  pvc: V1PersistentVolumeClaim;
  storageClass?: V1StorageClass;
  reclaimPolicy?: string;
}

/** Reads a claim with its class and volume; undefined when it does not exist. */
export async function readClaim(
  cluster: ClusterClient,
  namespace: string,
  name: string,
): Promise<ExistingClaim | undefined> {
  let pvc: V1PersistentVolumeClaim;
  try {
    pvc = await cluster.core.readNamespacedPersistentVolumeClaim({
      name,
      namespace,
    });
  } catch (error) {
    if (toClusterError(error).code === 404) {
      return undefined;
    }
    throw error;
  }
  const className = pvc.spec?.storageClassName;
  const volumeName = pvc.spec?.volumeName;
  const [storageClass, pv] = await Promise.all([
    className
      ? cluster.storage
          .readStorageClass({ name: className })
          .catch(() => undefined)
      : undefined,
    volumeName
      ? cluster.core
          .readPersistentVolume({ name: volumeName })
          .catch(() => undefined)
      : undefined,
  ]);
  return {
    pvc,
    storageClass,
    reclaimPolicy: pv?.spec?.persistentVolumeReclaimPolicy,
  };
}

export function validationContextOf(claim: ExistingClaim): ValidationContext {
  return {
    claim: {
      size: claim.pvc.spec?.resources?.requests?.storage,
      capacity: claim.pvc.status?.capacity?.storage,
      phase: claim.pvc.status?.phase,
      reclaimPolicy: claim.reclaimPolicy,
    },
    storageClass: claim.storageClass && {
      provisioner: claim.storageClass.provisioner,
      allowVolumeExpansion: claim.storageClass.allowVolumeExpansion,
      parameters: claim.storageClass.parameters,
    },
  };
}

/**
 * The offering a claim belongs to: the one named on it, else the one of its
 * class, else one described from the class itself, so that claims made by
 * StatefulSets or GitOps can be resized and snapshotted too.
 */
export function offeringOfClaim(
  claim: ExistingClaim,
  offerings: StorageOffering[],
): StorageOffering | undefined {
  const named = claim.pvc.metadata?.annotations?.[OFFERING_ANNOTATION];
  const className = claim.pvc.spec?.storageClassName;
  const known =
    offerings.find(offering => offering.id === named) ??
    offerings.find(
      offering =>
        className &&
        offering.storageClassName !== STATIC_STORAGE_CLASS &&
        offering.storageClassName === className,
    );
  if (known) {
    return known;
  }
  return claim.storageClass
    ? offeringFromStorageClass(
        claim.storageClass,
        claim.pvc.spec?.accessModes ?? [],
        claim.pvc.spec?.resources?.requests?.storage,
      )
    : undefined;
}

/**
 * An offering described from a StorageClass of a known driver, for claims
 * that did not come from one of the platform's offerings.
 */
export function offeringFromStorageClass(
  storageClass: V1StorageClass,
  accessModes: string[],
  size: string | undefined,
): StorageOffering | undefined {
  const name = storageClass.metadata?.name ?? '';
  const driver = driverForProvisioner(storageClass.provisioner ?? '');
  if (!driver) {
    return undefined;
  }
  const described = storageOfferingSchema.safeParse({
    id: `class-${name}`
      .slice(0, 63)
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/-+$/, ''),
    title: name,
    driver,
    storageClassName: name,
    parameters: storageClass.parameters ?? {},
    accessModes: accessModes.length ? accessModes : ['ReadWriteOnce'],
    size: { default: size ?? '1Gi' },
    allowVolumeExpansion: storageClass.allowVolumeExpansion ?? false,
  });
  return described.success ? described.data : undefined;
}
