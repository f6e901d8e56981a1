import {
  DRIVERS,
  VOLUME_MODES,
  VolumeMode,
  WORKLOADS,
  Workload,
  checkStorageClassParameters,
  isRecommendedFor,
  provisionerOf,
  recommendedStorageTitles,
} from '../../catalogue';
import { STATIC_STORAGE_CLASS, StorageOffering } from '../../model/offering';
import { Finding } from '../findings';
import { driverFinding, finding } from '../rules';
import {
  checkAccessModes,
  checkDriverSize,
  checkQuantity,
  checkVolumeMode,
} from '../shared';
import { ValidationContext } from './context';
import { checkOfferingBounds } from './fields';
import { checkSource } from './source';

const MULTI_WRITER_WORKLOADS: readonly Workload[] = [
  'ci-workspace',
  'shared-files',
];

/**
 * Checks a request for a new claim (operation create or restore): offering,
 * size, access and volume mode, source, workload fit and expiry.
 */
export function checkNewClaim(
  request: Record<string, unknown>,
  offering: StorageOffering | undefined,
  rawOffering: unknown,
  context: ValidationContext,
): Finding[] {
  const findings: Finding[] = [];
  if (!offering) {
    const name = typeof request.offering === 'string' ? request.offering : '';
    findings.push(
      finding(
        'offering-missing',
        'offering',
        rawOffering === undefined
          ? `offering "${name}" is not one of the platform's storage offerings`
          : `offering "${name}" names a driver this catalogue does not know`,
        'Pick one of the offerings listed in the request form.',
      ),
    );
    return findings;
  }
  const driver = offering.driver;
  const rules = DRIVERS[driver];
  const volumeMode: VolumeMode = (VOLUME_MODES as readonly unknown[]).includes(
    request.volumeMode,
  )
    ? (request.volumeMode as VolumeMode)
    : 'Filesystem';

  const size = checkQuantity(request.size, 'size');
  findings.push(...size.findings);
  if (size.bytes !== undefined && size.bytes > 0) {
    findings.push(...checkOfferingBounds(size.bytes, offering));
    findings.push(
      ...checkDriverSize(driver, offering.parameters, size.bytes, 'size'),
    );
  }

  if (request.accessMode === undefined) {
    findings.push(
      finding(
        'missing-field',
        'accessMode',
        'accessMode is required',
        `Pick one of ${offering.accessModes.join(', ')}.`,
      ),
    );
  } else {
    if (
      typeof request.accessMode === 'string' &&
      !offering.accessModes.includes(request.accessMode as never)
    ) {
      findings.push(
        finding(
          'access-mode-not-offered',
          'accessMode',
          `accessMode ${request.accessMode} is not offered by "${
            offering.title
          }"; it allows ${offering.accessModes.join(', ')}`,
          `Use ${offering.accessModes.join(' or ')}, or pick another offering.`,
        ),
      );
    }
    findings.push(
      ...checkAccessModes(
        [request.accessMode],
        'accessMode',
        driver,
        volumeMode,
        offering.parameters,
      ),
    );
  }
  if (!offering.volumeModes.includes(volumeMode)) {
    findings.push(
      finding(
        'volume-mode-not-offered',
        'volumeMode',
        `volumeMode ${volumeMode} is not offered by "${
          offering.title
        }"; it allows ${offering.volumeModes.join(', ')}`,
        `Use ${offering.volumeModes.join(' or ')}.`,
      ),
    );
  }
  findings.push(...checkVolumeMode(volumeMode, 'volumeMode', driver));

  findings.push(...checkSource(request, offering, context));
  findings.push(...checkWorkload(request.workload, offering));
  findings.push(...checkExpiry(request.expiresAt, context.now));

  const dynamic = offering.storageClassName !== STATIC_STORAGE_CLASS;
  if (
    dynamic &&
    rules.dynamicProvisioning &&
    size.bytes !== undefined &&
    size.bytes > 0
  ) {
    const errors = checkStorageClassParameters(
      provisionerOf(driver),
      offering.parameters,
      {
        capacityBytes: size.bytes,
        multiAttach:
          driver === 'ebs' &&
          request.accessMode === 'ReadWriteMany' &&
          volumeMode === 'Block',
      },
    ).filter(error => error.code !== 'ebs-size-out-of-range');
    for (const error of errors) {
      findings.push(
        driverFinding(
          error,
          error.key ? `offering.parameters.${error.key}` : 'size',
          `The StorageClass of "${offering.title}" would be rejected by the driver: ask the platform team to fix the offering, or pick another one.`,
        ),
      );
    }
  }
  return findings;
}

function checkWorkload(
  workload: unknown,
  offering: StorageOffering,
): Finding[] {
  if (!(WORKLOADS as readonly unknown[]).includes(workload)) return [];
  const kind = workload as Workload;
  if (
    isRecommendedFor(offering.driver, kind) ||
    offering.recommendedFor.includes(kind)
  )
    return [];
  const recommended = recommendedStorageTitles(kind).join(' or ');
  if (offering.driver === 'ebs' && MULTI_WRITER_WORKLOADS.includes(kind)) {
    return [
      finding(
        'ebs-for-multi-writer',
        'offering',
        `"${offering.title}" is EBS, which one node at a time can mount; a ${kind} usually has several writers`,
        `Pick an ${recommended} offering with ReadWriteMany.`,
      ),
    ];
  }
  return [
    finding(
      'workload-mismatch',
      'offering',
      `"${offering.title}" (${
        DRIVERS[offering.driver].title
      }) is not what the platform recommends for a ${kind}`,
      `The platform recommends ${recommended} for a ${kind}.`,
    ),
  ];
}

function checkExpiry(
  expiresAt: unknown,
  now: string | Date | undefined,
): Finding[] {
  if (typeof expiresAt !== 'string' || now === undefined) return [];
  const expiry = Date.parse(expiresAt);
  const current = now instanceof Date ? now.getTime() : Date.parse(now);
  if (Number.isNaN(expiry) || Number.isNaN(current) || expiry > current)
    return [];
  return [
    finding(
      'expiry-in-past',
      'expiresAt',
      `expiresAt ${expiresAt} is in the past`,
      'Pick a date in the future, or leave it empty to keep the storage.',
    ),
  ];
}
