import type {
  CoreV1Event,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import fc from 'fast-check';
import { diagnosisCanAge } from './aging';
import { diagnose } from './diagnose';
import { DiagnosisInput } from './types';

const T0 = '2026-03-01T10:00:00Z';
const at = (minutes: number) =>
  new Date(Date.parse(T0) + minutes * 60000).toISOString();

const pvc = (
  overrides: { spec?: object; status?: object; metadata?: object } = {},
): V1PersistentVolumeClaim =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: 'postgres-data',
      namespace: 'payments',
      uid: 'b7c1',
      creationTimestamp: T0,
      ...overrides.metadata,
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'gp3',
      resources: { requests: { storage: '20Gi' } },
      ...overrides.spec,
    },
    status: { phase: 'Pending', ...overrides.status },
  } as unknown as V1PersistentVolumeClaim);

const event = (
  reason: string,
  message: string,
  minutes = 0,
  type = 'Normal',
  kind = 'PersistentVolumeClaim',
  name = 'postgres-data',
): CoreV1Event =>
  ({
    metadata: { name: `${name}.${reason}`, namespace: 'payments' },
    involvedObject: { kind, name, namespace: 'payments' },
    reason,
    message,
    type,
    firstTimestamp: at(0),
    lastTimestamp: at(minutes),
  } as unknown as CoreV1Event);

const gp3 = {
  metadata: { name: 'gp3' },
  provisioner: 'ebs.csi.aws.com',
  volumeBindingMode: 'WaitForFirstConsumer',
  parameters: { type: 'gp3' },
} as unknown as V1StorageClass;
const pod = (name = 'postgres-0', phase = 'Pending'): V1Pod =>
  ({
    metadata: { name, namespace: 'payments' },
    spec: {
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'postgres-data' } },
      ],
    },
    status: { phase },
  } as unknown as V1Pod);
const boundPv = (extra: object = {}): V1PersistentVolume =>
  ({
    metadata: { name: 'pvc-b7c1' },
    spec: {
      capacity: { storage: '20Gi' },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc' },
      persistentVolumeReclaimPolicy: 'Delete',
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                {
                  key: 'topology.kubernetes.io/zone',
                  operator: 'In',
                  values: ['us-east-1a'],
                },
              ],
            },
          ],
        },
      },
      ...extra,
    },
    status: { phase: 'Bound' },
  } as unknown as V1PersistentVolume);
const bound = (overrides: { spec?: object; status?: object } = {}) =>
  pvc({
    spec: { volumeName: 'pvc-b7c1', ...overrides.spec },
    status: {
      phase: 'Bound',
      capacity: { storage: '20Gi' },
      ...overrides.status,
    },
  });

const CASES: Array<
  [
    string,
    DiagnosisInput,
    {
      state: string;
      severity: string;
      headline: string;
      explanation?: RegExp;
      fix?: RegExp;
    },
  ]
