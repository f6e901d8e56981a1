import {
  ACCESS_MODES,
  AccessMode,
  DRIVERS,
  DriverId,
  VolumeMode,
  checkEbsVolume,
  roundFsxLustreCapacityGiB,
  supportedAccessModes,
  ONTAP_MIN_SIZE_BYTES,
} from '../catalogue';
import {
  dns1123SubdomainProblem,
  isDns1123Subdomain,
  toDns1123Subdomain,
} from '../model/names';
import { GIB, formatQuantity, parseQuantity } from '../quantity';
import { Finding } from './findings';
import { driverFinding, finding } from './rules';

/** Checks a DNS-1123 subdomain name (PVC, PV, snapshot, class). */
export function checkName(
  value: unknown,
  field: string,
  what: string,
): Finding[] {
  if (typeof value !== 'string' || value === '') {
    return [
      finding(
        'missing-field',
        field,
        `${field} is required: give the ${what} a name`,
        `Set ${field}, e.g. "data".`,
      ),
    ];
  }
  if (isDns1123Subdomain(value)) return [];
  return [
    finding(
      'invalid-name',
      field,
      `${field} "${value.slice(
        0,
        80,
      )}" is not a valid ${what} name: ${dns1123SubdomainProblem(value)}`,
      `Use "${toDns1123Subdomain(value)}".`,
    ),
  ];
}

/** Parses a size field; reports bad syntax and non-positive sizes. */
export function checkQuantity(
  value: unknown,
  field: string,
): { bytes?: number; findings: Finding[] } {
  const bytes = parseQuantity(value);
  if (bytes === undefined) {
    return {
      findings: [
        finding(
          'invalid-quantity',
          field,
          `${field} "${String(value).slice(
            0,
            40,
          )}" is not a Kubernetes quantity`,
          'Write the size as a number with a unit, e.g. 10Gi, 500Mi or 1.5Ti (Gi = 2^30 bytes, G = 10^9 bytes).',
        ),
      ],
    };
  }
  if (bytes <= 0) {
    return {
      bytes,
      findings: [
        finding(
          'size-not-positive',
          field,
          `${field} must be greater than zero, got ${value}`,
          'Ask for at least 1Gi.',
        ),
      ],
    };
  }
  return { bytes, findings: [] };
}

const UNSUPPORTED_MODE_FIX: Partial<
  Record<DriverId, Partial<Record<AccessMode, string>>>
> = {
  ebs: {
    ReadWriteMany:
      'An EBS volume attaches to one node at a time. For several writers pick an EFS offering (ReadWriteMany); io2 multi-attach needs volumeMode Block and a cluster-aware application.',
    ReadOnlyMany:
      'EBS does not support ReadOnlyMany. Use ReadWriteOnce, or EFS or S3 to share read-only data.',
  },
  s3: {
    ReadWriteOnce:
      'Mountpoint for S3 mounts ReadWriteMany or ReadOnlyMany; use ReadOnlyMany for read-only data.',
    ReadWriteOncePod:
      'Mountpoint for S3 mounts ReadWriteMany or ReadOnlyMany; use ReadOnlyMany for read-only data.',
  },
};

