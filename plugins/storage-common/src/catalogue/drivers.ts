import { GIB } from '../quantity';
import {
  EBS_VOLUME_LIMITS,
  checkEbsClassLimits,
  checkEbsParameters,
  checkEbsVolume,
  readEbsClassParameters,
} from './ebs';
import { checkEfsParameters } from './efs';
import { checkFsxLustreParameters } from './fsxLustre';
import {
  ONTAP_MIN_SIZE_BYTES,
  checkOntapParameters,
  ontapAccessModes,
} from './ontap';
import { checkS3Parameters } from './s3';
import {
  AccessMode,
  ClassLimitProblem,
  DriverId,
  DriverRules,
  ParameterError,
  VolumeMode,
} from './types';

/**
 * Elastic, regional services (EFS, S3): no provisioned size, so nothing to
 * expand and nothing billed or used up front; reachable from every AZ.
 */
const ELASTIC_REGIONAL = {
  expansion: false,
  topology: 'regional',
  capacityUsed: false,
  billedByProvisionedSize: false,
} as const satisfies Partial<DriverRules>;

export const DRIVERS: Readonly<Record<DriverId, DriverRules>> = {
  ebs: {
    id: 'ebs',
    title: 'Amazon EBS',
    provisioners: ['ebs.csi.aws.com', 'ebs.csi.eks.amazonaws.com'],
    accessModes: {
      Filesystem: ['ReadWriteOnce', 'ReadWriteOncePod'],
      // ReadWriteMany on Block is io2 multi-attach only: see accessModeSupport.
      Block: ['ReadWriteOnce', 'ReadWriteOncePod'],
    },
    dynamicProvisioning: true,
    staticProvisioning: true,
    expansion: true,
    snapshots: true,
    clones: true,
    topology: 'zonal',
    capacityUsed: true,
    billedByProvisionedSize: true,
    minSizeBytes: 1 * GIB,
    maxSizeBytes: EBS_VOLUME_LIMITS.io2.maxSizeGiB * GIB,
    volumeHandlePattern: /^vol-[0-9a-f]{8,17}$/,
    volumeHandleExample: 'vol-0123456789abcdef0',
    recommendedFor: ['database', 'message-broker'],
  },
  efs: {
    id: 'efs',
    title: 'Amazon EFS',
    provisioners: ['efs.csi.aws.com'],
    accessModes: {
      Filesystem: ['ReadWriteOnce', 'ReadWriteMany', 'ReadWriteOncePod'],
      Block: [],
    },
    dynamicProvisioning: true,
    staticProvisioning: true,
    ...ELASTIC_REGIONAL,
    snapshots: false,
    clones: false,
    volumeHandlePattern: /^fs-[0-9a-f]{8,17}(:[^:]*)?(::fsap-[0-9a-f]{8,17})?$/,
    volumeHandleExample: 'fs-0123456789abcdef0::fsap-0123456789abcdef0',
    recommendedFor: ['ci-workspace', 'shared-files'],
  },
  'fsx-lustre': {
    id: 'fsx-lustre',
    title: 'Amazon FSx for Lustre',
    provisioners: ['fsx.csi.aws.com'],
    accessModes: {
      Filesystem: ['ReadWriteOnce', 'ReadWriteMany', 'ReadWriteOncePod'],
      Block: [],
    },
    dynamicProvisioning: true,
    staticProvisioning: true,
    expansion: true,
    snapshots: false,
    clones: false,
    topology: 'subnet',
    capacityUsed: true,
    billedByProvisionedSize: true,
    minSizeBytes: 1200 * GIB,
    volumeHandlePattern: /^fs-[0-9a-f]{8,17}$/,
    volumeHandleExample: 'fs-0123456789abcdef0',
    recommendedFor: ['ml-scratch'],
  },
  s3: {
    id: 's3',
    title: 'Mountpoint for Amazon S3',
    provisioners: ['s3.csi.aws.com'],
    accessModes: {
      Filesystem: ['ReadWriteMany', 'ReadOnlyMany'],
      Block: [],
    },
    dynamicProvisioning: false,
    staticProvisioning: true,
    ...ELASTIC_REGIONAL,
    snapshots: false,
    clones: false,
    volumeHandlePattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    volumeHandleExample: 'my-team-artifacts',
    // Narrowing a mount to a prefix and choosing write semantics are the
    // requester's; identities (uid, gid, allow-other, allow-root), regions,
    // endpoints and caches are the platform's, set on the offering.
    userMountOptions: [
      {
        pattern: /^prefix [A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/$/,
        example: 'prefix logs/',
      },
      { pattern: /^allow-delete$/, example: 'allow-delete' },
      { pattern: /^allow-overwrite$/, example: 'allow-overwrite' },
    ],
    recommendedFor: ['logs-backup'],
  },
  ontap: {
    id: 'ontap',
    title: 'Amazon FSx for NetApp ONTAP (Trident)',
    provisioners: ['csi.trident.netapp.io'],
    accessModes: {
      Filesystem: [
        'ReadWriteOnce',
        'ReadOnlyMany',
        'ReadWriteMany',
        'ReadWriteOncePod',
      ],
      Block: [
        'ReadWriteOnce',
        'ReadOnlyMany',
        'ReadWriteMany',
        'ReadWriteOncePod',
      ],
    },
    dynamicProvisioning: true,
    staticProvisioning: true,
    expansion: true,
    snapshots: true,
    clones: true,
    topology: 'backend',
    capacityUsed: true,
    billedByProvisionedSize: true,
    minSizeBytes: ONTAP_MIN_SIZE_BYTES,
    volumeHandlePattern: /^[A-Za-z0-9_.-]+$/,
    volumeHandleExample: 'trident_pvc_0123',
    recommendedFor: ['shared-files', 'database'],
  },
};

/** In-tree (pre-CSI) provisioners: nothing provisions them on EKS ≥ 1.23 without migration. */
export const IN_TREE_PROVISIONERS: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
};

