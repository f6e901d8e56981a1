import {
  DRIVERS,
  checkStorageClassParameters,
  driverForProvisioner,
  ebsVolumeLimits,
  isInTreeProvisioner,
  roundFsxLustreCapacityGiB,
  supportedAccessModes,
  fsxLustreExpansionError,
  GIB,
} from '..';

describe('driverForProvisioner', () => {
  it.each([
    ['ebs.csi.aws.com', 'ebs'],
    ['ebs.csi.eks.amazonaws.com', 'ebs'],
    ['efs.csi.aws.com', 'efs'],
    ['fsx.csi.aws.com', 'fsx-lustre'],
    ['s3.csi.aws.com', 's3'],
    ['csi.trident.netapp.io', 'ontap'],
    ['kubernetes.io/aws-ebs', undefined],
    ['example.com/other', undefined],
  ])('%s → %s', (provisioner, driver) => {
    expect(driverForProvisioner(provisioner)).toBe(driver);
  });

  it('detects in-tree provisioners', () => {
    expect(isInTreeProvisioner('kubernetes.io/aws-ebs')).toBe(true);
    expect(isInTreeProvisioner('ebs.csi.aws.com')).toBe(false);
  });
});

describe('DRIVERS', () => {
  it('knows which drivers expand, snapshot and provision dynamically', () => {
    expect(DRIVERS.ebs.expansion && DRIVERS.ebs.snapshots).toBe(true);
    expect(DRIVERS.efs.expansion || DRIVERS.efs.snapshots).toBe(false);
    expect(DRIVERS['fsx-lustre'].expansion).toBe(true);
    expect(DRIVERS['fsx-lustre'].snapshots).toBe(false);
    expect(DRIVERS.s3.dynamicProvisioning).toBe(false);
    expect(DRIVERS.ontap.snapshots).toBe(true);
  });

  it('allows EBS ReadWriteMany only on io2 raw block (multi-attach)', () => {
    expect(
      supportedAccessModes('ebs', 'Filesystem', { type: 'io2' }),
    ).not.toContain('ReadWriteMany');
    expect(supportedAccessModes('ebs', 'Block', { type: 'io2' })).toContain(
      'ReadWriteMany',
    );
    expect(supportedAccessModes('ebs', 'Block', { type: 'gp3' })).not.toContain(
      'ReadWriteMany',
    );
    expect(supportedAccessModes('ebs', 'Filesystem')).not.toContain(
      'ReadOnlyMany',
    );
  });

  it('gives ONTAP SAN file systems single-node modes only', () => {
    expect(
      supportedAccessModes('ontap', 'Filesystem', { backendType: 'ontap-san' }),
    ).toEqual(['ReadWriteOnce', 'ReadWriteOncePod']);
    expect(
      supportedAccessModes('ontap', 'Filesystem', { backendType: 'ontap-nas' }),
    ).toContain('ReadWriteMany');
  });
});

describe('ebsVolumeLimits', () => {
  it('returns the limits of each type', () => {
    expect(ebsVolumeLimits('gp3')).toMatchObject({
      minIops: 3000,
      maxIopsPerGiB: 500,
      baselineThroughput: 125,
    });
    expect(ebsVolumeLimits('IO2')).toMatchObject({
      maxIops: 256000,
      maxIopsPerGiB: 1000,
      maxSizeGiB: 65536,
    });
    expect(ebsVolumeLimits('io1')).toMatchObject({
      minSizeGiB: 4,
      maxIops: 64000,
      maxIopsPerGiB: 50,
    });
    expect(ebsVolumeLimits('st1')).toMatchObject({
      minSizeGiB: 125,
      maxThroughput: 500,
    });
    expect(ebsVolumeLimits('sc1')).toMatchObject({
      minSizeGiB: 125,
      maxThroughput: 250,
    });
    expect(ebsVolumeLimits('gp2')).toMatchObject({
      iopsSettable: false,
      maxThroughput: 250,
    });
    expect(ebsVolumeLimits('nvme')).toBeUndefined();
  });
});

