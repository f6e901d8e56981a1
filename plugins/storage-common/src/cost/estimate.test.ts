import { exampleOffering } from '../model/exampleOfferings';
import { storageRequestSchema } from '../model/request';
import { estimateMonthlyCost } from './estimate';
import { DEFAULT_PRICES, resolvePrices } from './prices';

const request = (
  offering: string,
  size: string,
  accessMode = 'ReadWriteOnce',
) =>
  storageRequestSchema.parse({
    operation: 'create',
    entityRef: 'component:default/payments',
    cluster: 'prod',
    namespace: 'payments',
    claimName: 'data',
    offering,
    size,
    accessMode,
  });

const withParameters = (id: string, parameters: Record<string, string>) => ({
  ...exampleOffering(id),
  parameters,
});

describe('estimateMonthlyCost', () => {
  it.each<
    [
      string,
      ReturnType<typeof exampleOffering>,
      string,
      number,
      Array<[string, number]>,
    ]
  >([
    [
      'gp3 at baseline',
      exampleOffering('ebs-gp3'),
      '100Gi',
      8,
      [['storage', 8]],
    ],
    [
      'gp3 with extra IOPS and throughput',
      withParameters('ebs-gp3', {
        type: 'gp3',
        iops: '6000',
        throughput: '250',
      }),
      '100Gi',
      28,
      [
        ['storage', 8],
        ['iops', 15],
        ['throughput', 5],
      ],
    ],
    [
      'gp2',
      withParameters('ebs-gp3', { type: 'gp2' }),
      '100Gi',
      10,
      [['storage', 10]],
    ],
    [
      'io1',
      withParameters('ebs-gp3', { type: 'io1', iops: '1000' }),
      '100Gi',
      77.5,
      [
        ['storage', 12.5],
        ['iops', 65],
      ],
    ],
    [
      'io2 across IOPS tiers',
      withParameters('ebs-gp3', { type: 'io2', iops: '40000' }),
      '100Gi',
      2456.5,
      [
        ['storage', 12.5],
        ['iops', 2080],
        ['iops', 364],
      ],
    ],
    [
      'st1',
      withParameters('ebs-gp3', { type: 'st1' }),
      '500Gi',
      22.5,
      [['storage', 22.5]],
    ],
    [
      'sc1',
      withParameters('ebs-gp3', { type: 'sc1' }),
      '1Ti',
      15.36,
      [['storage', 15.36]],
    ],
    [
      'FSx SCRATCH_2 rounded up',
      exampleOffering('fsx-scratch'),
      '2000Gi',
      336,
      [['storage', 336]],
    ],
    [
      'FSx PERSISTENT_2 250',
      withParameters('fsx-scratch', {
        subnetId: 's',
        deploymentType: 'PERSISTENT_2',
        perUnitStorageThroughput: '250',
      }),
      '2400Gi',
      504,
      [['storage', 504]],
    ],
  ])('%s', (_name, offering, size, total, lines) => {
    const estimate = estimateMonthlyCost(
      request(offering.id, size),
      offering,
      DEFAULT_PRICES,
    );
    expect(estimate.totalMonthlyUsd).toBe(total);
    expect(estimate.breakdown.map(l => [l.item, l.monthlyUsd])).toEqual(lines);
    expect(estimate).toMatchObject({
      currency: 'USD',
      region: 'us-east-1',
      priceDate: '2025-06-01',
      billedByUse: false,
    });
  });

  it('says EFS and S3 are billed by use instead of pretending', () => {
    expect(
      estimateMonthlyCost(
        request('efs-shared', '100Gi', 'ReadWriteMany'),
        exampleOffering('efs-shared'),
        DEFAULT_PRICES,
      ),
    ).toMatchObject({
      totalMonthlyUsd: undefined,
      billedByUse: true,
      usagePricePerGiBMonth: 0.3,
      notes: [
        'EFS is billed by the data you store ($0.3 per GiB-month on Standard); the requested size is ignored.',
      ],
    });
    expect(
      estimateMonthlyCost(
        request('s3-bucket', '1Gi', 'ReadOnlyMany'),
        exampleOffering('s3-bucket'),
        DEFAULT_PRICES,
      ),
    ).toMatchObject({
      totalMonthlyUsd: undefined,
      billedByUse: true,
      usagePricePerGiBMonth: 0.023,
    });
  });

  it('notes FSx rounding', () => {
    expect(
      estimateMonthlyCost(
        request('fsx-scratch', '2000Gi', 'ReadWriteMany'),
        exampleOffering('fsx-scratch'),
        DEFAULT_PRICES,
      ).notes,
    ).toEqual([
      'FSx for Lustre rounds the size up to 2400 GiB; the estimate uses 2400 GiB.',
    ]);
  });

  it('lets config override prices and reports bad overrides', () => {
    const { prices, errors } = resolvePrices({
      region: 'eu-west-1',
      effectiveDate: '2026-01-01',
      ebs: { gp3: { perGiBMonth: 0.088 } },
    });
    expect(errors).toEqual([]);
    expect(prices.ebs.gp3).toEqual({
      perGiBMonth: 0.088,
      perIopsMonth: 0.005,
      perMiBpsMonth: 0.04,
    });
    expect(
      estimateMonthlyCost(
        request('ebs-gp3', '100Gi'),
        exampleOffering('ebs-gp3'),
        prices,
      ),
    ).toMatchObject({ totalMonthlyUsd: 8.8, region: 'eu-west-1' });
    expect(resolvePrices({ ebs: { gp3: { perGiBMonth: -1 } } }).errors).toEqual(
      [
        'storage.prices.ebs.gp3.perGiBMonth: Too small: expected number to be >=0',
      ],
    );
  });
});
