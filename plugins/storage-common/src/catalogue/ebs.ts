import { GIB } from '../quantity';
import { ParameterError } from './types';

export type EbsVolumeType =
  | 'gp3'
  | 'gp2'
  | 'io1'
  | 'io2'
  | 'st1'
  | 'sc1'
  | 'standard';

export const EBS_VOLUME_TYPES: readonly EbsVolumeType[] = [
  'gp3',
  'gp2',
  'io1',
  'io2',
  'st1',
  'sc1',
  'standard',
];

export const EBS_DEFAULT_VOLUME_TYPE: EbsVolumeType = 'gp3';

/** Limits of one EBS volume type. IOPS in operations/s, throughput in MiB/s. */
export interface EbsVolumeLimits {
  type: EbsVolumeType;
  title: string;
  minSizeGiB: number;
  maxSizeGiB: number;
  /** Whether `iops` / `iopsPerGB` may be set in the StorageClass. */
  iopsSettable: boolean;
  minIops?: number;
  maxIops?: number;
  maxIopsPerGiB?: number;
  /** IOPS included without extra charge (gp3: 3,000; gp2: 3 per GiB, min 100). */
  baselineIops?: number;
  baselineIopsPerGiB?: number;
  /** Whether `throughput` may be set in the StorageClass (gp3 only). */
  throughputSettable: boolean;
  minThroughput?: number;
  maxThroughput: number;
  /** gp3: throughput may not exceed 0.25 MiB/s per provisioned IOPS. */
  maxThroughputPerIops?: number;
  baselineThroughput?: number;
  /** Multi-attach (RWX on raw block) is io2 only. */
  multiAttach: boolean;
}

const TIB_IN_GIB = 1024;

/**
 * EBS volume types. gp3 uses the 2025 limits AWS publishes (64 TiB, 80,000
 * IOPS, 2,000 MiB/s); older regions and drivers cap at 16 TiB/16,000/1,000.
 */
export const EBS_VOLUME_LIMITS: Readonly<
  Record<EbsVolumeType, EbsVolumeLimits>
> = {
  gp3: {
    type: 'gp3',
    title: 'General Purpose SSD (gp3)',
    minSizeGiB: 1,
    maxSizeGiB: 64 * TIB_IN_GIB,
    iopsSettable: true,
    minIops: 3000,
    maxIops: 80000,
    maxIopsPerGiB: 500,
    baselineIops: 3000,
    throughputSettable: true,
    minThroughput: 125,
    maxThroughput: 2000,
    maxThroughputPerIops: 0.25,
    baselineThroughput: 125,
    multiAttach: false,
  },
  gp2: {
    type: 'gp2',
    title: 'General Purpose SSD (gp2)',
    minSizeGiB: 1,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: false,
    minIops: 100,
    maxIops: 16000,
    baselineIopsPerGiB: 3,
    throughputSettable: false,
    maxThroughput: 250,
    multiAttach: false,
  },
  io1: {
    type: 'io1',
    title: 'Provisioned IOPS SSD (io1)',
    minSizeGiB: 4,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: true,
    minIops: 100,
    maxIops: 64000,
    maxIopsPerGiB: 50,
    throughputSettable: false,
    maxThroughput: 1000,
    multiAttach: false,
  },
  io2: {
    type: 'io2',
    title: 'Provisioned IOPS SSD (io2 Block Express)',
    minSizeGiB: 4,
    maxSizeGiB: 64 * TIB_IN_GIB,
    iopsSettable: true,
    minIops: 100,
    maxIops: 256000,
    maxIopsPerGiB: 1000,
    throughputSettable: false,
    maxThroughput: 4000,
    multiAttach: true,
  },
  st1: {
    type: 'st1',
    title: 'Throughput Optimized HDD (st1)',
    minSizeGiB: 125,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: false,
    throughputSettable: false,
    maxThroughput: 500,
    multiAttach: false,
  },
  sc1: {
    type: 'sc1',
    title: 'Cold HDD (sc1)',
    minSizeGiB: 125,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: false,
    throughputSettable: false,
    maxThroughput: 250,
    multiAttach: false,
  },
  standard: {
    type: 'standard',
    title: 'Magnetic (standard, previous generation)',
    minSizeGiB: 1,
    maxSizeGiB: 1 * TIB_IN_GIB,
    iopsSettable: false,
    throughputSettable: false,
    maxThroughput: 90,
    multiAttach: false,
  },
};

export function isEbsVolumeType(value: unknown): value is EbsVolumeType {
  return (
    typeof value === 'string' &&
    (EBS_VOLUME_TYPES as readonly string[]).includes(value)
  );
}

/** Limits of an EBS volume type (case-insensitive); undefined for an unknown type. */
export function ebsVolumeLimits(type: string): EbsVolumeLimits | undefined {
  const lower = typeof type === 'string' ? type.toLowerCase() : '';
  return isEbsVolumeType(lower) ? EBS_VOLUME_LIMITS[lower] : undefined;
}

