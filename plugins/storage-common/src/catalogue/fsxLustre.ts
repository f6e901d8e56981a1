import { ParameterError } from './types';

export type FsxDeploymentType =
  | 'SCRATCH_1'
  | 'SCRATCH_2'
  | 'PERSISTENT_1'
  | 'PERSISTENT_2';
export type FsxStorageType = 'SSD' | 'HDD';

export const FSX_DEPLOYMENT_TYPES: readonly FsxDeploymentType[] = [
  'SCRATCH_1',
  'SCRATCH_2',
  'PERSISTENT_1',
  'PERSISTENT_2',
];
export const FSX_DEFAULT_DEPLOYMENT_TYPE: FsxDeploymentType = 'SCRATCH_1';
/** Capacity the driver asks for when the claim is smaller. */
export const FSX_DEFAULT_CAPACITY_GIB = 1200;
/** CreateVolume gives up after this long; a large file system may still be creating. */
export const FSX_DRIVER_TIMEOUT_SECONDS = 300;

/** Per-unit storage throughput (MB/s per TiB) allowed per deployment and storage type. */
export const FSX_THROUGHPUT_VALUES: Readonly<
  Record<FsxDeploymentType, Partial<Record<FsxStorageType, readonly number[]>>>
> = {
  SCRATCH_1: {},
  SCRATCH_2: {},
  PERSISTENT_1: { SSD: [50, 100, 200], HDD: [12, 40] },
  PERSISTENT_2: { SSD: [125, 250, 500, 1000] },
};

export interface FsxCapacitySteps {
  /** Sizes offered before the regular steps start. */
  firstSizes: readonly number[];
  /** Every size above the first sizes is a multiple of this. */
  step: number;
}

/** The capacity rounding rule of one FSx for Lustre configuration. */
export function fsxLustreCapacitySteps(
  deploymentType: string,
  storageType: string = 'SSD',
  perUnitStorageThroughput?: number,
): FsxCapacitySteps {
  if (storageType === 'HDD') {
    return {
      firstSizes: [],
      step: perUnitStorageThroughput === 40 ? 1800 : 6000,
    };
  }
  if (deploymentType === 'SCRATCH_1' || !deploymentType) {
    return { firstSizes: [1200, 2400], step: 3600 };
  }
  return { firstSizes: [1200], step: 2400 };
}

/**
 * The capacity FSx for Lustre will create for a request, in GiB: SCRATCH_1 SSD
 * 1200, 2400, then steps of 3600; other SSD 1200 then steps of 2400; HDD steps
 * of 6000 (12 MB/s/TiB, the default) or 1800 (40 MB/s/TiB).
 */
export function roundFsxLustreCapacityGiB(
  requestedGiB: number,
  deploymentType: string = FSX_DEFAULT_DEPLOYMENT_TYPE,
  storageType: string = 'SSD',
  perUnitStorageThroughput?: number,
): number {
  const { firstSizes, step } = fsxLustreCapacitySteps(
    deploymentType,
    storageType,
    perUnitStorageThroughput,
  );
  const requested =
    Number.isFinite(requestedGiB) && requestedGiB > 0 ? requestedGiB : 0;
  for (const size of firstSizes) {
    if (requested <= size) return size;
  }
  return Math.max(step, Math.ceil(requested / step) * step);
}

/** Why FSx for Lustre refuses to grow a file system, and the capacity it would accept instead. */
export interface FsxLustreExpansionProblem {
  message: string;
  /** The nearest capacity FSx accepts, when a larger request would do. */
  suggestedGiB?: number;
}

/** Why FSx for Lustre refuses to grow a file system to `newGiB`, or undefined when it can. */
export function fsxLustreExpansionProblem(
  deploymentType: string,
  newGiB: number,
  storageType: string = 'SSD',
  perUnitStorageThroughput?: number,
): FsxLustreExpansionProblem | undefined {
  if (deploymentType === 'SCRATCH_1') {
    return {
      message:
        'SCRATCH_1 file systems cannot be expanded; use SCRATCH_2, PERSISTENT_1 or PERSISTENT_2 to grow later',
    };
  }
  const { step } =
    storageType === 'HDD'
      ? fsxLustreCapacitySteps(
          deploymentType,
          storageType,
          perUnitStorageThroughput,
        )
      : { step: 2400 };
  if (newGiB % step !== 0) {
    const suggestedGiB = Math.ceil(newGiB / step) * step;
    return {
      message: `The new storage capacity must be a multiple of ${step} GiB; ask for ${suggestedGiB} GiB`,
      suggestedGiB,
    };
  }
  return undefined;
}

/** The message of {@link fsxLustreExpansionProblem}, as the FSx API words it. */
export function fsxLustreExpansionError(
  deploymentType: string,
  newGiB: number,
  storageType: string = 'SSD',
  perUnitStorageThroughput?: number,
): string | undefined {
  return fsxLustreExpansionProblem(
    deploymentType,
    newGiB,
    storageType,
    perUnitStorageThroughput,
  )?.message;
}

const FSX_PARAMETER_KEYS = [
  'subnetId',
  'securityGroupIds',
  'deploymentType',
  'storageType',
  'perUnitStorageThroughput',
  'driveCacheType',
  'dataCompressionType',
  's3ImportPath',
  's3ExportPath',
  'autoImportPolicy',
  'kmsKeyId',
  'automaticBackupRetentionDays',
  'dailyAutomaticBackupStartTime',
  'copyTagsToBackups',
  'weeklyMaintenanceStartTime',
  'fileSystemTypeVersion',
  'extraTags',
  'efaEnabled',
  'metadataConfigurationMode',
  'metadataIops',
];

