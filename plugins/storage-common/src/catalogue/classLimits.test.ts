import { checkStorageClassLimits } from '..';

const EBS = 'ebs.csi.aws.com';

describe('checkStorageClassLimits', () => {
  it.each<[string, string, Record<string, string>, string[]]>([
    ['gp3 defaults', EBS, { type: 'gp3' }, []],
    [
      'gp3 within limits',
      EBS,
      { type: 'gp3', iops: '6000', throughput: '500' },
      [],
    ],
    [
      'io1 IOPS below the minimum at any size',
      EBS,
      { type: 'io1', iops: '50' },
      [
        'error ebs-iops-too-low iops: IOPS 50 is too low for io1 at any size: it must be at least 100 (or set allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'io1 IOPS below the minimum with automatic increase',
      EBS,
      { type: 'io1', iops: '50', allowAutoIOPSPerGBIncrease: 'true' },
      [],
    ],
    [
      'gp3 IOPS below its 3,000 floor',
      EBS,
      { type: 'gp3', iops: '2000' },
      [
        'error ebs-iops-too-low iops: IOPS 2,000 is too low for gp3 at any size: it must be at least 3,000 (or set allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'io2 IOPS above its maximum',
      EBS,
      { type: 'io2', iops: '300000' },
      [
        'warning ebs-iops-above-maximum iops: IOPS 300,000 is above the io2 maximum of 256,000: EBS caps it silently, so volumes get at most 256,000',
      ],
    ],
    [
      'io1 IOPS above its maximum',
      EBS,
      { type: 'io1', iops: '64001' },
      [
        'warning ebs-iops-above-maximum iops: IOPS 64,001 is above the io1 maximum of 64,000: EBS caps it silently, so volumes get at most 64,000',
      ],
    ],
    [
      'io1 iopsPerGB above 50 per GiB',
      EBS,
      { type: 'io1', iopsPerGB: '60' },
      [
        'warning ebs-iops-per-gb-above-maximum iopsPerGB: iopsPerGB 60 is above the io1 maximum of 50 IOPS per GiB: EBS caps it silently, so volumes get at most 50 per GiB',
      ],
    ],
    [
      'gp3 iopsPerGB too low for small volumes',
      EBS,
      { type: 'gp3', iopsPerGB: '10' },
      [
        'warning ebs-iops-per-gb-small-volumes iopsPerGB: iopsPerGB 10 gives fewer than the gp3 minimum of 3,000 IOPS below 300 GiB: claims smaller than 300Gi fail to provision (unless allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'io2 iopsPerGB of zero never reaches the minimum',
      EBS,
      { type: 'io2', iopsPerGB: '0' },
      [
        'error ebs-iops-too-low iopsPerGB: iopsPerGB 0 gives fewer than the io2 minimum of 100 IOPS at every size up to 65,536 GiB (or set allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'io2 iopsPerGB 50 (the demo class)',
      EBS,
      { type: 'io2', iopsPerGB: '50' },
      [],
    ],
    [
      'gp3 throughput above the baseline IOPS ratio',
      EBS,
      { type: 'gp3', throughput: '1000' },
      [
        'error ebs-throughput-iops-ratio throughput: Throughput of 1,000 MiB/s is too high for 3,000 IOPS; gp3 allows at most 0.25 MiB/s per provisioned IOPS (raise iops to at least 4,000)',
      ],
    ],
    [
      'gp3 throughput above the ratio of its fixed IOPS',
      EBS,
      { type: 'gp3', iops: '3000', throughput: '800' },
      [
        'error ebs-throughput-iops-ratio throughput: Throughput of 800 MiB/s is too high for 3,000 IOPS; gp3 allows at most 0.25 MiB/s per provisioned IOPS (raise iops to at least 3,200)',
      ],
    ],
    [
      'gp3 throughput with iopsPerGB depends on the size: not judged',
      EBS,
      { type: 'gp3', iopsPerGB: '500', throughput: '1000' },
      [
        'warning ebs-iops-per-gb-small-volumes iopsPerGB: iopsPerGB 500 gives fewer than the gp3 minimum of 3,000 IOPS below 6 GiB: claims smaller than 6Gi fail to provision (unless allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'both iops and iopsPerGB: reported by the parameter check',
      EBS,
      { type: 'io2', iops: '10', iopsPerGB: '0' },
      [],
    ],
    [
      'gp2 takes no IOPS: reported by the parameter check',
      EBS,
      { type: 'gp2', iops: '10' },
      [],
    ],
    [
      'keys are case-insensitive',
      EBS,
      { Type: 'io1', IOPS: '50' },
      [
        'error ebs-iops-too-low iops: IOPS 50 is too low for io1 at any size: it must be at least 100 (or set allowAutoIOPSPerGBIncrease: "true")',
      ],
    ],
    [
      'other drivers have no class-level limits',
      'efs.csi.aws.com',
      { iops: '1' },
      [],
    ],
    ['unknown provisioners', 'example.com/nfs', { iops: '1' }, []],
  ])('%s', (_name, provisioner, parameters, expected) => {
    expect(
      checkStorageClassLimits(provisioner, parameters).map(
        p => `${p.severity} ${p.code} ${p.key}: ${p.message}`,
      ),
    ).toEqual(expected);
  });

  it('never throws on junk', () => {
    expect(checkStorageClassLimits(EBS, null as never)).toEqual([]);
    expect(checkStorageClassLimits(undefined as never, {})).toEqual([]);
  });
});
