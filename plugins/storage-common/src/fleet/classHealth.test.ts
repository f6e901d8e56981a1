import { exampleOffering } from '../model/exampleOfferings';
import { StorageOffering } from '../model/offering';
import { checkClassHealth } from './classHealth';
import {
  ALL_DRIVERS,
  csiDriver,
  daysBefore,
  defaultClass,
  storageClass,
} from './__fixtures__/objects';
import { ClusterStorage } from './types';

const gp3 = defaultClass(
  storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3', encrypted: 'true' }),
);
const cluster = (extra: Partial<ClusterStorage>): ClusterStorage => ({
  cluster: 'eks-prod',
  kubernetesVersion: 'v1.32.5-eks-1234',
  storageClasses: [gp3],
  csiDrivers: ALL_DRIVERS,
  ...extra,
});
const line = (f: ReturnType<typeof checkClassHealth>[number]) =>
  `${f.severity} ${f.code} ${f.object.kind}/${f.object.name}${
    f.field ? ` ${f.field}` : ''
  }: ${f.title}`;

describe('checkClassHealth', () => {
  it.each<[string, ClusterStorage, StorageOffering[], string[]]>([
    ['a healthy cluster', cluster({}), [], []],
    [
      'a class whose CSI driver is not installed',
      cluster({
        storageClasses: [
          gp3,
          storageClass(
            'efs',
            'efs.csi.aws.com',
            {
              provisioningMode: 'efs-ap',
              fileSystemId: 'fs-0123456789abcdef0',
              directoryPerms: '700',
            },
            { allowVolumeExpansion: false },
          ),
        ],
        csiDrivers: [csiDriver('ebs.csi.aws.com')],
      }),
      [],
      [
        'error class-driver-not-installed StorageClass/efs provisioner: StorageClass efs needs CSI driver efs.csi.aws.com, which is not installed',
      ],
    ],
    [
      'a driver whose controller is down',
      cluster({ csiControllers: { 'ebs.csi.aws.com': false } }),
      [],
      [
        'error class-driver-controller-down StorageClass/gp3 provisioner: StorageClass gp3: the controller of CSI driver ebs.csi.aws.com is not running',
      ],
    ],
    [
      'CSIDrivers unknown: not judged',
      cluster({
        csiDrivers: undefined,
        storageClasses: [
          gp3,
          storageClass(
            'nfs',
            'example.com/nfs',
            {},
            { volumeBindingMode: 'Immediate' },
          ),
        ],
      }),
      [],
      [
        'info unknown-provisioner StorageClass/nfs provisioner: StorageClass nfs: provisioner "example.com/nfs" is not one of the EKS CSI drivers this linter knows; its parameters are not checked',
      ],
    ],
    [
      'an installed driver the catalogue does not know',
      cluster({
        storageClasses: [gp3, storageClass('nfs', 'example.com/nfs')],
        csiDrivers: [...ALL_DRIVERS, csiDriver('example.com/nfs')],
      }),
      [],
      [],
    ],
    [
      'in-tree class on EKS 1.32 without the EBS CSI driver',
      cluster({
        storageClasses: [
          gp3,
          storageClass('gp2', 'kubernetes.io/aws-ebs', { type: 'gp2' }),
        ],
        csiDrivers: [csiDriver('efs.csi.aws.com')],
      }),
      [],
      [
        'error class-driver-not-installed StorageClass/gp3 provisioner: StorageClass gp3 needs CSI driver ebs.csi.aws.com, which is not installed',
        'error in-tree-provisioner StorageClass/gp2 provisioner: StorageClass gp2 uses the retired in-tree provisioner kubernetes.io/aws-ebs: its claims never bind',
      ],
    ],
    [
      'in-tree class migrated to the installed EBS CSI driver',
      cluster({
        storageClasses: [
          gp3,
          storageClass('gp2', 'kubernetes.io/aws-ebs', { type: 'gp2' }),
        ],
      }),
      [],
      [
        'warning in-tree-provisioner StorageClass/gp2 provisioner: StorageClass gp2 uses the retired in-tree provisioner kubernetes.io/aws-ebs',
      ],
    ],
    [
      'in-tree class on a cluster older than 1.23',
      cluster({
        kubernetesVersion: '1.22',
        storageClasses: [
          gp3,
          storageClass('gp2', 'kubernetes.io/aws-ebs', { type: 'gp2' }),
        ],
      }),
      [],
      [
        'info in-tree-provisioner StorageClass/gp2 provisioner: StorageClass gp2 uses the in-tree provisioner kubernetes.io/aws-ebs, which stops working on EKS 1.23',
      ],
    ],
    [
      'no default class',
      cluster({
        storageClasses: [
          storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' }),
        ],
      }),
      [],
      [
        'warning no-default-class Cluster/eks-prod: Cluster eks-prod has no default StorageClass',
      ],
    ],
    [
      'two default classes',
      cluster({
        storageClasses: [
          gp3,
          defaultClass(
            storageClass(
              'gp3-new',
              'ebs.csi.aws.com',
              { type: 'gp3' },
              {
                metadata: {
                  name: 'gp3-new',
                  creationTimestamp: daysBefore(1) as never,
                },
              },
            ),
          ),
        ],
      }),
      [],
      [
        'warning several-default-classes Cluster/eks-prod: Cluster eks-prod has 2 default StorageClasses: gp3, gp3-new',
      ],
    ],
    [
      'Immediate binding on zonal EBS and a class-level IOPS limit',
      cluster({
        storageClasses: [
          gp3,
          storageClass(
            'io1-fast',
            'ebs.csi.aws.com',
            { type: 'io1', iops: '50' },
            { volumeBindingMode: 'Immediate' },
          ),
        ],
      }),
      [],
      [
        'error ebs-iops-too-low StorageClass/io1-fast parameters.iops: StorageClass io1-fast: IOPS 50 is too low for io1 at any size: it must be at least 100 (or set allowAutoIOPSPerGBIncrease: "true")',
        'warning immediate-binding-zonal StorageClass/io1-fast volumeBindingMode: StorageClass io1-fast: volumeBindingMode is Immediate: the Amazon EBS volume is created in an AZ before the pod is scheduled, which can leave the pod with a "volume node affinity conflict"',
      ],
    ],
    [
      'driver parameter errors',
      cluster({
        storageClasses: [
          gp3,
          storageClass(
            'efs',
            'efs.csi.aws.com',
            { fileSystemId: 'fs-0123456789abcdef0', directoryPerms: '700' },
            { allowVolumeExpansion: true },
          ),
        ],
      }),
      [],
      [
        'error efs-missing-provisioning-mode StorageClass/efs parameters.provisioningMode: StorageClass efs: Missing provisioningMode parameter',
        'warning expansion-not-supported StorageClass/efs allowVolumeExpansion: StorageClass efs: allowVolumeExpansion is true but Amazon EFS cannot expand volumes; resize requests will hang',
      ],
    ],
    [
      'an offering pointing at a missing class',
      cluster({}),
      [{ ...exampleOffering('ebs-io2'), storageClassName: 'io2-fast' }],
      [
        'error offering-class-missing Offering/ebs-io2 storageClassName: Offering "High-IOPS block storage (EBS io2)" uses StorageClass io2-fast, which cluster eks-prod does not have',
      ],
    ],
    [
      'an offering promising resize on a class without expansion',
      cluster({
        storageClasses: [
          defaultClass(
            storageClass(
              'gp3',
              'ebs.csi.aws.com',
              { type: 'gp3', encrypted: 'true' },
              { allowVolumeExpansion: false },
            ),
          ),
        ],
      }),
      [
        {
          ...exampleOffering('ebs-gp3'),
          parameters: { type: 'gp3', encrypted: 'true' },
        },
      ],
      [
        'error offering-expansion-not-allowed StorageClass/gp3 allowVolumeExpansion: StorageClass gp3 does not allow expansion, but offering "Block storage (EBS gp3)" promises resize',
      ],
    ],
    [
      'an offering on a class of another driver, recording other parameters',
      cluster({}),
      [{ ...exampleOffering('efs-shared'), storageClassName: 'gp3' }],
      [
        'error offering-driver-mismatch StorageClass/gp3 provisioner: StorageClass gp3 uses ebs.csi.aws.com, but offering "Shared file system (EFS)" promises Amazon EFS',
        expect.stringMatching(
          /^warning offering-parameters-differ StorageClass\/gp3 parameters: StorageClass gp3 differs from what offering "Shared file system \(EFS\)" records: provisioningMode is unset, not "efs-ap"/,
        ),
      ],
    ],
    [
      'static offerings need no class',
      cluster({}),
      [exampleOffering('s3-bucket')],
      [],
    ],
    [
      'StorageClasses unknown: nothing to say',
      { cluster: 'eks-prod' },
      [exampleOffering('ebs-gp3')],
      [],
    ],
  ])('%s', (_name, storage, offerings, expected) => {
    expect(checkClassHealth(storage, offerings).map(line)).toEqual(expected);
  });

  it('gives every finding a stable id, a detail and a fix', () => {
    const storage = cluster({
      storageClasses: [storageClass('gp2', 'kubernetes.io/aws-ebs')],
      csiDrivers: [],
    });
    const first = checkClassHealth(storage, [exampleOffering('ebs-gp3')]);
    expect(first.length).toBeGreaterThan(2);
    expect(
      checkClassHealth(storage, [exampleOffering('ebs-gp3')]).map(f => f.id),
    ).toEqual(first.map(f => f.id));
    expect(new Set(first.map(f => f.id)).size).toBe(first.length);
    for (const finding of first) {
      expect(finding).toMatchObject({
        section: 'class-health',
        cluster: 'eks-prod',
      });
      expect(finding.detail.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(10);
    }
    expect(first.find(f => f.code === 'no-default-class')?.id).toBe(
      'eks-prod:no-default-class:Cluster::eks-prod',
    );
    expect(first.find(f => f.code === 'no-default-class')?.fix).toBe(
      'Mark one class default: kubectl annotate storageclass <name> storageclass.kubernetes.io/is-default-class=true',
    );
    expect(
      checkClassHealth(
        cluster({
          storageClasses: [
            storageClass('io2', 'ebs.csi.aws.com', { type: 'io2' }),
            storageClass('fast', 'ebs.csi.aws.com', { type: 'gp3' }),
          ],
        }),
      ).find(f => f.code === 'no-default-class')?.fix,
    ).toBe(
      'Mark one class default: kubectl annotate storageclass fast storageclass.kubernetes.io/is-default-class=true',
    );
  });
});
