/**
 * EBS StorageClass parameters: the keys the driver accepts, how it reads
 * them, and the errors it raises for them at CreateVolume.
 */
import { ParameterError } from '../types';
import {
  ebsVolumeLimits,
  EBS_VOLUME_TYPES,
  isEbsVolumeType,
} from './volumeTypes';

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