describe('roundFsxLustreCapacityGiB', () => {
  it.each([
    [0, 'SCRATCH_1', 'SSD', undefined, 1200],
    [100, 'SCRATCH_1', 'SSD', undefined, 1200],
    [1300, 'SCRATCH_1', 'SSD', undefined, 2400],
    [2500, 'SCRATCH_1', 'SSD', undefined, 3600],
    [3700, 'SCRATCH_1', 'SSD', undefined, 7200],
    [1000, 'SCRATCH_2', 'SSD', undefined, 1200],
    [1300, 'SCRATCH_2', 'SSD', undefined, 2400],
    [2500, 'PERSISTENT_1', 'SSD', 200, 4800],
    [5000, 'PERSISTENT_2', 'SSD', 125, 7200],
    [100, 'PERSISTENT_1', 'HDD', 12, 6000],
    [6001, 'PERSISTENT_1', 'HDD', 12, 12000],
    [100, 'PERSISTENT_1', 'HDD', 40, 1800],
    [1900, 'PERSISTENT_1', 'HDD', 40, 3600],
  ])(
    '%d GiB on %s %s %s → %d GiB',
    (requested, deployment, storage, throughput, expected) => {
      expect(
        roundFsxLustreCapacityGiB(requested, deployment, storage, throughput),
      ).toBe(expected);
    },
  );

  it('refuses to grow SCRATCH_1 and off-step sizes', () => {
    expect(fsxLustreExpansionError('SCRATCH_1', 4800)).toMatch(
      /cannot be expanded/,
    );
    expect(fsxLustreExpansionError('PERSISTENT_2', 3000)).toMatch(
      /multiple of 2400 GiB; ask for 4800 GiB/,
    );
    expect(fsxLustreExpansionError('PERSISTENT_2', 4800)).toBeUndefined();
  });
});

