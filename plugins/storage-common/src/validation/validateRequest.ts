import {
  DRIVERS,
  DriverId,
  VOLUME_MODES,
  VolumeMode,
  WORKLOADS,
  Workload,
  checkStorageClassParameters,
  driverForProvisioner,
  fsxLustreExpansionError,
  isRecommendedFor,
  provisionerOf,
  recommendedStorageTitles,
} from '../catalogue';
import {
  STATIC_STORAGE_CLASS,
  StorageOffering,
  offeringCapabilities,
} from '../model/offering';
import { isDns1123Label, parseEntityRef } from '../model/names';
import { storageRequestSchema } from '../model/request';
import { GIB, formatQuantity, parseQuantity } from '../quantity';
import {
  Finding,
  isRecord,
  prop,
  sortFindings,
  stringRecord,
} from './findings';
import { driverFinding, finding } from './rules';
import {
  checkAccessModes,
  checkDriverSize,
  checkName,
  checkQuantity,
  checkVolumeMode,
} from './shared';

/** What the validator knows about the cluster beyond the request. */
export interface ValidationContext {
  /** The existing claim, for resize, snapshot and delete. */
  claim?: {
    /** spec.resources.requests.storage */
    size?: string;
    /** status.capacity.storage */
    capacity?: string;
    phase?: string;
    /** persistentVolumeReclaimPolicy of its PV. */
    reclaimPolicy?: string;
  };
  /** The claim's StorageClass, when the claim did not come from an offering. */
  storageClass?: {
    provisioner?: string;
    allowVolumeExpansion?: boolean;
    parameters?: Record<string, string>;
  };
  /** "Now" for expiry checks (kept out of the function so it stays pure). */
  now?: string | Date;
}

const OPERATIONS = ['create', 'restore', 'resize', 'snapshot', 'delete'];
const MULTI_WRITER_WORKLOADS: readonly Workload[] = [
  'ci-workspace',
  'shared-files',
];

/**
 * Validates a storage request against its offering. Returns findings (errors
 * first); never throws, whatever the input.
 */
export function validateRequest(
  request: unknown,
  offering: StorageOffering | undefined,
  context: ValidationContext = {},
): Finding[] {
  try {
    return sortFindings(
      dedupe(collectFindings(request, offering, context ?? {})),
    );
  } catch (error) {
    // A safety net: the checks are written to be total, so this should never run.
    return [
      finding(
        'request-invalid',
        '',
        `The request could not be validated: ${String(error)}`,
        'Check the request against the schema.',
      ),
    ];
  }
}

function collectFindings(
  request: unknown,
  offering: StorageOffering | undefined,
  context: ValidationContext,
): Finding[] {
  if (!isRecord(request)) {
    return [
      finding(
        'request-invalid',
        '',
        'The request must be an object',
        'Send a JSON object with an "operation" field.',
      ),
    ];
  }
  const operation = request.operation;
  if (typeof operation !== 'string' || !OPERATIONS.includes(operation)) {
    return [
      finding(
        'request-invalid',
        'operation',
        `operation must be one of ${OPERATIONS.join(
          ', ',
        )}, got ${JSON.stringify(operation ?? null)}`,
        'Set operation to create to ask for new storage.',
      ),
    ];
  }
  const findings = checkIdentity(request);
  const validOffering = usableOffering(offering);
  if (operation === 'create' || operation === 'restore') {
    findings.push(...checkNewClaim(request, validOffering, offering, context));
  } else if (operation === 'resize') {
    findings.push(...checkResize(request, validOffering, context));
  } else if (operation === 'snapshot') {
    findings.push(...checkSnapshot(request, validOffering, context));
  } else {
    findings.push(...checkDelete(context));
  }
  findings.push(...schemaFindings(request, findings));
  return findings;
}

/** The offering when it names a driver this catalogue knows. */
function usableOffering(
  offering: StorageOffering | undefined,
): StorageOffering | undefined {
  return isRecord(offering) &&
    typeof offering.driver === 'string' &&
    offering.driver in DRIVERS
    ? {
        ...offering,
        parameters: stringRecord(offering.parameters),
        accessModes: Array.isArray(offering.accessModes)
          ? offering.accessModes
          : [],
        volumeModes: Array.isArray(offering.volumeModes)
          ? offering.volumeModes
          : ['Filesystem'],
        recommendedFor: Array.isArray(offering.recommendedFor)
          ? offering.recommendedFor
          : [],
        size: isRecord(offering.size) ? offering.size : { default: '1Gi' },
      }
    : undefined;
}

