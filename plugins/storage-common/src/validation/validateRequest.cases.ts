import { exampleOffering } from '../model/exampleOfferings';
import { StorageOffering } from '../model/offering';
import { ValidationContext } from './validateRequest';

const create = {
  operation: 'create',
  entityRef: 'component:default/payments',
  cluster: 'prod-eu',
  namespace: 'payments',
  claimName: 'postgres-data',
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce',
  volumeMode: 'Filesystem',
  source: { type: 'new' },
};

/** [name, request, offering id or offering, context] — shared by the table test and the README generator. */
export const REQUEST_CASES: Array<
  [
    string,
    Record<string, unknown> | unknown,
    string | StorageOffering | undefined,
    ValidationContext?,
  ]
> = [
  ['valid EBS request', create, 'ebs-gp3'],
  ['not an object', 'hello', 'ebs-gp3'],
  ['unknown operation', { ...create, operation: 'grow' }, 'ebs-gp3'],
  ['missing entityRef', { ...create, entityRef: undefined }, 'ebs-gp3'],
  ['bad entityRef', { ...create, entityRef: 'component:default/' }, 'ebs-gp3'],
  ['bad claim name', { ...create, claimName: 'Postgres_Data' }, 'ebs-gp3'],
  ['bad namespace', { ...create, namespace: 'Payments.Team' }, 'ebs-gp3'],
  ['unknown offering', { ...create, offering: 'gold' }, undefined],
  ['bad quantity', { ...create, size: '20GB' }, 'ebs-gp3'],
  ['zero size', { ...create, size: '0' }, 'ebs-gp3'],
  [
    'below offering minimum',
    {
      ...create,
      offering: 'fsx-scratch',
      size: '100Gi',
      accessMode: 'ReadWriteMany',
    },
    'fsx-scratch',
  ],
  ['above offering maximum', { ...create, size: '3Ti' }, 'ebs-gp3'],
  ['EBS ReadWriteMany', { ...create, accessMode: 'ReadWriteMany' }, 'ebs-gp3'],
  [
    'EBS ReadOnlyMany on a permissive offering',
    { ...create, accessMode: 'ReadOnlyMany' },
    {
      ...exampleOffering('ebs-gp3'),
      accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
    },
  ],
  [
    'io2 multi-attach on a file system',
    {
      ...create,
      offering: 'ebs-io2',
      size: '100Gi',
      accessMode: 'ReadWriteMany',
    },
    'ebs-io2',
  ],
  [
    'io2 multi-attach on a raw block device',
    {
      ...create,
      offering: 'ebs-io2',
      size: '100Gi',
      accessMode: 'ReadWriteMany',
      volumeMode: 'Block',
    },
    'ebs-io2',
  ],
  [
    'S3 ReadWriteOnce',
    {
      ...create,
      offering: 's3-bucket',
      accessMode: 'ReadWriteOnce',
      source: { type: 'existing', volumeId: 'team-logs' },
    },
    {
      ...exampleOffering('s3-bucket'),
      accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
    },
  ],
  [
    'EFS raw block',
    {
      ...create,
      offering: 'efs-shared',
      accessMode: 'ReadWriteMany',
      volumeMode: 'Block',
      workload: 'ci-workspace',
    },
    { ...exampleOffering('efs-shared'), volumeModes: ['Filesystem', 'Block'] },
  ],
  ['volume mode not offered', { ...create, volumeMode: 'Block' }, 'ebs-gp3'],
  [
    'EBS for a CI workspace',
    { ...create, workload: 'ci-workspace' },
    'ebs-gp3',
  ],
  [
    'EFS for a database',
    {
      ...create,
      offering: 'efs-shared',
      accessMode: 'ReadWriteOnce',
      size: '1Gi',
      workload: 'database',
    },
    'efs-shared',
  ],
  [
    'S3 asked dynamically',
    { ...create, offering: 's3-bucket', accessMode: 'ReadOnlyMany' },
    's3-bucket',
  ],
  [
    'S3 bucket mounted read-only',
    {
      ...create,
      offering: 's3-bucket',
      accessMode: 'ReadOnlyMany',
      source: { type: 'existing', volumeId: 'team-logs' },
      workload: 'logs-backup',
    },
    's3-bucket',
  ],
  [
    'static offering without volume',
    { ...create, source: { type: 'new' } },
    { ...exampleOffering('ebs-gp3'), storageClassName: 'static' },
  ],
  [
    'bad EBS volume id',
    {
      ...create,
      source: { type: 'existing', volumeId: 'vol-xyz', zone: 'eu-west-1a' },
    },
    'ebs-gp3',
  ],
  [
    'static EBS without zone',
    {
      ...create,
      source: { type: 'existing', volumeId: 'vol-0123456789abcdef0' },
    },
    'ebs-gp3',
  ],
  [
    'static FSx without mount name',
    {
      ...create,
      offering: 'fsx-scratch',
      size: '1200Gi',
      accessMode: 'ReadWriteMany',
      source: {
        type: 'existing',
        volumeId: 'fs-0123456789abcdef0',
        dnsName: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
      },
    },
    'fsx-scratch',
  ],
  [
    'EFS capacity',
    {
      ...create,
      offering: 'efs-shared',
      accessMode: 'ReadWriteMany',
      size: '100Gi',
    },
    'efs-shared',
  ],
  [
    'FSx rounding',
    {
      ...create,
      offering: 'fsx-scratch',
      accessMode: 'ReadWriteMany',
      size: '2000Gi',
    },
    'fsx-scratch',
  ],
  [
    'restore on EFS',
    {
      ...create,
      operation: 'restore',
      offering: 'efs-shared',
      accessMode: 'ReadWriteMany',
      size: '1Gi',
      snapshotName: 'nightly',
    },
    'efs-shared',
  ],
  [
    'clone on EFS',
    {
      ...create,
      offering: 'efs-shared',
      accessMode: 'ReadWriteMany',
      size: '1Gi',
      source: { type: 'clone', claimName: 'ci-cache' },
    },
    'efs-shared',
  ],
  [
    'expired',
    { ...create, expiresAt: '2025-01-01T00:00:00Z' },
    'ebs-gp3',
    { now: '2026-01-01T00:00:00Z' },
  ],
  [
    'io1 IOPS below minimum',
    { ...create, size: '10Gi' },
    { ...exampleOffering('ebs-gp3'), parameters: { type: 'io1', iops: '50' } },
  ],
  [
    'gp3 throughput too high for IOPS',
    { ...create, size: '100Gi' },
    {
      ...exampleOffering('ebs-gp3'),
      parameters: { type: 'gp3', throughput: '1000' },
    },
  ],
  [
    'class rejected by the driver',
    { ...create },
    {
      ...exampleOffering('ebs-gp3'),
      parameters: { type: 'gp3', iops: '4000', iopsPerGB: '10' },
    },
  ],
  [
    'resize below current',
    {
      operation: 'resize',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
      size: '10Gi',
    },
    'ebs-gp3',
    { claim: { size: '20Gi', phase: 'Bound' } },
  ],
  [
    'resize to the same size',
    {
      operation: 'resize',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
      size: '20Gi',
    },
    'ebs-gp3',
    { claim: { size: '20Gi', phase: 'Bound' } },
  ],
  [
    'resize EFS',
    {
      operation: 'resize',
      entityRef: 'component:default/ci',
      cluster: 'prod-eu',
      namespace: 'ci',
      claimName: 'workspace',
      size: '20Gi',
    },
    'efs-shared',
    { claim: { size: '1Gi', phase: 'Bound' } },
  ],
  [
    'resize without allowVolumeExpansion',
    {
      operation: 'resize',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
      size: '40Gi',
    },
    undefined,
    {
      claim: { size: '20Gi', phase: 'Bound' },
      storageClass: {
        provisioner: 'ebs.csi.aws.com',
        allowVolumeExpansion: false,
      },
    },
  ],
  [
    'resize a pending claim',
    {
      operation: 'resize',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
      size: '40Gi',
    },
    'ebs-gp3',
    { claim: { size: '20Gi', phase: 'Pending' } },
  ],
  [
    'resize FSx off-step',
    {
      operation: 'resize',
      entityRef: 'component:default/ml',
      cluster: 'prod-eu',
      namespace: 'ml',
      claimName: 'scratch',
      size: '3000Gi',
    },
    'fsx-scratch',
    { claim: { size: '1200Gi', phase: 'Bound' } },
  ],
  [
    'resize FSx SCRATCH_1',
    {
      operation: 'resize',
      entityRef: 'component:default/ml',
      cluster: 'prod-eu',
      namespace: 'ml',
      claimName: 'scratch',
      size: '4800Gi',
    },
    {
      ...exampleOffering('fsx-scratch'),
      parameters: { subnetId: 'subnet-1', deploymentType: 'SCRATCH_1' },
    },
    { claim: { size: '1200Gi', phase: 'Bound' } },
  ],
  [
    'snapshot EFS',
    {
      operation: 'snapshot',
      entityRef: 'component:default/ci',
      cluster: 'prod-eu',
      namespace: 'ci',
      claimName: 'workspace',
      snapshotName: 'before-upgrade',
    },
    'efs-shared',
  ],
  [
    'snapshot a pending EBS claim',
    {
      operation: 'snapshot',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
      snapshotName: 'before-upgrade',
    },
    'ebs-gp3',
    { claim: { phase: 'Pending' } },
  ],
  [
    'delete',
    {
      operation: 'delete',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
    },
    'ebs-gp3',
  ],
  [
    'delete a retained volume',
    {
      operation: 'delete',
      entityRef: 'component:default/payments',
      cluster: 'prod-eu',
      namespace: 'payments',
      claimName: 'postgres-data',
    },
    'ebs-gp3',
    { claim: { reclaimPolicy: 'Retain' } },
  ],
  [
    'schema: long justification',
    { ...create, justification: 'x'.repeat(2001) },
    'ebs-gp3',
  ],
];
