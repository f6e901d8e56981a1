import { DEFAULT_PRICES } from '../cost';
import { exampleOffering } from '../model/exampleOfferings';
import { GIB } from '../quantity';
import { DEFAULT_FLEET_RULES } from './rules';
import {
  findOverProvisioned,
  suggestUsage,
  volumeUsageFromSummary,
} from './usage';
import {
  NOW,
  boundPair,
  claim,
  daysBefore,
  hoursBefore,
  storageClass,
} from './__fixtures__/objects';
import { ClusterStorage, VolumeUsageSample } from './types';

const classes = [
  storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3', encrypted: 'true' }),
  storageClass(
    'gp3-fixed',
    'ebs.csi.aws.com',
    { type: 'gp3' },
    { allowVolumeExpansion: false },
  ),
  storageClass('io2', 'ebs.csi.aws.com', { type: 'io2', iops: '4000' }),
  storageClass('efs', 'efs.csi.aws.com', {}),
  storageClass('fsx-scratch', 'fsx.csi.aws.com', {
    subnetId: 'subnet-1',
    deploymentType: 'SCRATCH_2',
  }),
];

/** Readings of one claim every `stepHours` from `fromDaysAgo` until now at a fixed share. */
function readings(
  namespace: string,
  name: string,
  size: number,
  share: number | ((i: number) => number),
  fromDaysAgo = 0,
  stepHours = 24,
): VolumeUsageSample[] {
  const samples: VolumeUsageSample[] = [];
  const count = Math.floor((fromDaysAgo * 24) / stepHours);
  for (let i = 0; i <= count; i++) {
    const fraction = typeof share === 'number' ? share : share(i);
    samples.push({
      namespace,
      claim: name,
      time: hoursBefore((count - i) * stepHours),
      usedBytes: Math.round(size * GIB * fraction),
      capacityBytes: size * GIB,
    });
  }
  return samples;
}

function storageWith(
  ...pairs: Array<ReturnType<typeof boundPair>>
): ClusterStorage {
  return {
    cluster: 'eks-prod',
    storageClasses: classes,
    persistentVolumeClaims: pairs.map(([pvc]) => pvc),
    persistentVolumes: pairs.map(([, pv]) => pv),
  };
}

const input = (
  storage: ClusterStorage,
  samples: VolumeUsageSample[],
  extra = {},
) => ({
  storage,
  samples,
  prices: DEFAULT_PRICES,
  rules: DEFAULT_FLEET_RULES,
  now: NOW,
  offerings: [exampleOffering('ebs-gp3'), exampleOffering('ebs-io2')],
  ...extra,
});

const summary = (f: ReturnType<typeof suggestUsage>[number]) => ({
  line: `${f.severity} ${f.code} ${f.object.namespace}/${f.object.name}: ${f.title}`,
  suggestion: f.suggestion,
});

describe('volumeUsageFromSummary', () => {
  it('reads each claim-backed volume once, with its time', () => {
    const stats = {
      node: { nodeName: 'ip-10-0-1-5.ec2.internal' },
      pods: [
        {
          podRef: { name: 'ledger-0', namespace: 'payments' },
          volume: [
            {
              name: 'data',
              time: '2026-03-10T11:59:00Z',
              capacityBytes: 20 * GIB,
              usedBytes: 17 * GIB,
              availableBytes: 3 * GIB,
              pvcRef: { name: 'ledger', namespace: 'payments' },
            },
            { name: 'tmp', capacityBytes: 1, usedBytes: 1 },
          ],
        },
        {
          podRef: { name: 'ledger-reader', namespace: 'payments' },
          volume: [
            {
              name: 'data',
              capacityBytes: 20 * GIB,
              usedBytes: 17 * GIB,
              pvcRef: { name: 'ledger', namespace: 'payments' },
            },
            {
              name: 'cache',
              capacityBytes: 10 * GIB,
              usedBytes: 1 * GIB,
              pvcRef: { name: 'cache', namespace: 'payments' },
            },
          ],
        },
        { podRef: { name: 'no-volumes' } },
        'junk',
      ],
    };
    expect(volumeUsageFromSummary(stats, NOW)).toEqual([
      {
        namespace: 'payments',
        claim: 'ledger',
        time: '2026-03-10T11:59:00.000Z',
        usedBytes: 17 * GIB,
        capacityBytes: 20 * GIB,
      },
      {
        namespace: 'payments',
        claim: 'cache',
        time: NOW,
        usedBytes: GIB,
        capacityBytes: 10 * GIB,
      },
    ]);
  });

  it.each([
    undefined,
    null,
    'text',
    { pods: 'x' },
    { pods: [{ volume: [{ pvcRef: {} }] }] },
  ])('returns nothing for %j', junk =>
    expect(volumeUsageFromSummary(junk, NOW)).toEqual([]),
  );
});

