/** The CSI drivers this catalogue knows. */
export type DriverId = 'ebs' | 'efs' | 'fsx-lustre' | 's3' | 'ontap';

export const DRIVER_IDS: readonly DriverId[] = [
  'ebs',
  'efs',
  'fsx-lustre',
  's3',
  'ontap',
];

export type AccessMode =
  | 'ReadWriteOnce'
  | 'ReadOnlyMany'
  | 'ReadWriteMany'
  | 'ReadWriteOncePod';

export const ACCESS_MODES: readonly AccessMode[] = [
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
];

export type VolumeMode = 'Filesystem' | 'Block';

export const VOLUME_MODES: readonly VolumeMode[] = ['Filesystem', 'Block'];

/** Workload kinds of the platform guides' decision matrix. */
export type Workload =
  | 'database'
  | 'message-broker'
  | 'ci-workspace'
  | 'shared-files'
  | 'ml-scratch'
  | 'logs-backup';

export const WORKLOADS: readonly Workload[] = [
  'database',
  'message-broker',
  'ci-workspace',
  'shared-files',
  'ml-scratch',
  'logs-backup',
];

/**
 * Where a volume lives: `zonal` (one AZ, EBS), `subnet` (one subnet per
 * StorageClass, FSx for Lustre), `regional` (reachable from every AZ), or
 * `backend` (decided by the storage backend, ONTAP).
 */
export type Topology = 'zonal' | 'subnet' | 'regional' | 'backend';

/** An error the driver (or the AWS API behind it) raises for a StorageClass. */
export interface ParameterError {
  code: string;
  message: string;
  key?: string;
}

/**
 * A limit a StorageClass breaks whatever size a claim asks for: `error` when
 * the driver refuses every claim, `warning` when the cloud caps it silently.
 */
export interface ClassLimitProblem extends ParameterError {
  severity: 'error' | 'warning';
}

/** A mount option a requester may set, e.g. Mountpoint's `prefix logs/`. */
export interface MountOptionRule {
  pattern: RegExp;
  example: string;
}

/** The rules of one CSI driver. */
export interface DriverRules {
  id: DriverId;
  title: string;
  /** Provisioner names, canonical first. */
  provisioners: readonly string[];
  /** Access modes per volume mode, before driver-specific exceptions (see `accessModeSupport`). */
  accessModes: Readonly<Record<VolumeMode, readonly AccessMode[]>>;
  dynamicProvisioning: boolean;
  staticProvisioning: boolean;
  expansion: boolean;
  snapshots: boolean;
  clones: boolean;
  topology: Topology;
  /** Whether the requested capacity is used at all (EFS and S3 ignore it). */
  capacityUsed: boolean;
  /** Whether the volume is billed by provisioned size (false: billed by use). */
  billedByProvisionedSize: boolean;
  /** Size bounds in bytes when the driver has them independent of class parameters. */
  minSizeBytes?: number;
  maxSizeBytes?: number;
  /** Shape of the volume handle of a pre-existing volume, for static provisioning. */
  volumeHandlePattern: RegExp;
  volumeHandleExample: string;
  /**
   * Mount options a requester may add to a static volume; everything else
   * comes from the platform's offering. None when absent.
   */
  userMountOptions?: readonly MountOptionRule[];
  /** Workloads this driver is the right answer for (decision matrix). */
  recommendedFor: readonly Workload[];
}