function checkIdentity(request: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const { entityRef, cluster, namespace, claimName } = request;
  if (entityRef === undefined) {
    findings.push(
      finding(
        'missing-field',
        'entityRef',
        'entityRef is required: the catalog entity that owns the storage',
        'Set entityRef, e.g. component:default/payments.',
      ),
    );
  } else if (!parseEntityRef(entityRef)) {
    findings.push(
      finding(
        'invalid-entity-ref',
        'entityRef',
        `entityRef "${String(entityRef).slice(
          0,
          80,
        )}" is not an entity reference`,
        'Use kind:namespace/name, e.g. component:default/payments.',
      ),
    );
  }
  if (typeof cluster !== 'string' || cluster === '') {
    findings.push(
      finding(
        'missing-field',
        'cluster',
        'cluster is required: the cluster the claim lives in',
        'Pick one of the configured clusters.',
      ),
    );
  }
  if (namespace === undefined || namespace === '') {
    findings.push(
      finding(
        'missing-field',
        'namespace',
        'namespace is required',
        "Set namespace to the component's namespace.",
      ),
    );
  } else if (!isDns1123Label(namespace)) {
    findings.push(
      finding(
        'invalid-namespace',
        'namespace',
        `namespace "${String(namespace).slice(
          0,
          80,
        )}" is not a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters)`,
        'Use an existing namespace name such as "payments".',
      ),
    );
  }
  findings.push(...checkName(claimName, 'claimName', 'PersistentVolumeClaim'));
  return findings;
}

