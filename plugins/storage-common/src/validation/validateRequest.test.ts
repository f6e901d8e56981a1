import fc from 'fast-check';
import { exampleOffering, EXAMPLE_OFFERINGS } from '../model/exampleOfferings';
import { storageRequestSchema } from '../model/request';
import { validateRequest } from './validateRequest';
import { REQUEST_CASES } from './validateRequest.cases';

/** Each case's findings as "severity code field: message". */
const EXPECTED: Record<string, string[]> = Object.fromEntries([
  ['valid EBS request', []],
  ['not an object', ['error request-invalid : The request must be an object']],
  [
    'unknown operation',
    [
      'error request-invalid operation: operation must be one of create, restore, resize, snapshot, delete, got "grow"',
    ],
  ],
  [
    'missing entityRef',
    [
      'error missing-field entityRef: entityRef is required: the catalog entity that owns the storage',
    ],
  ],
  [
    'bad entityRef',
    [
      'error invalid-entity-ref entityRef: entityRef "component:default/" is not an entity reference',
    ],
  ],
  [
    'bad claim name',
    [
      "error invalid-name claimName: claimName \"Postgres_Data\" is not a valid PersistentVolumeClaim name: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
    ],
  ],
  [
    'bad namespace',
    [
      'error invalid-namespace namespace: namespace "Payments.Team" is not a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters)',
    ],
  ],
  [
    'unknown offering',
    [
      'error offering-missing offering: offering "gold" is not one of the platform\'s storage offerings',
    ],
  ],
  [
    'bad quantity',
    ['error invalid-quantity size: size "20GB" is not a Kubernetes quantity'],
  ],
  [
    'zero size',
    ['error size-not-positive size: size must be greater than zero, got 0'],
  ],
  [
    'below offering minimum',
    [
      'error size-below-minimum size: size 100Gi is below the minimum of "High-throughput scratch (FSx for Lustre SCRATCH_2)" (1200Gi)',
      'info fsx-size-rounded size: FSx for Lustre will create 1200 GiB (1200Gi), not 100Gi: it rounds up to its capacity steps, and you pay for 1200 GiB',
    ],
  ],
  [
    'above offering maximum',
    [
      'error size-above-maximum size: size 3Ti is above the maximum of "Block storage (EBS gp3)" (2Ti)',
    ],
  ],
  [
    'EBS ReadWriteMany',
    [
      'error access-mode-not-offered accessMode: accessMode ReadWriteMany is not offered by "Block storage (EBS gp3)"; it allows ReadWriteOnce, ReadWriteOncePod',
      'error access-mode-unsupported accessMode: accessMode: Amazon EBS cannot serve ReadWriteMany with volumeMode Filesystem; it supports ReadWriteOnce, ReadWriteOncePod',
    ],
  ],
  [
    'EBS ReadOnlyMany on a permissive offering',
    [
      'error access-mode-unsupported accessMode: accessMode: Amazon EBS cannot serve ReadOnlyMany with volumeMode Filesystem; it supports ReadWriteOnce, ReadWriteOncePod',
    ],
  ],
  [
    'io2 multi-attach on a file system',
    [
      'error access-mode-unsupported accessMode: accessMode: Amazon EBS cannot serve ReadWriteMany with volumeMode Filesystem; it supports ReadWriteOnce, ReadWriteOncePod',
    ],
  ],
  ['io2 multi-attach on a raw block device', []],
  [
    'S3 ReadWriteOnce',
    [
      'error access-mode-unsupported accessMode: accessMode: Mountpoint for Amazon S3 cannot serve ReadWriteOnce with volumeMode Filesystem; it supports ReadWriteMany, ReadOnlyMany',
      'info s3-capacity-ignored size: Mountpoint for S3 ignores size (20Gi): Kubernetes requires it, but the bucket is billed by the data stored',
    ],
  ],
  [
    'EFS raw block',
    [
      'error volume-mode-unsupported volumeMode: volumeMode: Amazon EFS has no raw block volumes',
      'warning efs-capacity-ignored size: EFS ignores size (20Gi): the file system grows as you write and is billed by the data stored, not by this size',
    ],
  ],
  [
    'volume mode not offered',
    [
      'error volume-mode-not-offered volumeMode: volumeMode Block is not offered by "Block storage (EBS gp3)"; it allows Filesystem',
    ],
  ],
  [
    'EBS for a CI workspace',
    [
      'warning ebs-for-multi-writer offering: "Block storage (EBS gp3)" is EBS, which one node at a time can mount; a ci-workspace usually has several writers',
    ],
  ],
  [
    'EFS for a database',
    [
      'warning efs-capacity-ignored size: EFS ignores size (1Gi): the file system grows as you write and is billed by the data stored, not by this size',
      'warning workload-mismatch offering: "Shared file system (EFS)" (Amazon EFS) is not what the platform recommends for a database',
    ],
  ],
  [
    'S3 asked dynamically',
    [
      'error s3-dynamic source: Mountpoint for S3 cannot create buckets: it supports static provisioning only, so this claim would stay Pending',
      'info s3-capacity-ignored size: Mountpoint for S3 ignores size (20Gi): Kubernetes requires it, but the bucket is billed by the data stored',
    ],
  ],
  [
    'S3 bucket mounted read-only',
    [
      'info s3-capacity-ignored size: Mountpoint for S3 ignores size (20Gi): Kubernetes requires it, but the bucket is billed by the data stored',
    ],
  ],
  [
    'static offering without volume',
    [
      'error static-needs-existing-volume source: "Block storage (EBS gp3)" binds pre-existing volumes only; source must be an existing volume',
    ],
  ],
  [
    'bad EBS volume id',
    [
      'error invalid-volume-id source.volumeId: source.volumeId "vol-xyz" is not a valid Amazon EBS volume ID',
    ],
  ],
  [
    'static EBS without zone',
    [
      'warning ebs-static-without-zone source.zone: source.zone is not set: without it pods may be scheduled in another AZ than the EBS volume ("volume node affinity conflict")',
    ],
  ],
  [
    'static FSx without mount name',
    [
      'error fsx-missing-mount-attributes source: A static FSx for Lustre volume needs source.dnsName and source.mountName',
    ],
  ],
  [
    'EFS capacity',
    [
      'warning efs-capacity-ignored size: EFS ignores size (100Gi): the file system grows as you write and is billed by the data stored, not by this size',
    ],
  ],
  [
    'FSx rounding',
    [
      'info fsx-size-rounded size: FSx for Lustre will create 2400 GiB (2400Gi), not 2000Gi: it rounds up to its capacity steps, and you pay for 2400 GiB',
    ],
  ],
  [
    'restore on EFS',
    [
      'error restore-not-supported snapshotName: Amazon EFS has no snapshots, so a claim cannot be restored from one',
      'warning efs-capacity-ignored size: EFS ignores size (1Gi): the file system grows as you write and is billed by the data stored, not by this size',
    ],
  ],
  [
    'clone on EFS',
    [
      'error clone-not-supported source: Amazon EFS cannot clone a claim',
      'warning efs-capacity-ignored size: EFS ignores size (1Gi): the file system grows as you write and is billed by the data stored, not by this size',
    ],
  ],
  [
    'expired',
    [
      'error expiry-in-past expiresAt: expiresAt 2025-01-01T00:00:00Z is in the past',
    ],
  ],
  [
    'io1 IOPS below minimum',
    [
      'error ebs-iops-too-low offering.parameters.iops: invalid combination of volume size 10 GiB and IOPS 50: the IOPS is too low for io1, it must be at least 100 (or set allowAutoIOPSPerGBIncrease: "true")',
    ],
  ],
  [
    'gp3 throughput too high for IOPS',
    [
      'error ebs-throughput-iops-ratio offering.parameters.throughput: Throughput of 1000 MiB/s is too high for 3000 IOPS; gp3 allows at most 0.25 MiB/s per provisioned IOPS (raise iops to at least 4000)',
    ],
  ],
  [
    'class rejected by the driver',
    [
      'error ebs-iops-and-iops-per-gb offering.parameters.iops: invalid StorageClass parameters; specify either IOPS or IOPSPerGb, not both',
    ],
  ],
  [
    'resize below current',
    [
      'error resize-below-current size: spec.resources.requests.storage: Forbidden: field can not be less than previous value (20Gi); asked for 10Gi',
    ],
  ],
  [
    'resize to the same size',
    [
      'info resize-no-change size: size 20Gi is the current size; nothing would change',
    ],
  ],
  [
    'resize EFS',
    [
      'error resize-not-supported size: Amazon EFS volumes cannot be expanded (and need not be: they grow as you write)',
    ],
  ],
  [
    'resize without allowVolumeExpansion',
    [
      'error resize-not-supported size: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    ],
  ],
  [
    'resize a pending claim',
    [
      'error resize-claim-not-bound claimName: persistentvolumeclaims "postgres-data" is forbidden: Only bound persistent volume claims can be expanded (it is Pending)',
    ],
  ],
  [
    'resize FSx off-step',
    [
      'error fsx-resize-step size: The new storage capacity must be a multiple of 2400 GiB; ask for 4800 GiB',
    ],
  ],
  [
    'resize FSx SCRATCH_1',
    [
      'error fsx-resize-step size: SCRATCH_1 file systems cannot be expanded; use SCRATCH_2, PERSISTENT_1 or PERSISTENT_2 to grow later',
    ],
  ],
  [
    'snapshot EFS',
    [
      'error snapshot-not-supported claimName: Amazon EFS cannot take VolumeSnapshots',
    ],
  ],
  [
    'snapshot a pending EBS claim',
    [
      'warning snapshot-claim-not-bound claimName: Claim postgres-data is Pending: the snapshot waits until it is Bound',
    ],
  ],
  [
    'delete',
    [
      'warning delete-is-permanent claimName: Deleting the claim deletes the volume and all its data (reclaimPolicy Delete)',
    ],
  ],
  [
    'delete a retained volume',
    [
      'info retain-leaves-volume claimName: The volume has reclaimPolicy Retain: deleting the claim leaves the volume behind (Released), still billed',
    ],
  ],
  [
    'schema: long justification',
    [
      'error invalid-field justification: justification: Too big: expected string to have <=2000 characters',
    ],
  ],
] as Array<[string, string[]]>);

describe('validateRequest', () => {
  const cases = REQUEST_CASES.map(([name, request, offering, context]) => ({
    name,
    request,
    offering,
    context,
  }));
  it.each(cases)('$name', ({ name, request, offering, context }) => {
    const findings = validateRequest(
      request,
      typeof offering === 'string' ? exampleOffering(offering) : offering,
      context,
    );
    expect(
      findings.map(f => `${f.severity} ${f.code} ${f.field}: ${f.message}`),
    ).toEqual(EXPECTED[name]);
    for (const finding of findings) {
      expect(finding.fix.length).toBeGreaterThan(5);
    }
  });

  it('never throws, whatever the input', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.anything(),
          fc.constantFrom(undefined, ...EXAMPLE_OFFERINGS),
          (request, offering) =>
            Array.isArray(validateRequest(request, offering)),
        ),
        { numRuns: 500 },
      ),
    ).not.toThrow();
  });

  it('never throws on request-shaped garbage', () => {
    const requestLike = fc.record(
      {
        operation: fc.constantFrom(
          'create',
          'restore',
          'resize',
          'snapshot',
          'delete',
          'x',
        ),
        entityRef: fc.oneof(fc.string(), fc.constant('component:default/a')),
        cluster: fc.string(),
        namespace: fc.string(),
        claimName: fc.string(),
        size: fc.oneof(
          fc.string(),
          fc.constantFrom('10Gi', '-1Gi', '1e400'),
          fc.integer(),
        ),
        accessMode: fc.oneof(
          fc.string(),
          fc.constantFrom('ReadWriteOnce', 'ReadWriteMany'),
        ),
        volumeMode: fc.constantFrom('Filesystem', 'Block', 7),
        source: fc.anything(),
        workload: fc.anything(),
        expiresAt: fc.anything(),
        snapshotName: fc.anything(),
      },
      { requiredKeys: [] },
    );
    expect(() =>
      fc.assert(
        fc.property(
          requestLike,
          fc.constantFrom(...EXAMPLE_OFFERINGS),
          fc.anything(),
          (request, offering, context) =>
            Array.isArray(validateRequest(request, offering, context as never)),
        ),
        { numRuns: 1000 },
      ),
    ).not.toThrow();
  });

  it('fills schema defaults and accepts the parsed request', () => {
    const parsed = storageRequestSchema.parse({
      operation: 'create',
      entityRef: 'component:default/payments',
      cluster: 'prod',
      namespace: 'payments',
      claimName: 'data',
      offering: 'ebs-gp3',
      size: '20Gi',
      accessMode: 'ReadWriteOnce',
    });
    expect(parsed).toMatchObject({
      volumeMode: 'Filesystem',
      source: { type: 'new' },
    });
    expect(validateRequest(parsed, exampleOffering('ebs-gp3'))).toEqual([]);
  });
});