/** Keys the driver accepts (compared lower-case), besides `tagSpecification_N`. */
const EBS_PARAMETER_KEYS = new Set(
  [
    'type',
    'iopsPerGB',
    'allowAutoIOPSPerGBIncrease',
    'allowAutoIOPSIncreaseOnModify',
    'iops',
    'throughput',
    'encrypted',
    'kmsKeyId',
    'blockExpress',
    'blockSize',
    'inodeSize',
    'bytesPerInode',
    'numberOfInodes',
    'ext4BigAlloc',
    'ext4ClusterSize',
    'ext4EncryptionSupport',
    'volumeInitializationRate',
    'blockAttachUntilInitialized',
  ].map(key => key.toLowerCase()),
);

const FSTYPE_KEY = 'csi.storage.k8s.io/fstype';
const EBS_FS_TYPES = ['ext4', 'xfs', 'ext3'];

/** The EBS StorageClass parameters the driver reads, normalised. */
export interface EbsClassParameters {
  type: string;
  iops?: number;
  iopsPerGB?: number;
  throughput?: number;
  allowAutoIOPSPerGBIncrease: boolean;
  fsType: string;
}

function isIntegerText(value: string): boolean {
  return /^[+-]?\d+$/.test(value.trim());
}

function isBooleanText(value: string): boolean {
  return /^(true|false|1|0|t|f|TRUE|FALSE|True|False|T|F)$/.test(value);
}

/** Reads the EBS parameters case-insensitively (as the driver does). */
export function readEbsClassParameters(
  parameters: Record<string, string>,
): EbsClassParameters {
  const lower: Record<string, string> = {};
  for (const [key, value] of Object.entries(parameters ?? {})) {
    lower[key.toLowerCase()] = String(value);
  }
  const numberOf = (key: string) =>
    lower[key] !== undefined && isIntegerText(lower[key])
      ? Number(lower[key])
      : undefined;
  return {
    type: (lower.type ?? 'gp3').toLowerCase(),
    iops: numberOf('iops'),
    iopsPerGB: numberOf('iopspergb'),
    throughput: numberOf('throughput'),
    allowAutoIOPSPerGBIncrease: lower.allowautoiopspergbincrease === 'true',
    fsType: parameters?.[FSTYPE_KEY] ?? 'ext4',
  };
}

/** Errors the EBS driver raises for a StorageClass's parameters at CreateVolume. */
export function checkEbsParameters(
  parameters: Record<string, string>,
): ParameterError[] {
  const errors: ParameterError[] = [];
  const seen = new Set<string>();
  for (const [key, rawValue] of Object.entries(parameters ?? {})) {
    const value = String(rawValue);
    const lower = key.toLowerCase();
    seen.add(lower);
    if (key === FSTYPE_KEY) {
      if (!EBS_FS_TYPES.includes(value.toLowerCase())) {
        errors.push({
          code: 'ebs-invalid-fstype',
          key,
          message: `fstype ${value} is not supported; use one of ${EBS_FS_TYPES.join(
            ', ',
          )}`,
        });
      }
      continue;
    }
    // The external-provisioner strips its own csi.storage.k8s.io/* keys (secrets)
    // and passes the PV/PVC metadata keys, which the driver accepts.
    if (lower.startsWith('csi.storage.k8s.io/')) continue;
    if (lower.startsWith('tagspecification')) {
      if (!/^[^=]+=.*$/.test(value)) {
        errors.push({
          code: 'ebs-invalid-tag-specification',
          key,
          message: `Invalid tagSpecification format ${value}: expected "key=value"`,
        });
      }
      continue;
    }
    if (!EBS_PARAMETER_KEYS.has(lower)) {
      errors.push({
        code: 'ebs-invalid-parameter-key',
        key,
        message: `Invalid parameter key ${key} for CreateVolume`,
      });
      continue;
    }
    if (lower === 'type' && !isEbsVolumeType(value.toLowerCase())) {
      errors.push({
        code: 'ebs-invalid-volume-type',
        key,
        message: `invalid AWS VolumeType "${value}"; use one of ${EBS_VOLUME_TYPES.join(
          ', ',
        )}`,
      });
    }
    if (
      ['iops', 'iopspergb', 'throughput'].includes(lower) &&
      !isIntegerText(value)
    ) {
      errors.push({
        code: 'ebs-invalid-number',
        key,
        message: `Could not parse invalid ${key}: ${value}`,
      });
    }
    if (
      [
        'encrypted',
        'allowautoiopspergbincrease',
        'allowautoiopsincreaseonmodify',
        'blockexpress',
      ].includes(lower) &&
      !isBooleanText(value)
    ) {
      errors.push({
        code: 'ebs-invalid-boolean',
        key,
        message: `Could not parse invalid ${key}: ${value}`,
      });
    }
  }
  if (seen.has('iops') && seen.has('iopspergb')) {
    errors.push({
      code: 'ebs-iops-and-iops-per-gb',
      key: 'iops',
      message:
        'invalid StorageClass parameters; specify either IOPS or IOPSPerGb, not both',
    });
  }
  const parsed = readEbsClassParameters(parameters);
  const limits = ebsVolumeLimits(parsed.type);
  if (
    limits &&
    !limits.iopsSettable &&
    (seen.has('iops') || seen.has('iopspergb'))
  ) {
    errors.push({
      code: 'ebs-iops-not-settable',
      key: seen.has('iops') ? 'iops' : 'iopsPerGB',
      message: `IOPS cannot be set on volume type ${limits.type}; only io1, io2 and gp3 take iops or iopsPerGB`,
    });
  }
  if (limits && !limits.throughputSettable && seen.has('throughput')) {
    errors.push({
      code: 'ebs-throughput-not-settable',
      key: 'throughput',
      message: `Throughput cannot be set on volume type ${limits.type}; only gp3 takes throughput`,
    });
  }
  if (limits?.throughputSettable && parsed.throughput !== undefined) {
    const { minThroughput = 0, maxThroughput } = limits;
    if (
      parsed.throughput < minThroughput ||
      parsed.throughput > maxThroughput
    ) {
      errors.push({
        code: 'ebs-throughput-out-of-range',
        key: 'throughput',
        message: `Throughput of ${parsed.throughput} MiB/s is invalid for ${limits.type}; it must be between ${minThroughput} and ${maxThroughput} MiB/s`,
      });
    }
  }
  return errors;
}