function checkNewClaim(
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

  findings.push(...checkSource(request, offering));
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

function checkOfferingBounds(
  bytes: number,
  offering: StorageOffering,
): Finding[] {
  const min = parseQuantity(offering.size.min);
  const max = parseQuantity(offering.size.max);
  if (min !== undefined && bytes < min) {
    return [
      finding(
        'size-below-minimum',
        'size',
        `size ${formatQuantity(bytes)} is below the minimum of "${
          offering.title
        }" (${offering.size.min})`,
        `Ask for at least ${offering.size.min}.`,
      ),
    ];
  }
  if (max !== undefined && bytes > max) {
    return [
      finding(
        'size-above-maximum',
        'size',
        `size ${formatQuantity(bytes)} is above the maximum of "${
          offering.title
        }" (${offering.size.max})`,
        `Ask for at most ${offering.size.max}, or talk to the platform team about a larger offering.`,
      ),
    ];
  }
  return [];
}

function checkSource(
  request: Record<string, unknown>,
  offering: StorageOffering,
): Finding[] {
  const driver = offering.driver;
  const rules = DRIVERS[driver];
  const source =
    request.operation === 'restore'
      ? { type: 'snapshot', snapshotName: request.snapshotName }
      : request.source ?? { type: 'new' };
  const type = prop(source, 'type');
  const field = request.operation === 'restore' ? 'snapshotName' : 'source';
  const isStatic = offering.storageClassName === STATIC_STORAGE_CLASS;

  if (driver === 's3' && type !== 'existing') {
    return [
      finding(
        's3-dynamic',
        field,
        'Mountpoint for S3 cannot create buckets: it supports static provisioning only, so this claim would stay Pending',
        'Choose "existing volume" and give the bucket name: a PersistentVolume and a PVC with storageClassName "" are rendered for it.',
      ),
    ];
  }
  if (isStatic && type !== 'existing') {
    return [
      finding(
        'static-needs-existing-volume',
        field,
        `"${offering.title}" binds pre-existing volumes only; source must be an existing volume`,
        `Set source to {type: existing, volumeId: ${rules.volumeHandleExample}}.`,
      ),
    ];
  }
  switch (type) {
    case 'snapshot': {
      const findings = checkName(
        request.operation === 'restore'
          ? request.snapshotName
          : prop(source, 'snapshotName'),
        request.operation === 'restore'
          ? 'snapshotName'
          : 'source.snapshotName',
        'VolumeSnapshot',
      );
      if (!rules.snapshots) {
        findings.push(
          finding(
            'restore-not-supported',
            field,
            `${rules.title} has no snapshots, so a claim cannot be restored from one`,
            'Restore with the backup tool of the file system (e.g. AWS Backup), or choose a new volume.',
          ),
        );
      }
      return findings;
    }
    case 'clone': {
      const findings = checkName(
        prop(source, 'claimName'),
        'source.claimName',
        'PersistentVolumeClaim',
      );
      if (!rules.clones || isStatic) {
        findings.push(
          finding(
            'clone-not-supported',
            'source',
            `${rules.title} cannot clone a claim${
              isStatic ? ' through a static offering' : ''
            }`,
            'Copy the data with a Job, or choose a new volume.',
          ),
        );
      }
      return findings;
    }
    case 'existing':
      return checkExistingVolume(source, driver);
    default:
      return [];
  }
}

function checkExistingVolume(source: unknown, driver: DriverId): Finding[] {
  const rules = DRIVERS[driver];
  const volumeId = prop(source, 'volumeId');
  if (typeof volumeId !== 'string' || volumeId === '') {
    return [
      finding(
        'missing-field',
        'source.volumeId',
        'source.volumeId is required for an existing volume',
        `Give the volume ID, e.g. ${rules.volumeHandleExample}.`,
      ),
    ];
  }
  const findings: Finding[] = [];
  if (!rules.volumeHandlePattern.test(volumeId)) {
    findings.push(
      finding(
        'invalid-volume-id',
        'source.volumeId',
        `source.volumeId "${volumeId.slice(0, 80)}" is not a valid ${
          rules.title
        } ${driver === 's3' ? 'bucket name' : 'volume ID'}`,
        `Use the form ${rules.volumeHandleExample}.`,
      ),
    );
  }
  if (
    driver === 'fsx-lustre' &&
    (!prop(source, 'dnsName') || !prop(source, 'mountName'))
  ) {
    findings.push(
      finding(
        'fsx-missing-mount-attributes',
        'source',
        'A static FSx for Lustre volume needs source.dnsName and source.mountName',
        'Copy DNSName and LustreConfiguration.MountName from `aws fsx describe-file-systems`.',
      ),
    );
  }
  if (driver === 'ebs' && !prop(source, 'zone')) {
    findings.push(
      finding(
        'ebs-static-without-zone',
        'source.zone',
        'source.zone is not set: without it pods may be scheduled in another AZ than the EBS volume ("volume node affinity conflict")',
        "Set source.zone to the volume's Availability Zone, e.g. us-east-1a.",
      ),
    );
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

/** The driver of an existing claim: from its offering, else from its StorageClass. */
function claimDriver(
  offering: StorageOffering | undefined,
  context: ValidationContext,
): DriverId | undefined {
  return (
    offering?.driver ??
    driverForProvisioner(context.storageClass?.provisioner ?? '')
  );
}

function checkResize(
  request: Record<string, unknown>,
  offering: StorageOffering | undefined,
  context: ValidationContext,
): Finding[] {
  const size = checkQuantity(request.size, 'size');
  const findings = [...size.findings];
  const driver = claimDriver(offering, context);
  const title = driver ? DRIVERS[driver].title : 'This storage';

  if (context.claim?.phase && context.claim.phase !== 'Bound') {
    findings.push(
      finding(
        'resize-claim-not-bound',
        'claimName',
        `persistentvolumeclaims "${String(
          request.claimName,
        )}" is forbidden: Only bound persistent volume claims can be expanded (it is ${
          context.claim.phase
        })`,
        'Wait until the claim is Bound, then resize.',
      ),
    );
  }
  const expandable =
    (driver ? DRIVERS[driver].expansion : true) &&
    (offering ? offeringCapabilities(offering).expansion : true) &&
    context.storageClass?.allowVolumeExpansion !== false;
  if (!expandable) {
    findings.push(
      finding(
        'resize-not-supported',
        'size',
        driver && !DRIVERS[driver].expansion
          ? `${title} volumes cannot be expanded${
              driver === 'efs' || driver === 's3'
                ? ' (and need not be: they grow as you write)'
                : ''
            }`
          : 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
        driver === 'efs' || driver === 's3'
          ? 'Nothing to do: write more data; you are billed by use.'
          : 'Create a larger claim and copy the data, or ask the platform team to set allowVolumeExpansion: true on the StorageClass.',
      ),
    );
  }
  if (size.bytes === undefined || size.bytes <= 0) return findings;

  const current = parseQuantity(context.claim?.size ?? context.claim?.capacity);
  if (current !== undefined && size.bytes < current) {
    findings.push(
      finding(
        'resize-below-current',
        'size',
        `spec.resources.requests.storage: Forbidden: field can not be less than previous value (${formatQuantity(
          current,
        )}); asked for ${formatQuantity(size.bytes)}`,
        `Volumes cannot shrink: ask for ${formatQuantity(
          current,
        )} or more, or create a smaller claim and copy the data.`,
      ),
    );
  } else if (current !== undefined && size.bytes === current) {
    findings.push(
      finding(
        'resize-no-change',
        'size',
        `size ${formatQuantity(
          size.bytes,
        )} is the current size; nothing would change`,
        'Ask for a larger size.',
      ),
    );
  }
  if (offering) findings.push(...checkOfferingBounds(size.bytes, offering));
  const parameters =
    offering?.parameters ?? stringRecord(context.storageClass?.parameters);
  if (driver === 'fsx-lustre' && expandable) {
    const problem = fsxLustreExpansionError(
      parameters.deploymentType ?? 'SCRATCH_1',
      size.bytes / GIB,
      parameters.storageType,
      Number(parameters.perUnitStorageThroughput) || undefined,
    );
    if (problem) {
      const fix = problem.includes('ask for')
        ? `${problem.slice(problem.indexOf('ask for')).replace(/^a/, 'A')}.`
        : 'Create a new file system of the size you need and copy the data.';
      findings.push(finding('fsx-resize-step', 'size', problem, fix));
    }
  }
  if (driver === 'ebs') {
    findings.push(...checkDriverSize('ebs', parameters, size.bytes, 'size'));
  }
  return findings;
}

function checkSnapshot(
  request: Record<string, unknown>,
  offering: StorageOffering | undefined,
  context: ValidationContext,
): Finding[] {
  const findings = checkName(
    request.snapshotName,
    'snapshotName',
    'VolumeSnapshot',
  );
  const driver = claimDriver(offering, context);
  if (driver && !DRIVERS[driver].snapshots) {
    findings.push(
      finding(
        'snapshot-not-supported',
        'claimName',
        `${DRIVERS[driver].title} cannot take VolumeSnapshots`,
        driver === 'efs'
          ? 'Use AWS Backup for EFS, or copy the data to S3.'
          : 'Back the data up with the service’s own backups, or copy it to S3.',
      ),
    );
  }
  if (context.claim?.phase && context.claim.phase !== 'Bound') {
    findings.push(
      finding(
        'snapshot-claim-not-bound',
        'claimName',
        `Claim ${String(request.claimName)} is ${
          context.claim.phase
        }: the snapshot waits until it is Bound`,
        'Snapshot a Bound claim.',
      ),
    );
  }
  return findings;
}

function checkDelete(context: ValidationContext): Finding[] {
  if (context.claim?.reclaimPolicy === 'Retain') {
    return [
      finding(
        'retain-leaves-volume',
        'claimName',
        'The volume has reclaimPolicy Retain: deleting the claim leaves the volume behind (Released), still billed',
        'Delete the PersistentVolume and the cloud volume too once the data is no longer needed.',
      ),
    ];
  }
  return [
    finding(
      'delete-is-permanent',
      'claimName',
      'Deleting the claim deletes the volume and all its data (reclaimPolicy Delete)',
      'Take a snapshot first if you may need the data again.',
    ),
  ];
}

/** Schema problems that the specific rules above did not already report. */
function schemaFindings(
  request: Record<string, unknown>,
  already: Finding[],
): Finding[] {
  const result = storageRequestSchema.safeParse(request);
  if (result.success) return [];
  const reported = new Set(already.map(f => f.field));
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (
      [...reported].some(
        done =>
          done === field ||
          field.startsWith(`${done}.`) ||
          done.startsWith(`${field}.`),
      ) ||
      (field === 'snapshotName' && reported.has('source'))
    )
      continue;
    reported.add(field);
    findings.push(
      finding(
        'invalid-field',
        field,
        `${field || 'request'}: ${issue.message}`,
        'Correct the field as the message says.',
      ),
    );
  }
  return findings;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter(f => {
    const key = `${f.code}|${f.field}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