/** Access modes: known values, RWOP alone, and what the driver can serve. */
export function checkAccessModes(
  modes: readonly unknown[],
  field: string,
  driver: DriverId | undefined,
  volumeMode: VolumeMode,
  parameters: Record<string, string>,
): Finding[] {
  const findings: Finding[] = [];
  const known = modes.filter((mode): mode is AccessMode => {
    if ((ACCESS_MODES as readonly unknown[]).includes(mode)) return true;
    findings.push(
      finding(
        'invalid-access-mode',
        field,
        `${field}: "${String(mode)}" is not an access mode`,
        `Use one of ${ACCESS_MODES.join(', ')}.`,
      ),
    );
    return false;
  });
  if (known.includes('ReadWriteOncePod') && new Set(known).size > 1) {
    findings.push(
      finding(
        'rwop-mixed',
        field,
        `${field}: may not use ReadWriteOncePod with other access modes`,
        'Keep ReadWriteOncePod alone, or drop it.',
      ),
    );
  }
  if (!driver) return findings;
  const supported = supportedAccessModes(driver, volumeMode, parameters);
  // A driver without raw block volumes is reported once, by checkVolumeMode.
  if (supported.length === 0) return findings;
  for (const mode of new Set(known)) {
    if (supported.includes(mode)) continue;
    const rules = DRIVERS[driver];
    findings.push(
      finding(
        'access-mode-unsupported',
        field,
        `${field}: ${
          rules.title
        } cannot serve ${mode} with volumeMode ${volumeMode}; it supports ${supported.join(
          ', ',
        )}`,
        UNSUPPORTED_MODE_FIX[driver]?.[mode] ??
          `Use ${supported.join(' or ')}.`,
      ),
    );
  }
  return findings;
}

/** Whether a driver has raw block volumes at all. */
export function driverHasBlock(driver: DriverId): boolean {
  return DRIVERS[driver].accessModes.Block.length > 0;
}

export function checkVolumeMode(
  volumeMode: VolumeMode,
  field: string,
  driver: DriverId,
): Finding[] {
  if (volumeMode !== 'Block' || driverHasBlock(driver)) return [];
  return [
    finding(
      'volume-mode-unsupported',
      field,
      `${field}: ${DRIVERS[driver].title} has no raw block volumes`,
      'Use volumeMode Filesystem, or an EBS offering for a raw block device.',
    ),
  ];
}

/**
 * Size rules that depend on the driver: EBS type bounds, ONTAP minimum, FSx
 * rounding, EFS and S3 ignoring the size.
 */
export function checkDriverSize(
  driver: DriverId,
  parameters: Record<string, string>,
  bytes: number,
  field: string,
): Finding[] {
  const gib = bytes / GIB;
  switch (driver) {
    case 'ebs': {
      const { errors } = checkEbsVolume(parameters, bytes);
      return errors
        .filter(error => error.code === 'ebs-size-out-of-range')
        .map(error =>
          driverFinding(
            error,
            field,
            'Pick a size inside the bounds of the volume type, or another offering.',
          ),
        );
    }
    case 'ontap':
      return bytes < ONTAP_MIN_SIZE_BYTES
        ? [
            driverFinding(
              {
                code: 'ontap-size-too-small',
                message: `${field} ${formatQuantity(
                  bytes,
                )} is below the ONTAP minimum volume size of 20 MiB`,
              },
              field,
              'Ask for at least 20Mi.',
            ),
          ]
        : [];
    case 'fsx-lustre': {
      const rounded = roundFsxLustreCapacityGiB(
        gib,
        parameters.deploymentType,
        parameters.storageType,
        parameters.perUnitStorageThroughput
          ? Number(parameters.perUnitStorageThroughput)
          : undefined,
      );
      if (rounded === gib) return [];
      return [
        finding(
          'fsx-size-rounded',
          field,
          `FSx for Lustre will create ${rounded} GiB (${formatQuantity(
            rounded * GIB,
          )}), not ${formatQuantity(
            bytes,
          )}: it rounds up to its capacity steps, and you pay for ${rounded} GiB`,
          `Ask for ${formatQuantity(rounded * GIB)} to make the size explicit.`,
        ),
      ];
    }
    case 'efs':
      return [
        finding(
          'efs-capacity-ignored',
          field,
          `EFS ignores ${field} (${formatQuantity(
            bytes,
          )}): the file system grows as you write and is billed by the data stored, not by this size`,
          'Keep any size (1Gi is customary); watch the EFS usage metrics for cost.',
        ),
      ];
    case 's3':
      return [
        finding(
          's3-capacity-ignored',
          field,
          `Mountpoint for S3 ignores ${field} (${formatQuantity(
            bytes,
          )}): Kubernetes requires it, but the bucket is billed by the data stored`,
          'Keep any size; watch the bucket metrics for cost.',
        ),
      ];
    default:
      return [];
  }
}