const PROVISIONER_TO_DRIVER = new Map<string, DriverId>(
  Object.values(DRIVERS).flatMap(rules =>
    rules.provisioners.map(name => [name, rules.id] as const),
  ),
);

/** The driver behind a CSI provisioner name; undefined for in-tree and unknown provisioners. */
export function driverForProvisioner(
  provisioner: string,
): DriverId | undefined {
  return typeof provisioner === 'string'
    ? PROVISIONER_TO_DRIVER.get(provisioner)
    : undefined;
}

export function isInTreeProvisioner(provisioner: string): boolean {
  return typeof provisioner === 'string' && provisioner in IN_TREE_PROVISIONERS;
}

/** The canonical provisioner name of a driver (`ebs.csi.aws.com`). */
export function provisionerOf(driver: DriverId): string {
  return DRIVERS[driver].provisioners[0];
}

/**
 * Access modes a driver can serve for a volume mode and class, with the
 * exceptions: EBS RWX on raw block for io2 multi-attach, ONTAP by backend type.
 */
export function supportedAccessModes(
  driver: DriverId,
  volumeMode: VolumeMode,
  parameters: Record<string, string> = {},
): readonly AccessMode[] {
  const rules = DRIVERS[driver];
  if (!rules) return [];
  if (driver === 'ebs' && volumeMode === 'Block') {
    const limits =
      EBS_VOLUME_LIMITS[
        readEbsClassParameters(parameters)
          .type as keyof typeof EBS_VOLUME_LIMITS
      ];
    if (limits?.multiAttach) {
      return [...rules.accessModes.Block, 'ReadWriteMany'];
    }
  }
  if (driver === 'ontap') {
    return ontapAccessModes(parameters.backendType, volumeMode);
  }
  return rules.accessModes[volumeMode] ?? [];
}

/** Extra facts the driver checks at CreateVolume beyond the class. */
export interface CreateVolumeOptions {
  /** Requested capacity in bytes: enables size-dependent checks. */
  capacityBytes?: number;
  /** Whether the claim asks for multi-attach (EBS RWX block). */
  multiAttach?: boolean;
}

/**
 * The errors the real driver would raise at CreateVolume for a StorageClass,
 * with the driver's message text. Empty when the class is valid, and for
 * provisioners this catalogue does not know (including in-tree ones: see
 * `isInTreeProvisioner`).
 */
export function checkStorageClassParameters(
  provisioner: string,
  parameters: Record<string, string>,
  options: CreateVolumeOptions = {},
): ParameterError[] {
  const params = isStringRecord(parameters) ? parameters : {};
  switch (driverForProvisioner(provisioner)) {
    case 'ebs': {
      const errors = checkEbsParameters(params);
      if (options.capacityBytes !== undefined || options.multiAttach) {
        errors.push(
          ...checkEbsVolume(params, options.capacityBytes ?? GIB, options)
            .errors,
        );
      }
      return errors;
    }
    case 'efs':
      return checkEfsParameters(params);
    case 'fsx-lustre':
      return checkFsxLustreParameters(params);
    case 's3':
      return checkS3Parameters();
    case 'ontap': {
      const errors = checkOntapParameters(params);
      if (
        options.capacityBytes !== undefined &&
        options.capacityBytes < ONTAP_MIN_SIZE_BYTES
      ) {
        errors.push({
          code: 'ontap-size-too-small',
          message: `Requested size ${options.capacityBytes} bytes is below the ONTAP minimum volume size of 20 MiB`,
        });
      }
      return errors;
    }
    default:
      return [];
  }
}

/**
 * The limits of the driver catalogue a StorageClass breaks on its own,
 * without a claim's size (the size-dependent ones come from
 * `checkStorageClassParameters` with `capacityBytes`). The linter and the
 * fleet's class health both report them from here.
 */
export function checkStorageClassLimits(
  provisioner: string,
  parameters: Record<string, string>,
): ClassLimitProblem[] {
  const params = isStringRecord(parameters) ? parameters : {};
  switch (driverForProvisioner(provisioner)) {
    case 'ebs':
      return checkEbsClassLimits(params);
    default:
      return [];
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