> = [
  [
    'waiting for first consumer is normal',
    {
      pvc: pvc(),
      storageClass: gp3,
      events: [
        event(
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
        ),
      ],
    },
    {
      state: 'waiting-for-consumer',
      severity: 'info',
      headline:
        'Claim payments/postgres-data waits for a pod to use it — this is normal',
      fix: /Nothing to fix/,
    },
  ],
  [
    'waiting for a named pod',
    {
      pvc: pvc(),
      storageClass: gp3,
      pods: [pod()],
      events: [
        event(
          'WaitForPodScheduled',
          'waiting for pod postgres-0 to be scheduled',
        ),
      ],
    },
    {
      state: 'waiting-for-consumer',
      severity: 'info',
      headline:
        'Claim payments/postgres-data waits for pod postgres-0 to be scheduled',
    },
  ],
  [
    'pod cannot be scheduled',
    {
      pvc: pvc(),
      storageClass: gp3,
      pods: [pod()],
      events: [
        event(
          'FailedScheduling',
          '0/3 nodes are available: 3 Insufficient memory.',
          1,
          'Warning',
          'Pod',
          'postgres-0',
        ),
      ],
    },
    {
      state: 'waiting-for-consumer',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data waits for pod postgres-0, which cannot be scheduled',
      explanation: /Insufficient memory/,
    },
  ],
  [
    'in-tree class',
    {
      pvc: pvc({ spec: { storageClassName: 'gp2' } }),
      storageClass: {
        metadata: { name: 'gp2' },
        provisioner: 'kubernetes.io/aws-ebs',
      } as V1StorageClass,
      events: [
        event(
          'ExternalProvisioning',
          "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
          30,
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data uses StorageClass gp2 with the retired in-tree provisioner kubernetes.io/aws-ebs',
      fix: /provisioner ebs.csi.aws.com/,
    },
  ],
  [
    'driver not installed (CSIDriver list)',
    {
      pvc: pvc({ spec: { storageClassName: 'efs-sc' } }),
      storageClass: {
        metadata: { name: 'efs-sc' },
        provisioner: 'efs.csi.aws.com',
      } as V1StorageClass,
      csiDrivers: [{ metadata: { name: 'ebs.csi.aws.com' } } as never],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data waits for driver efs.csi.aws.com, which is not running in the cluster',
      fix: /aws-efs-csi-driver/,
    },
  ],
  [
    'driver silent for 30 minutes',
    {
      pvc: pvc({ spec: { storageClassName: 'fast' } }),
      storageClass: {
        metadata: { name: 'fast' },
        provisioner: 'ebs.csi.aws.com',
        volumeBindingMode: 'Immediate',
      } as V1StorageClass,
      events: [
        event(
          'ExternalProvisioning',
          "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator.",
          30,
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data waits for driver ebs.csi.aws.com, which is not running in the cluster',
      explanation: /waited 30 minutes/,
    },
  ],
  [
    'no default StorageClass',
    {
      pvc: pvc({ spec: { storageClassName: undefined } }),
      storageClasses: [gp3],
      events: [
        event(
          'FailedBinding',
          'no persistent volumes available for this claim and no storage class is set',
          2,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data names no StorageClass and the cluster has no default one',
      fix: /is-default-class/,
    },
  ],
  [
    'missing StorageClass',
    {
      pvc: pvc({ spec: { storageClassName: 'gp4' } }),
      events: [
        event(
          'ProvisioningFailed',
          'storageclass.storage.k8s.io "gp4" not found',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data asks for StorageClass gp4, which does not exist',
    },
  ],
  [
    'IAM denied',
    {
      pvc: pvc({
        metadata: {
          annotations: {
            'volume.kubernetes.io/selected-node': 'ip-10-0-1-5.ec2.internal',
          },
        },
      }),
      storageClass: gp3,
      events: [
        event(
          'ProvisioningFailed',
          'failed to provision volume with StorageClass "gp3": rpc error: code = Internal desc = Could not create volume "pvc-b7c1": could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 403, api error UnauthorizedOperation: You are not authorized to perform this operation.',
          3,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data cannot be provisioned: the Amazon EBS driver is not allowed to create volumes',
      fix: /AmazonEBSCSIDriverPolicy/,
    },
  ],
  [
    'EFS driver without AWS permissions',
    {
      pvc: pvc({
        spec: { storageClassName: 'efs-sc', accessModes: ['ReadWriteMany'] },
      }),
      storageClass: {
        metadata: { name: 'efs-sc' },
        provisioner: 'efs.csi.aws.com',
        volumeBindingMode: 'Immediate',
      } as V1StorageClass,
      events: [
        event(
          'ProvisioningFailed',
          'rpc error: code = Unauthenticated desc = Access Denied. Please ensure you have the right AWS permissions: Access denied',
          2,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data cannot be provisioned: the Amazon EFS driver is not allowed to create volumes',
      fix: /AmazonEFSCSIDriverPolicy/,
    },
  ],
  [
    'IRSA trust broken',
    {
      pvc: pvc({
        metadata: {
          annotations: { 'volume.kubernetes.io/selected-node': 'n1' },
        },
      }),
      storageClass: gp3,
      events: [
        event(
          'ProvisioningFailed',
          'rpc error: code = Internal desc = Could not create volume: WebIdentityErr: failed to retrieve credentials caused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
          3,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data cannot be provisioned: the Amazon EBS driver is not allowed to create volumes',
    },
  ],
  [
    'bad class parameters',
    {
      pvc: pvc({
        metadata: {
          annotations: { 'volume.kubernetes.io/selected-node': 'n1' },
        },
      }),
      storageClass: gp3,
      events: [
        event(
          'ProvisioningFailed',
          'Volume provisioning failed with infeasible error. Retries will be delayed. rpc error: code = InvalidArgument desc = invalid StorageClass parameters; specify either IOPS or IOPSPerGb, not both',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data cannot be provisioned: StorageClass gp3 has settings the driver rejects',
      explanation: /specify either IOPS or IOPSPerGb, not both/,
    },
  ],
  [
    'EFS access point limit',
    {
      pvc: pvc({
        spec: { storageClassName: 'efs-sc', accessModes: ['ReadWriteMany'] },
      }),
      storageClass: {
        metadata: { name: 'efs-sc' },
        provisioner: 'efs.csi.aws.com',
        volumeBindingMode: 'Immediate',
      } as V1StorageClass,
      events: [
        event(
          'ProvisioningFailed',
          'rpc error: code = Internal desc = Failed to create Access point in File System fs-0123456789abcdef0 : Failed to create access point: AccessPointLimitExceeded: You have reached the maximum number of access points (10000) for your file system',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data cannot be provisioned: the EFS file system of class efs-sc has no access points left',
      explanation: /10,000/,
    },
  ],
  [
    'FSx slow creation (driver timeout)',
    {
      pvc: pvc({ spec: { storageClassName: 'fsx' } }),
      storageClass: {
        metadata: { name: 'fsx' },
        provisioner: 'fsx.csi.aws.com',
        volumeBindingMode: 'Immediate',
      } as V1StorageClass,
      events: [
        event(
          'Provisioning',
          'External provisioner is provisioning volume for claim "payments/postgres-data"',
        ),
        event(
          'ProvisioningFailed',
          'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
          5,
          'Warning',
        ),
      ],
    },
    {
      state: 'provisioning',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data: FSx for Lustre is still creating the file system',
      explanation: /5-minute timeout/,
    },
  ],
  [
    'FSx creation failed',
    {
      pvc: pvc({ spec: { storageClassName: 'fsx' } }),
      storageClass: {
        metadata: { name: 'fsx' },
        provisioner: 'fsx.csi.aws.com',
      } as V1StorageClass,
      events: [
        event(
          'ProvisioningFailed',
          'rpc error: code = Internal desc = Could not create volume "pvc-b7c1": filesystem fs-0abc failed to create: status FAILED',
          12,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data failed: AWS could not create the FSx for Lustre file system',
    },
  ],
  [
    'FSx still creating after 12 minutes',
    {
      pvc: pvc({ spec: { storageClassName: 'fsx' } }),
      storageClass: {
        metadata: { name: 'fsx' },
        provisioner: 'fsx.csi.aws.com',
        volumeBindingMode: 'Immediate',
      } as V1StorageClass,
      events: [
        event(
          'Provisioning',
          'External provisioner is provisioning volume for claim "payments/postgres-data"',
        ),
      ],
      now: at(12),
    },
    {
      state: 'provisioning',
      severity: 'info',
      headline:
        'Claim payments/postgres-data: FSx for Lustre has been creating the file system for 12 minutes',
    },
  ],
  [
    'S3 asked dynamically',
    {
      pvc: pvc({ spec: { storageClassName: 's3' } }),
      storageClass: {
        metadata: { name: 's3' },
        provisioner: 's3.csi.aws.com',
      } as V1StorageClass,
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data asks Mountpoint for S3 to create a volume, which it cannot do',
      fix: /storageClassName ""/,
    },
  ],
  [
    'static claim without a PV',
    {
      pvc: pvc({ spec: { storageClassName: '' } }),
      events: [
        event(
          'FailedBinding',
          'no persistent volumes available for this claim and no storage class is set',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline:
        'Claim payments/postgres-data has no PersistentVolume to bind to',
    },
  ],
  [
    'provisioning in progress',
    {
      pvc: pvc({
        metadata: {
          annotations: {
            'volume.kubernetes.io/selected-node': 'ip-10-0-1-5.ec2.internal',
          },
        },
      }),
      storageClass: gp3,
      events: [
        event(
          'Provisioning',
          'External provisioner is provisioning volume for claim "payments/postgres-data"',
        ),
      ],
    },
    {
      state: 'provisioning',
      severity: 'info',
      headline:
        'Claim payments/postgres-data is being provisioned by Amazon EBS for node ip-10-0-1-5.ec2.internal',
    },
  ],
  [
    'bound',
    {
      pvc: bound(),
      pv: boundPv(),
      events: [
        event(
          'ProvisioningSucceeded',
          'Successfully provisioned volume pvc-b7c1',
          1,
        ),
      ],
    },
    {
      state: 'bound',
      severity: 'ok',
      headline:
        'Claim payments/postgres-data is bound to pvc-b7c1 (20Gi, class gp3)',
    },
  ],
  [
    'bound with Retain',
    { pvc: bound(), pv: boundPv({ persistentVolumeReclaimPolicy: 'Retain' }) },
    {
      state: 'bound',
      severity: 'ok',
      headline:
        'Claim payments/postgres-data is bound to pvc-b7c1 (20Gi, class gp3)',
      explanation: /Retain/,
    },
  ],
  [
    'AZ conflict',
    {
      pvc: bound(),
      pv: boundPv(),
      pods: [pod()],
      nodes: [
        {
          metadata: {
            name: 'n1',
            labels: { 'topology.kubernetes.io/zone': 'us-east-1b' },
          },
        },
        {
          metadata: {
            name: 'n2',
            labels: { 'topology.kubernetes.io/zone': 'us-east-1c' },
          },
        },
      ] as never,
      events: [
        event(
          'FailedScheduling',
          '0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
          2,
          'Warning',
          'Pod',
          'postgres-0',
        ),
      ],
    },
    {
      state: 'bound',
      severity: 'error',
      headline:
        'Pod postgres-0 cannot be scheduled: volume pvc-b7c1 is in zone us-east-1a, where no node can take it (nodes are in us-east-1b, us-east-1c)',
      fix: /us-east-1a/,
    },
  ],
  [
    'AZ conflict from a pod pinned to another zone',
    {
      pvc: bound(),
      pv: boundPv(),
      pods: [
        {
          ...pod(),
          spec: {
            ...pod().spec,
            nodeSelector: { 'topology.kubernetes.io/zone': 'us-east-1b' },
          },
        } as V1Pod,
      ],
      nodes: ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((zone, i) => ({
        metadata: {
          name: `n${i}`,
          labels: { 'topology.kubernetes.io/zone': zone },
        },
      })) as never,
      events: [
        event(
          'FailedScheduling',
          "0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
          2,
          'Warning',
          'Pod',
          'postgres-0',
        ),
      ],
    },
    {
      state: 'bound',
      severity: 'error',
      headline:
        'Pod postgres-0 is pinned to us-east-1b but its volume pvc-b7c1 is in us-east-1a',
      fix: /Remove the pod's zone constraint/,
    },
  ],
  [
    'Multi-Attach',
    {
      pvc: bound(),
      pv: boundPv(),
      pods: [pod('web-7d9f-x2x'), pod('web-5c4b-abc', 'Running')],
      events: [
        event(
          'FailedAttachVolume',
          'Multi-Attach error for volume "pvc-b7c1" Volume is already used by pod(s) web-5c4b-abc',
          1,
          'Warning',
          'Pod',
          'web-7d9f-x2x',
        ),
      ],
    },
    {
      state: 'bound',
      severity: 'error',
      headline:
        'Pod web-7d9f-x2x cannot start: claim payments/postgres-data is still attached to another node',
      fix: /Recreate/,
    },
  ],
  [
    'EFS mount timeout',
    {
      pvc: bound({ spec: { storageClassName: 'efs-sc' } }),
      pv: boundPv({
        csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0abc::fsap-0def' },
        nodeAffinity: undefined,
      }),
      pods: [pod()],
      events: [
        event(
          'FailedMount',
          'MountVolume.SetUp failed for volume "pvc-b7c1" : rpc error: code = DeadlineExceeded desc = context deadline exceeded; mount.nfs4: Connection timed out',
          2,
          'Warning',
          'Pod',
          'postgres-0',
        ),
      ],
    },
    {
      state: 'bound',
      severity: 'error',
      headline:
        'Pod postgres-0 cannot mount EFS claim payments/postgres-data: the mount times out',
      fix: /TCP 2049/,
    },
  ],
  [
    'unknown mount failure quotes the event',
    {
      pvc: bound(),
      pv: boundPv(),
      pods: [pod()],
      events: [
        event(
          'FailedMount',
          'MountVolume.MountDevice failed for volume "pvc-b7c1" : something new went wrong',
          2,
          'Warning',
          'Pod',
          'postgres-0',
        ),
      ],
    },
    {
      state: 'bound',
      severity: 'warning',
      headline: 'Pod postgres-0 cannot mount claim payments/postgres-data',
      explanation: /something new went wrong/,
    },
  ],
  [
    'resize waiting for pod restart',
    {
      pvc: bound({
        spec: { resources: { requests: { storage: '40Gi' } } },
        status: {
          conditions: [
            {
              type: 'FileSystemResizePending',
              status: 'True',
              message:
                'Waiting for user to (re-)start a pod to finish file system resize of volume on node.',
              lastTransitionTime: at(5),
            },
          ],
        },
      }),
      pv: boundPv(),
      pods: [pod('postgres-0', 'Running')],
    },
    {
      state: 'resize-pending-restart',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data: the volume has grown to 40Gi; restart pod postgres-0 to finish',
      fix: /Restart pod postgres-0/,
    },
  ],
  [
    'resize in progress',
    {
      pvc: bound({
        spec: { resources: { requests: { storage: '40Gi' } } },
        status: {
          conditions: [
            { type: 'Resizing', status: 'True', lastTransitionTime: at(0) },
          ],
        },
      }),
      pv: boundPv(),
      now: at(3),
    },
    {
      state: 'resizing',
      severity: 'info',
      headline: 'Claim payments/postgres-data is being resized to 40Gi',
    },
  ],
  [
    'resize stuck',
    {
      pvc: bound({
        spec: { resources: { requests: { storage: '40Gi' } } },
        status: {
          allocatedResourceStatuses: { storage: 'ControllerResizeInProgress' },
          conditions: [
            { type: 'Resizing', status: 'True', lastTransitionTime: at(0) },
          ],
        },
      }),
      pv: boundPv(),
      now: at(180),
    },
    {
      state: 'resizing',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data has been resizing to 40Gi for 180 minutes',
      fix: /csi-resizer/,
    },
  ],
  [
    'resize throttled by EBS',
    {
      pvc: bound({ spec: { resources: { requests: { storage: '40Gi' } } } }),
      pv: boundPv(),
      events: [
        event(
          'VolumeResizeFailed',
          'resize volume "pvc-b7c1" by resizer "ebs.csi.aws.com" failed: rpc error: code = Internal desc = Could not resize volume "vol-0abc": operation error EC2: ModifyVolume, api error VolumeModificationRateExceeded: You\'ve reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'resizing',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data: the resize to 40Gi waits for EBS to allow another modification',
      explanation: /6 hours/,
    },
  ],
  [
    'resize failed',
    {
      pvc: bound({
        spec: { resources: { requests: { storage: '40Gi' } } },
        status: {
          allocatedResourceStatuses: { storage: 'ControllerResizeInfeasible' },
        },
      }),
      pv: boundPv(),
      events: [
        event(
          'VolumeResizeFailed',
          'rpc error: code = InvalidArgument desc = new size too large',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'failed',
      severity: 'error',
      headline: 'Claim payments/postgres-data: the resize to 40Gi failed',
      explanation: /new size too large/,
    },
  ],
  [
    'terminating while in use',
    {
      pvc:
        bound({}) &&
        pvc({
          metadata: {
            deletionTimestamp: at(10),
            finalizers: ['kubernetes.io/pvc-protection'],
          },
          status: { phase: 'Bound' },
        }),
      pods: [pod('postgres-0', 'Running')],
    },
    {
      state: 'terminating',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data is being deleted but pod postgres-0 still uses it',
      fix: /pod postgres-0/,
    },
  ],
  [
    'lost',
    {
      pvc: pvc({ spec: { volumeName: 'pvc-b7c1' }, status: { phase: 'Lost' } }),
    },
    {
      state: 'lost',
      severity: 'error',
      headline: 'Claim payments/postgres-data lost its volume pvc-b7c1',
    },
  ],
  [
    'Retain left a volume behind',
    {
      pv: {
        metadata: { name: 'pvc-b7c1' },
        spec: {
          capacity: { storage: '20Gi' },
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: { namespace: 'payments', name: 'postgres-data' },
          csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc' },
        },
        status: { phase: 'Released' },
      } as V1PersistentVolume,
    },
    {
      state: 'released',
      severity: 'warning',
      headline:
        'Volume pvc-b7c1 was left behind after claim payments/postgres-data was deleted, and is still billed',
      fix: /vol-0abc/,
    },
  ],
  [
    'restore waits for snapshot',
    {
      pvc: pvc({
        spec: {
          dataSource: {
            apiGroup: 'snapshot.storage.k8s.io',
            kind: 'VolumeSnapshot',
            name: 'nightly',
          },
        },
      }),
      storageClass: {
        ...gp3,
        volumeBindingMode: 'Immediate',
      } as V1StorageClass,
      snapshots: [
        {
          metadata: { name: 'nightly', namespace: 'payments' },
          status: { readyToUse: false },
        },
      ],
    },
    {
      state: 'provisioning',
      severity: 'info',
      headline:
        'Claim payments/postgres-data waits for VolumeSnapshot nightly to be ready',
    },
  ],
  [
    'unknown warning is quoted',
    {
      pvc: pvc({
        metadata: {
          annotations: { 'volume.kubernetes.io/selected-node': 'n1' },
        },
      }),
      storageClass: gp3,
      events: [
        event(
          'SomethingOdd',
          'quota exceeded for resource requests.storage in namespace payments',
          1,
          'Warning',
        ),
      ],
    },
    {
      state: 'provisioning',
      severity: 'warning',
      headline:
        'Claim payments/postgres-data is Pending and Kubernetes reports a problem',
      explanation: /quota exceeded for resource requests.storage/,
    },
  ],
];

describe('diagnose', () => {
  const cases = CASES.map(([name, input, expected]) => ({
    name,
    input,
    expected,
  }));
  it.each(cases)('$name', ({ input, expected }) => {
    const result = diagnose(input);
    expect({
      state: result.state,
      severity: result.severity,
      headline: result.headline,
    }).toEqual({
      state: expected.state,
      severity: expected.severity,
      headline: expected.headline,
    });
    expect(result.explanation).toMatch(expected.explanation ?? /./);
    expect(result.fix).toMatch(expected.fix ?? /.*/);
    expect(result.explanation.length).toBeGreaterThan(10);
  });

  // The tracker's resync re-diagnoses only the states that can age: any
  // other diagnosis must be the same days later.
  it.each(cases.filter(({ input }) => !diagnosisCanAge(diagnose(input).state)))(
    '$name: the same three days later',
    ({ input }) => {
      expect(diagnose({ ...input, now: at(3 * 24 * 60) })).toEqual(
        diagnose(input),
      );
    },
  );

  it('gives the time the situation started', () => {
    expect(diagnose(CASES[0][1]).since).toBe(at(0));
  });

  it('never throws on partial or odd objects', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.record(
            {
              pvc: fc.anything(),
              pv: fc.anything(),
              storageClass: fc.anything(),
              events: fc.anything(),
              pods: fc.anything(),
              nodes: fc.anything(),
            },
            { requiredKeys: [] },
          ),
          input => {
            const result = diagnose(input as DiagnosisInput);
            return (
              typeof result.headline === 'string' &&
              typeof result.state === 'string'
            );
          },
        ),
        { numRuns: 500 },
      ),
    ).not.toThrow();
  });
});
