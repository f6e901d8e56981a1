import fc from 'fast-check';
import { validateManifest, manifestContextOf } from './validateManifest';

const pvc = (spec: Record<string, unknown>, name = 'data') => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'payments' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    storageClassName: 'gp3',
    resources: { requests: { storage: '10Gi' } },
    ...spec,
  },
});

const storageClass = (
  provisioner: string,
  parameters: Record<string, string>,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'sc' },
  provisioner,
  parameters,
  volumeBindingMode: 'WaitForFirstConsumer',
  ...extra,
});

const context = manifestContextOf([
  {
    ...storageClass('ebs.csi.aws.com', { type: 'gp3' }),
    metadata: { name: 'gp3' },
  },
  { ...storageClass('efs.csi.aws.com', {}), metadata: { name: 'efs-sc' } },
  {
    ...storageClass('fsx.csi.aws.com', { deploymentType: 'SCRATCH_2' }),
    metadata: { name: 'fsx' },
  },
  pvc({ accessModes: ['ReadWriteMany'], storageClassName: 'efs-sc' }, 'shared'),
]);

const CASES: Array<[string, unknown, string[]]> = [
  ['valid PVC', pvc({}), []],
  [
    'not an object',
    'just text',
    [
      'error not-an-object kind: The document is not a Kubernetes object (no kind)',
    ],
  ],
  ['other kinds are ignored', { kind: 'Service', metadata: { name: 'x' } }, []],
  [
    'StorageClass breaking a per-type EBS limit whatever the claim size',
    storageClass('ebs.csi.aws.com', { type: 'io1', iops: '50' }),
    [
      'error ebs-iops-too-low parameters.iops: IOPS 50 is too low for io1 at any size: it must be at least 100 (or set allowAutoIOPSPerGBIncrease: "true")',
    ],
  ],
  [
    'StorageClass asking for more than EBS gives',
    storageClass('ebs.csi.aws.com', { type: 'io2', iops: '300000' }),
    [
      'warning ebs-iops-above-maximum parameters.iops: IOPS 300,000 is above the io2 maximum of 256,000: EBS caps it silently, so volumes get at most 256,000',
    ],
  ],
  [
    'PVC bad name',
    { ...pvc({}), metadata: { name: 'Data_1' } },
    [
      "error invalid-name metadata.name: metadata.name \"Data_1\" is not a valid PersistentVolumeClaim name: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
    ],
  ],
  [
    'PVC without access modes',
    pvc({ accessModes: [] }),
    [
      'error missing-access-modes spec.accessModes: spec.accessModes: Required value: at least 1 access mode is required',
    ],
  ],
  [
    'PVC mixing ReadWriteOncePod',
    pvc({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'] }),
    [
      'error rwop-mixed spec.accessModes: spec.accessModes: may not use ReadWriteOncePod with other access modes',
    ],
  ],
  [
    'PVC unknown access mode',
    pvc({ accessModes: ['ReadWriteAll'] }),
    [
      'error invalid-access-mode spec.accessModes: spec.accessModes: "ReadWriteAll" is not an access mode',
    ],
  ],
  [
    'PVC EBS ReadWriteMany',
    pvc({ accessModes: ['ReadWriteMany'] }),
    [
      'error access-mode-unsupported spec.accessModes: spec.accessModes: Amazon EBS cannot serve ReadWriteMany with volumeMode Filesystem; it supports ReadWriteOnce, ReadWriteOncePod',
    ],
  ],
  [
    'PVC without size',
    pvc({ resources: {} }),
    [
      'error missing-storage-request spec.resources.requests.storage: spec.resources[storage]: Required value',
    ],
  ],
  [
    'PVC bad size',
    pvc({ resources: { requests: { storage: '10 GB' } } }),
    [
      'error invalid-quantity spec.resources.requests.storage: spec.resources.requests.storage "10 GB" is not a Kubernetes quantity',
    ],
  ],
  [
    'PVC of a class the linter does not know gets no driver rules',
    pvc({
      storageClassName: 'unknown',
      resources: { requests: { storage: '1Gi' } },
    }),
    [],
  ],
  [
    'PVC on EFS warns about capacity',
    pvc({ accessModes: ['ReadWriteMany'], storageClassName: 'efs-sc' }),
    [
      'warning efs-capacity-ignored spec.resources.requests.storage: EFS ignores spec.resources.requests.storage (10Gi): the file system grows as you write and is billed by the data stored, not by this size',
    ],
  ],
  [
    'PVC on FSx is rounded',
    pvc({
      accessModes: ['ReadWriteMany'],
      storageClassName: 'fsx',
      resources: { requests: { storage: '1300Gi' } },
    }),
    [
      'info fsx-size-rounded spec.resources.requests.storage: FSx for Lustre will create 2400 GiB (2400Gi), not 1300Gi: it rounds up to its capacity steps, and you pay for 2400 GiB',
    ],
  ],
  [
    'PVC without class',
    pvc({ storageClassName: undefined }),
    [
      'warning no-storage-class spec.storageClassName: spec.storageClassName is not set: the claim relies on a default StorageClass, and EKS clusters since 1.30 have none (gp2 is no longer default)',
    ],
  ],
  [
    'PVC static without volume',
    pvc({ storageClassName: '' }),
    [
      'warning static-claim-without-volume spec.storageClassName: spec.storageClassName is "" (static binding) but neither spec.volumeName nor spec.selector picks a PersistentVolume',
    ],
  ],
  [
    'PVC with a wrong data source',
    pvc({ dataSource: { kind: 'VolumeSnapshot', name: 'nightly' } }),
    [
      'error invalid-data-source spec.dataSource: spec.dataSource is VolumeSnapshot (apiGroup ""): a claim can start from a VolumeSnapshot (apiGroup snapshot.storage.k8s.io) or a PersistentVolumeClaim (core group)',
    ],
  ],
  [
    'PVC restored from a snapshot',
    pvc({
      dataSource: {
        apiGroup: 'snapshot.storage.k8s.io',
        kind: 'VolumeSnapshot',
        name: 'nightly',
      },
    }),
    [],
  ],
  [
    'in-tree StorageClass',
    storageClass('kubernetes.io/aws-ebs', { type: 'gp2' }),
    [
      'error in-tree-provisioner provisioner: provisioner kubernetes.io/aws-ebs is the in-tree EBS plugin: on EKS 1.23 and later nothing provisions it, and claims stay Pending "waiting for a volume to be created by external provisioner"',
    ],
  ],
  [
    'unknown provisioner',
    storageClass('example.com/nfs', {}),
    [
      'info unknown-provisioner provisioner: provisioner "example.com/nfs" is not one of the EKS CSI drivers this linter knows; its parameters are not checked',
    ],
  ],
  [
    'S3 StorageClass',
    storageClass('s3.csi.aws.com', { bucketName: 'logs' }),
    [
      'error s3-dynamic provisioner: Mountpoint for S3 cannot provision volumes dynamically: claims of this StorageClass stay Pending',
    ],
  ],
  [
    'EBS class with a bad key and Immediate binding',
    storageClass(
      'ebs.csi.aws.com',
      { type: 'gp3', zone: 'us-east-1a' },
      { volumeBindingMode: 'Immediate' },
    ),
    [
      'error ebs-invalid-parameter-key parameters.zone: Invalid parameter key zone for CreateVolume',
      'warning immediate-binding-zonal volumeBindingMode: volumeBindingMode is Immediate: the Amazon EBS volume is created in an AZ before the pod is scheduled, which can leave the pod with a "volume node affinity conflict"',
    ],
  ],
  [
    'EBS class without binding mode',
    storageClass(
      'ebs.csi.aws.com',
      { type: 'gp3' },
      { volumeBindingMode: undefined },
    ),
    [
      'warning immediate-binding-zonal volumeBindingMode: volumeBindingMode is Immediate (the default): the Amazon EBS volume is created in an AZ before the pod is scheduled, which can leave the pod with a "volume node affinity conflict"',
    ],
  ],
  [
    'EFS class missing provisioningMode, expandable, Retain',
    storageClass(
      'efs.csi.aws.com',
      { fileSystemId: 'fs-0123456789abcdef0', directoryPerms: '700' },
      { allowVolumeExpansion: true, reclaimPolicy: 'Retain' },
    ),
    [
      'error efs-missing-provisioning-mode parameters.provisioningMode: Missing provisioningMode parameter',
      'warning expansion-not-supported allowVolumeExpansion: allowVolumeExpansion is true but Amazon EFS cannot expand volumes; resize requests will hang',
      'info retain-leaves-volume reclaimPolicy: reclaimPolicy Retain: deleting a claim leaves its volume behind (Released), still billed',
    ],
  ],
  [
    'S3 PV with a class and no bucket',
    {
      kind: 'PersistentVolume',
      metadata: { name: 's3-pv' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadOnlyMany'],
        storageClassName: 's3',
        csi: { driver: 's3.csi.aws.com', volumeHandle: 'h' },
      },
    },
    [
      'error s3-pv-storage-class spec.storageClassName: spec.storageClassName is "s3": Mountpoint for S3 volumes are static, so the PV and its PVC must use storageClassName ""',
      'error s3-missing-bucket spec.csi.volumeAttributes.bucketName: spec.csi.volumeAttributes.bucketName is missing: Mountpoint does not know which bucket to mount',
    ],
  ],
  [
    'S3 PV ReadWriteOnce',
    {
      kind: 'PersistentVolume',
      metadata: { name: 's3-pv' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        storageClassName: '',
        csi: {
          driver: 's3.csi.aws.com',
          volumeHandle: 'h',
          volumeAttributes: { bucketName: 'logs' },
        },
      },
    },
    [
      'error access-mode-unsupported spec.accessModes: spec.accessModes: Mountpoint for Amazon S3 cannot serve ReadWriteOnce with volumeMode Filesystem; it supports ReadWriteMany, ReadOnlyMany',
    ],
  ],
  [
    'EBS PV without capacity, zone or valid handle',
    {
      kind: 'PersistentVolume',
      metadata: { name: 'pv' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' },
      },
    },
    [
      'error pv-missing-capacity spec.capacity.storage: spec.capacity.storage: Required value',
      'error invalid-volume-id spec.csi.volumeHandle: spec.csi.volumeHandle "vol-1" is not a valid Amazon EBS volume ID',
      'warning ebs-static-without-zone spec.nodeAffinity: spec.nodeAffinity is missing: pods may be scheduled in another AZ than the EBS volume ("volume node affinity conflict")',
    ],
  ],
  [
    'FSx PV without mount attributes',
    {
      kind: 'PersistentVolume',
      metadata: { name: 'pv' },
      spec: {
        capacity: { storage: '1200Gi' },
        accessModes: ['ReadWriteMany'],
        csi: {
          driver: 'fsx.csi.aws.com',
          volumeHandle: 'fs-0123456789abcdef0',
        },
      },
    },
    [
      'error fsx-missing-mount-attributes spec.csi.volumeAttributes: A static FSx for Lustre PV needs spec.csi.volumeAttributes.dnsname and mountname',
    ],
  ],
  [
    'hostPath PV',
    {
      kind: 'PersistentVolume',
      metadata: { name: 'pv' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        hostPath: { path: '/data' },
      },
    },
    [
      'info pv-not-csi spec: This PersistentVolume does not use a CSI driver; the linter does not check it further',
    ],
  ],
  [
    'VolumeSnapshot with two sources and no class',
    {
      kind: 'VolumeSnapshot',
      metadata: { name: 'snap' },
      spec: {
        source: {
          persistentVolumeClaimName: 'data',
          volumeSnapshotContentName: 'c',
        },
      },
    },
    [
      'error snapshot-source-invalid spec.source: spec.source must set exactly one of persistentVolumeClaimName and volumeSnapshotContentName',
      'info snapshot-class-missing spec.volumeSnapshotClassName: spec.volumeSnapshotClassName is not set: the snapshot uses the class annotated snapshot.storage.k8s.io/is-default-class, and fails if there is none',
    ],
  ],
  [
    'StatefulSet with emptyDir and an EBS RWX template',
    {
      kind: 'StatefulSet',
      metadata: { name: 'pg' },
      spec: {
        template: { spec: { volumes: [{ name: 'data', emptyDir: {} }] } },
        volumeClaimTemplates: [pvc({ accessModes: ['ReadWriteMany'] })],
      },
    },
    [
      'error access-mode-unsupported spec.volumeClaimTemplates[0].spec.accessModes: spec.volumeClaimTemplates[0].spec.accessModes: Amazon EBS cannot serve ReadWriteMany with volumeMode Filesystem; it supports ReadWriteOnce, ReadWriteOncePod',
      'warning emptydir-for-stateful spec.template.spec.volumes[0]: Volume "data" is an emptyDir: its data is lost whenever the pod is rescheduled',
    ],
  ],
  [
    'Deployment sharing a RWO claim',
    {
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        template: {
          spec: {
            volumes: [
              { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
            ],
          },
        },
      },
    },
    [
      'warning rwo-shared-by-replicas spec.template.spec.volumes[0]: 3 replicas mount claim "data": if it is ReadWriteOnce (EBS), replicas on other nodes fail with "Multi-Attach error"',
    ],
  ],
  [
    'Deployment sharing a RWX claim',
    {
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        template: {
          spec: {
            volumes: [
              { name: 'data', persistentVolumeClaim: { claimName: 'shared' } },
            ],
          },
        },
      },
    },
    [],
  ],
];

describe('validateManifest', () => {
  const cases = CASES.map(([name, object, expected]) => ({
    name,
    object,
    expected,
  }));
  it.each(cases)('$name', ({ object, expected }) => {
    const findings = validateManifest(object, context);
    expect(
      findings.map(f => `${f.severity} ${f.code} ${f.field}: ${f.message}`),
    ).toEqual(expected);
  });

  it('never throws, whatever the input', () => {
    const kinds = fc.constantFrom(
      'StorageClass',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'VolumeSnapshot',
      'StatefulSet',
      'Deployment',
    );
    const manifestLike = fc.record(
      {
        kind: kinds,
        metadata: fc.anything(),
        spec: fc.anything(),
        provisioner: fc.anything(),
        parameters: fc.anything(),
      },
      { requiredKeys: ['kind'] },
    );
    expect(() =>
      fc.assert(
        fc.property(
          fc.oneof(fc.anything(), manifestLike),
          fc.anything(),
          (object, ctx) =>
            Array.isArray(validateManifest(object, ctx as never)),
        ),
        { numRuns: 1000 },
      ),
    ).not.toThrow();
  });
});