describe('suggestUsage', () => {
  it.each<
    [
      string,
      ClusterStorage,
      VolumeUsageSample[],
      Record<string, unknown>,
      Array<ReturnType<typeof summary>>,
    ]
  >([
    [
      'a claim above 80% gets a resize that brings it back to 60%, priced',
      storageWith(boundPair('payments', 'ledger', { size: '20Gi' })),
      readings('payments', 'ledger', 20, 0.86),
      {},
      [
        {
          line: 'warning resize-suggested payments/ledger: Claim payments/ledger is 86% full (17.2 GiB of 20 GiB)',
          suggestion: {
            action: 'resize',
            fromSize: '20Gi',
            toSize: '29Gi',
            usedFraction: 0.86,
            monthlySavingUsd: -0.72,
          },
        },
      ],
    ],
    [
      'a nearly full claim is an error',
      storageWith(boundPair('payments', 'ledger', { size: '20Gi' })),
      readings('payments', 'ledger', 20, 0.97),
      {},
      [
        expect.objectContaining({
          line: 'error resize-suggested payments/ledger: Claim payments/ledger is 97% full (19.4 GiB of 20 GiB)',
        }),
      ],
    ],
    [
      'EBS modified two hours ago: the resize waits for the six-hour window',
      storageWith(boundPair('payments', 'ledger', { size: '20Gi' })),
      readings('payments', 'ledger', 20, 0.9),
      {
        modifications: [
          { namespace: 'payments', claim: 'ledger', at: hoursBefore(2) },
        ],
      },
      [
        expect.objectContaining({
          suggestion: expect.objectContaining({
            toSize: '30Gi',
            notBefore: '2026-03-10T16:00:00.000Z',
          }),
        }),
      ],
    ],
    [
      'the window read from the claim’s resize condition',
      storageWith(
        boundPair('payments', 'ledger', {
          size: '20Gi',
          conditions: [
            {
              type: 'FileSystemResizePending',
              lastTransitionTime: hoursBefore(5),
            },
          ],
        }),
      ),
      readings('payments', 'ledger', 20, 0.9),
      {},
      [
        expect.objectContaining({
          suggestion: expect.objectContaining({
            notBefore: '2026-03-10T13:00:00.000Z',
          }),
        }),
      ],
    ],
    [
      'a modification older than six hours does not hold the resize',
      storageWith(boundPair('payments', 'ledger', { size: '20Gi' })),
      readings('payments', 'ledger', 20, 0.9),
      {
        modifications: [
          { namespace: 'payments', claim: 'ledger', at: hoursBefore(7) },
        ],
      },
      [
        expect.objectContaining({
          suggestion: expect.not.objectContaining({
            notBefore: expect.anything(),
          }),
        }),
      ],
    ],
    [
      'FSx for Lustre grows in steps of 2400 GiB',
      storageWith(
        boundPair('ml', 'scratch', {
          size: '1200Gi',
          className: 'fsx-scratch',
          driver: 'fsx.csi.aws.com',
        }),
      ),
      readings('ml', 'scratch', 1200, 0.9),
      {},
      [
        expect.objectContaining({
          suggestion: expect.objectContaining({
            action: 'resize',
            toSize: '2400Gi',
            monthlySavingUsd: -168,
          }),
        }),
      ],
    ],
    [
      'a claim used below 20% for 8 days: shrink by migration, with the saving',
      storageWith(boundPair('payments', 'db', { size: '100Gi' })),
      readings('payments', 'db', 100, 0.1, 8),
      { offerings: [] },
      [
        {
          line: 'info shrink-suggested payments/db: Claim payments/db has had less than 20% of its 100Gi used for 8 days',
          suggestion: {
            action: 'shrink-by-migration',
            fromSize: '100Gi',
            toSize: '17Gi',
            usedFraction: 0.1,
            monthlySavingUsd: 6.64,
          },
        },
      ],
    ],
    [
      'below 20% for only 3 days: nothing yet',
      storageWith(boundPair('payments', 'db', { size: '100Gi' })),
      readings('payments', 'db', 100, 0.1, 3),
      {},
      [],
    ],
    [
      'a busy day inside the window resets the run',
      storageWith(boundPair('payments', 'db', { size: '100Gi' })),
      readings('payments', 'db', 100, i => (i === 4 ? 0.5 : 0.1), 10),
      {},
      [],
    ],
    [
      'an io2 claim mostly empty: a cheaper offering fits',
      storageWith(
        boundPair('payments', 'ledger-io2', {
          size: '200Gi',
          className: 'io2',
        }),
      ),
      readings('payments', 'ledger-io2', 200, 0.05, 7),
      {},
      [
        expect.objectContaining({
          suggestion: {
            action: 'smaller-offering',
            fromSize: '200Gi',
            toSize: '17Gi',
            offering: 'ebs-gp3',
            usedFraction: 0.05,
            monthlySavingUsd: 283.64,
          },
        }),
      ],
    ],
    [
      'a class that cannot expand: move the data instead',
      storageWith(
        boundPair('payments', 'ledger', {
          size: '20Gi',
          className: 'gp3-fixed',
        }),
      ),
      readings('payments', 'ledger', 20, 0.9),
      {},
      [
        expect.objectContaining({
          suggestion: expect.objectContaining({
            action: 'resize',
            toSize: '30Gi',
          }),
        }),
      ],
    ],
    [
      'EFS reports a nominal size: no suggestion',
      storageWith(
        boundPair('checkout', 'receipts', {
          size: '5Gi',
          className: 'efs',
          driver: 'efs.csi.aws.com',
        }),
      ),
      readings('checkout', 'receipts', 5, 0.99, 10),
      {},
      [],
    ],
    [
      'claims that are not Bound and claims without readings',
      {
        cluster: 'eks-prod',
        storageClasses: classes,
        persistentVolumeClaims: [
          claim('payments', 'pending', { phase: 'Pending' }),
          claim('payments', 'quiet'),
        ],
      },
      readings('payments', 'pending', 20, 0.95),
      {},
      [],
    ],
  ])('%s', (_name, storage, samples, extra, expected) => {
    expect(suggestUsage(input(storage, samples, extra)).map(summary)).toEqual(
      expected,
    );
  });

  it('explains the six-hour window in the fix', () => {
    const [finding] = suggestUsage(
      input(
        storageWith(boundPair('payments', 'ledger', { size: '20Gi' })),
        readings('payments', 'ledger', 20, 0.9),
        {
          modifications: [
            { namespace: 'payments', claim: 'ledger', at: hoursBefore(2) },
          ],
        },
      ),
    );
    expect(finding.fix).toBe(
      'Resize it to 30Gi (about $0.80 more a month) after 2026-03-10T16:00:00.000Z: EBS allows one modification per volume every six hours, and this volume was modified at 2026-03-10T10:00:00.000Z.',
    );
    expect(finding.id).toBe(
      'eks-prod:resize-suggested:PersistentVolumeClaim:payments:ledger',
    );
  });

  it('says what to do when the class cannot expand or the offering is at its maximum', () => {
    const [fixed] = suggestUsage(
      input(
        storageWith(
          boundPair('payments', 'ledger', {
            size: '20Gi',
            className: 'gp3-fixed',
          }),
        ),
        readings('payments', 'ledger', 20, 0.9),
      ),
    );
    expect(fixed.fix).toMatch(
      /^Its StorageClass gp3-fixed does not allow expansion: move the data to a new claim of 30Gi/,
    );
    const [capped] = suggestUsage(
      input(
        storageWith(
          boundPair('payments', 'ledger', {
            size: '2Ti',
            labels: { 'storage.backstage.io/offering': 'ebs-gp3' },
          }),
        ),
        readings('payments', 'ledger', 2048, 0.9),
      ),
    );
    expect(capped.fix).toMatch(
      /largest size its offering "Block storage \(EBS gp3\)" allows/,
    );
  });
});

describe('findOverProvisioned', () => {
  it('reports the same claims as the shrink suggestion, as waste', () => {
    const storage = storageWith(boundPair('payments', 'db', { size: '100Gi' }));
    const samples = readings('payments', 'db', 100, 0.1, 8);
    const [waste] = findOverProvisioned(
      input(storage, samples, { offerings: [] }),
    );
    expect(waste).toMatchObject({
      section: 'waste',
      code: 'over-provisioned',
      severity: 'info',
      title:
        'Claim payments/db is provisioned far above its use: less than 20% of its 100Gi used for 8 days',
      monthlyUsd: 6.64,
      since: daysBefore(8),
      ageDays: 8,
    });
  });
});