describe('checkStorageClassParameters', () => {
  const codes = (
    provisioner: string,
    parameters: Record<string, string>,
    capacityBytes?: number,
  ) =>
    checkStorageClassParameters(provisioner, parameters, { capacityBytes }).map(
      e => `${e.code}: ${e.message}`,
    );

  it.each<[string, string, Record<string, string>, string[]]>([
    [
      'valid gp3',
      'ebs.csi.aws.com',
      {
        type: 'gp3',
        iops: '4000',
        throughput: '250',
        encrypted: 'true',
        'csi.storage.k8s.io/fstype': 'xfs',
      },
      [],
    ],
    [
      'unknown key',
      'ebs.csi.aws.com',
      { type: 'gp3', sizeGB: '10' },
      [
        'ebs-invalid-parameter-key: Invalid parameter key sizeGB for CreateVolume',
      ],
    ],
    [
      'iops and iopsPerGB',
      'ebs.csi.aws.com',
      { type: 'io2', iops: '1000', iopsPerGB: '10' },
      [
        'ebs-iops-and-iops-per-gb: invalid StorageClass parameters; specify either IOPS or IOPSPerGb, not both',
      ],
    ],
    [
      'case-insensitive keys',
      'ebs.csi.eks.amazonaws.com',
      { TYPE: 'gp3', IopsPerGb: '10' },
      [],
    ],
    [
      'bad type',
      'ebs.csi.aws.com',
      { type: 'gp4' },
      [
        'ebs-invalid-volume-type: invalid AWS VolumeType "gp4"; use one of gp3, gp2, io1, io2, st1, sc1, standard',
      ],
    ],
    [
      'iops on gp2',
      'ebs.csi.aws.com',
      { type: 'gp2', iops: '3000' },
      [
        'ebs-iops-not-settable: IOPS cannot be set on volume type gp2; only io1, io2 and gp3 take iops or iopsPerGB',
      ],
    ],
    [
      'throughput on io2',
      'ebs.csi.aws.com',
      { type: 'io2', throughput: '500' },
      [
        'ebs-throughput-not-settable: Throughput cannot be set on volume type io2; only gp3 takes throughput',
      ],
    ],
    [
      'throughput too high',
      'ebs.csi.aws.com',
      { type: 'gp3', throughput: '5000' },
      [
        'ebs-throughput-out-of-range: Throughput of 5000 MiB/s is invalid for gp3; it must be between 125 and 2000 MiB/s',
      ],
    ],
    [
      'bad fstype',
      'ebs.csi.aws.com',
      { 'csi.storage.k8s.io/fstype': 'ntfs' },
      [
        'ebs-invalid-fstype: fstype ntfs is not supported; use one of ext4, xfs, ext3',
      ],
    ],
    [
      'valid efs',
      'efs.csi.aws.com',
      {
        provisioningMode: 'efs-ap',
        fileSystemId: 'fs-0123456789abcdef0',
        directoryPerms: '700',
        gidRangeStart: '1000',
        gidRangeEnd: '2000',
      },
      [],
    ],
    [
      'efs no mode',
      'efs.csi.aws.com',
      { fileSystemId: 'fs-0123456789abcdef0', directoryPerms: '700' },
      ['efs-missing-provisioning-mode: Missing provisioningMode parameter'],
    ],
    [
      'efs bad mode',
      'efs.csi.aws.com',
      {
        provisioningMode: 'efs-fs',
        fileSystemId: 'fs-0123456789abcdef0',
        directoryPerms: '700',
      },
      [
        "efs-unsupported-provisioning-mode: Provisioning mode efs-fs is not supported. Only Access point provisioning 'efs-ap' or 's3files-ap' are supported",
      ],
    ],
    [
      'efs gid end missing',
      'efs.csi.aws.com',
      {
        provisioningMode: 'efs-ap',
        fileSystemId: 'fs-0123456789abcdef0',
        directoryPerms: '700',
        gidRangeStart: '1000',
      },
      ['efs-missing-gid-range-end: Missing gidRangeEnd parameter'],
    ],
    [
      'efs gid end not greater',
      'efs.csi.aws.com',
      {
        provisioningMode: 'efs-ap',
        fileSystemId: 'fs-0123456789abcdef0',
        directoryPerms: '700',
        gidRangeStart: '2000',
        gidRangeEnd: '2000',
      },
      [
        'efs-gid-range-end-not-greater: gidRangeEnd must be greater than gidRangeStart',
      ],
    ],
    [
      'efs two file systems',
      'efs.csi.aws.com',
      {
        provisioningMode: 'efs-ap',
        fileSystemId: 'fs-0123456789abcdef0',
        fileSystemIdSecretRef: 'ns/s/k',
        directoryPerms: '700',
      },
      [
        'efs-ambiguous-file-system-id: Only one of fileSystemId, fileSystemIdConfigRef and fileSystemIdSecretRef may be set; found fileSystemId, fileSystemIdSecretRef',
      ],
    ],
    [
      'valid fsx',
      'fsx.csi.aws.com',
      {
        subnetId: 'subnet-0abc',
        securityGroupIds: 'sg-1',
        deploymentType: 'PERSISTENT_2',
        perUnitStorageThroughput: '250',
      },
      [],
    ],
    [
      'fsx hdd on scratch',
      'fsx.csi.aws.com',
      {
        subnetId: 'subnet-0abc',
        deploymentType: 'SCRATCH_2',
        storageType: 'HDD',
      },
      [
        'fsx-hdd-needs-persistent-1: storageType HDD is only available with deploymentType PERSISTENT_1, not SCRATCH_2',
      ],
    ],
    [
      'fsx bad throughput',
      'fsx.csi.aws.com',
      {
        subnetId: 'subnet-0abc',
        deploymentType: 'PERSISTENT_1',
        perUnitStorageThroughput: '125',
      },
      [
        'fsx-invalid-throughput: perUnitStorageThroughput 125 is invalid for PERSISTENT_1 SSD; use one of 50, 100, 200',
      ],
    ],
    [
      'fsx export without import',
      'fsx.csi.aws.com',
      { subnetId: 'subnet-0abc', s3ExportPath: 's3://b/out' },
      ['fsx-export-needs-import: s3ExportPath requires s3ImportPath'],
    ],
    [
      's3 dynamic',
      's3.csi.aws.com',
      { bucketName: 'b' },
      [
        's3-dynamic-not-supported: Mountpoint for Amazon S3 supports static provisioning only: create a PersistentVolume with csi.volumeAttributes.bucketName and bind a PVC to it with storageClassName ""',
      ],
    ],
    [
      'ontap bad backend',
      'csi.trident.netapp.io',
      { backendType: 'ontap-nfs' },
      [
        'ontap-invalid-attribute: Invalid value ontap-nfs for backendType; use one of ontap-nas, ontap-nas-economy, ontap-nas-flexgroup, ontap-san, ontap-san-economy',
      ],
    ],
    ['in-tree class', 'kubernetes.io/aws-ebs', { type: 'gp2' }, []],
  ])('%s', (_name, provisioner, parameters, expected) => {
    expect(codes(provisioner, parameters)).toEqual(expected);
  });

  it.each<[string, Record<string, string>, number, string[]]>([
    [
      'gp3 iops over 500/GiB is capped, not an error',
      { type: 'gp3', iops: '16000' },
      10 * GIB,
      [],
    ],
    [
      'io1 too small',
      { type: 'io1' },
      2 * GIB,
      [
        'ebs-size-out-of-range: Volume of 2 GiB is invalid for volume type io1; the size must be between 4 GiB and 16384 GiB',
      ],
    ],
    [
      'st1 too small',
      { type: 'st1' },
      100 * GIB,
      [
        'ebs-size-out-of-range: Volume of 100 GiB is invalid for volume type st1; the size must be between 125 GiB and 16384 GiB',
      ],
    ],
    [
      'io2 iops below minimum',
      { type: 'io2', iops: '50' },
      10 * GIB,
      [
        'ebs-iops-too-low: invalid combination of volume size 10 GiB and IOPS 50: the IOPS is too low for io2, it must be at least 100 (or set allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'io2 iops below minimum allowed to rise',
      { type: 'io2', iopsPerGB: '1', allowAutoIOPSPerGBIncrease: 'true' },
      10 * GIB,
      [],
    ],
    [
      'gp3 throughput above 0.25/IOPS',
      { type: 'gp3', throughput: '1000' },
      100 * GIB,
      [
        'ebs-throughput-iops-ratio: Throughput of 1000 MiB/s is too high for 3000 IOPS; gp3 allows at most 0.25 MiB/s per provisioned IOPS (raise iops to at least 4000)',
      ],
    ],
  ])('EBS size-dependent: %s', (_name, parameters, capacityBytes, expected) => {
    expect(codes('ebs.csi.aws.com', parameters, capacityBytes)).toEqual(
      expected,
    );
  });

  it('rejects ONTAP volumes under 20 MiB', () => {
    expect(
      codes(
        'csi.trident.netapp.io',
        { backendType: 'ontap-nas' },
        10 * 2 ** 20,
      ),
    ).toEqual([
      'ontap-size-too-small: Requested size 10485760 bytes is below the ONTAP minimum volume size of 20 MiB',
    ]);
  });

  it('rejects multi-attach on anything but io2', () => {
    expect(
      checkStorageClassParameters(
        'ebs.csi.aws.com',
        { type: 'gp3' },
        { multiAttach: true },
      ),
    ).toEqual([
      {
        code: 'ebs-multi-attach-not-io2',
        message: 'CreateDisk: multi-attach is only supported for io2 volumes',
      },
    ]);
    expect(
      checkStorageClassParameters(
        'ebs.csi.aws.com',
        { type: 'io2' },
        { multiAttach: true, capacityBytes: 100 * GIB },
      ),
    ).toEqual([]);
  });
});