/** What EBS will actually provision for a size and class (the driver caps silently). */
export interface EbsEffectiveVolume {
  sizeGiB: number;
  iops?: number;
  throughput?: number;
}

/**
 * Errors CreateVolume raises for a given size with these parameters, and what
 * the volume ends up with. Size rounds up to whole GiB; IOPS above the type's
 * maximum or the per-GiB ratio are capped silently (as the driver does), below
 * the minimum is an error unless allowAutoIOPSPerGBIncrease.
 */
export function checkEbsVolume(
  parameters: Record<string, string>,
  capacityBytes: number,
  options: { multiAttach?: boolean } = {},
): { errors: ParameterError[]; effective?: EbsEffectiveVolume } {
  const parsed = readEbsClassParameters(parameters);
  const limits = ebsVolumeLimits(parsed.type);
  if (!limits || !Number.isFinite(capacityBytes) || capacityBytes <= 0) {
    return { errors: [] };
  }
  const errors: ParameterError[] = [];
  const sizeGiB = Math.max(1, Math.ceil(capacityBytes / GIB));
  if (sizeGiB < limits.minSizeGiB || sizeGiB > limits.maxSizeGiB) {
    errors.push({
      code: 'ebs-size-out-of-range',
      message: `Volume of ${sizeGiB} GiB is invalid for volume type ${limits.type}; the size must be between ${limits.minSizeGiB} GiB and ${limits.maxSizeGiB} GiB`,
    });
  }
  if (options.multiAttach && !limits.multiAttach) {
    errors.push({
      code: 'ebs-multi-attach-not-io2',
      message: 'CreateDisk: multi-attach is only supported for io2 volumes',
    });
  }
  let iops: number | undefined;
  if (limits.iopsSettable) {
    const requested =
      parsed.iops ??
      (parsed.iopsPerGB !== undefined ? parsed.iopsPerGB * sizeGiB : undefined);
    if (requested !== undefined) {
      const min = limits.minIops ?? 0;
      const max = Math.min(
        limits.maxIops ?? Infinity,
        (limits.maxIopsPerGiB ?? Infinity) * sizeGiB,
      );
      if (requested < min && !parsed.allowAutoIOPSPerGBIncrease) {
        errors.push({
          code: 'ebs-iops-too-low',
          key: parsed.iops !== undefined ? 'iops' : 'iopsPerGB',
          message: `invalid combination of volume size ${sizeGiB} GiB and IOPS ${requested}: the IOPS is too low for ${limits.type}, it must be at least ${min} (or set allowAutoIOPSPerGBIncrease: "true")`,
        });
      }
      iops = Math.max(min, Math.min(requested, max));
    } else {
      iops = limits.baselineIops;
    }
  } else if (limits.baselineIopsPerGiB) {
    iops = Math.min(
      limits.maxIops ?? Infinity,
      Math.max(limits.minIops ?? 0, limits.baselineIopsPerGiB * sizeGiB),
    );
  }
  let throughput: number | undefined;
  if (limits.throughputSettable) {
    throughput = parsed.throughput ?? limits.baselineThroughput;
    if (
      throughput !== undefined &&
      iops !== undefined &&
      limits.maxThroughputPerIops !== undefined &&
      throughput > iops * limits.maxThroughputPerIops
    ) {
      errors.push({
        code: 'ebs-throughput-iops-ratio',
        key: 'throughput',
        message: `Throughput of ${throughput} MiB/s is too high for ${iops} IOPS; ${
          limits.type
        } allows at most ${
          limits.maxThroughputPerIops
        } MiB/s per provisioned IOPS (raise iops to at least ${Math.ceil(
          throughput / limits.maxThroughputPerIops,
        )})`,
      });
    }
  }
  return { errors, effective: { sizeGiB, iops, throughput } };
}