function bucketOf(path: string): string | undefined {
  return /^s3:\/\/([^/]+)/.exec(path)?.[1];
}

/** Errors FSx for Lustre (driver or API) raises for a StorageClass's parameters. */
export function checkFsxLustreParameters(
  parameters: Record<string, string>,
): ParameterError[] {
  const params = parameters ?? {};
  const errors: ParameterError[] = [];
  const push = (code: string, key: string, message: string) =>
    errors.push({ code, key, message });

  for (const key of Object.keys(params)) {
    if (
      !FSX_PARAMETER_KEYS.includes(key) &&
      !key.startsWith('csi.storage.k8s.io/')
    ) {
      push(
        'fsx-invalid-parameter-key',
        key,
        `Invalid parameter key ${key} for CreateVolume`,
      );
    }
  }
  if (!params.subnetId) {
    push(
      'fsx-missing-subnet',
      'subnetId',
      'Missing subnetId parameter: FSx for Lustre needs exactly one subnet',
    );
  } else if (params.subnetId.includes(',')) {
    push(
      'fsx-several-subnets',
      'subnetId',
      `subnetId must name exactly one subnet, got ${params.subnetId}`,
    );
  }

  const deploymentType = params.deploymentType ?? FSX_DEFAULT_DEPLOYMENT_TYPE;
  if (!(FSX_DEPLOYMENT_TYPES as readonly string[]).includes(deploymentType)) {
    push(
      'fsx-invalid-deployment-type',
      'deploymentType',
      `Invalid deploymentType ${deploymentType}; use one of ${FSX_DEPLOYMENT_TYPES.join(
        ', ',
      )}`,
    );
    return errors;
  }
  const storageType = params.storageType ?? 'SSD';
  if (storageType !== 'SSD' && storageType !== 'HDD') {
    push(
      'fsx-invalid-storage-type',
      'storageType',
      `Invalid storageType ${storageType}; use SSD or HDD`,
    );
  } else if (storageType === 'HDD' && deploymentType !== 'PERSISTENT_1') {
    push(
      'fsx-hdd-needs-persistent-1',
      'storageType',
      `storageType HDD is only available with deploymentType PERSISTENT_1, not ${deploymentType}`,
    );
  } else if (
    storageType === 'HDD' &&
    !['NONE', 'READ'].includes(params.driveCacheType ?? '')
  ) {
    push(
      'fsx-hdd-needs-drive-cache',
      'driveCacheType',
      'driveCacheType (NONE or READ) is required with storageType HDD',
    );
  }

  const allowed =
    FSX_THROUGHPUT_VALUES[deploymentType as FsxDeploymentType][
      storageType as FsxStorageType
    ] ?? [];
  const throughputText = params.perUnitStorageThroughput;
  if (throughputText !== undefined) {
    if (allowed.length === 0) {
      push(
        'fsx-throughput-not-allowed',
        'perUnitStorageThroughput',
        `perUnitStorageThroughput is not allowed with deploymentType ${deploymentType}; it applies to PERSISTENT_1 and PERSISTENT_2`,
      );
    } else if (!allowed.includes(Number(throughputText))) {
      push(
        'fsx-invalid-throughput',
        'perUnitStorageThroughput',
        `perUnitStorageThroughput ${throughputText} is invalid for ${deploymentType} ${storageType}; use one of ${allowed.join(
          ', ',
        )}`,
      );
    }
  } else if (allowed.length > 0) {
    push(
      'fsx-missing-throughput',
      'perUnitStorageThroughput',
      `perUnitStorageThroughput is required for ${deploymentType} ${storageType}; use one of ${allowed.join(
        ', ',
      )}`,
    );
  }

  if (
    params.dataCompressionType &&
    !['NONE', 'LZ4'].includes(params.dataCompressionType)
  ) {
    push(
      'fsx-invalid-compression',
      'dataCompressionType',
      `Invalid dataCompressionType ${params.dataCompressionType}; use NONE or LZ4`,
    );
  }
  if (params.s3ExportPath && !params.s3ImportPath) {
    push(
      'fsx-export-needs-import',
      's3ExportPath',
      's3ExportPath requires s3ImportPath',
    );
  } else if (
    params.s3ExportPath &&
    params.s3ImportPath &&
    bucketOf(params.s3ExportPath) !== bucketOf(params.s3ImportPath)
  ) {
    push(
      'fsx-export-other-bucket',
      's3ExportPath',
      `s3ExportPath must be in the same bucket as s3ImportPath (${bucketOf(
        params.s3ImportPath,
      )})`,
    );
  }
  if (params.autoImportPolicy && !params.s3ImportPath) {
    push(
      'fsx-auto-import-needs-import',
      'autoImportPolicy',
      'autoImportPolicy requires s3ImportPath',
    );
  }
  if (params.automaticBackupRetentionDays !== undefined) {
    const days = Number(params.automaticBackupRetentionDays);
    if (!Number.isInteger(days) || days < 0 || days > 35) {
      push(
        'fsx-invalid-backup-retention',
        'automaticBackupRetentionDays',
        `automaticBackupRetentionDays must be a whole number from 0 to 35, got ${params.automaticBackupRetentionDays}`,
      );
    }
  }
  if (
    params.extraTags &&
    !params.extraTags.split(',').every(tag => /^[^=]+=.*$/.test(tag))
  ) {
    push(
      'fsx-invalid-extra-tags',
      'extraTags',
      `extraTags must be "key=value" pairs separated by commas, got ${params.extraTags}`,
    );
  }
  return errors;
}
