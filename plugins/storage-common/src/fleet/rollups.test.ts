import { DEFAULT_PRICES } from '../cost';
import { GIB } from '../quantity';
import { claimInventory, costTrend, rollUpCosts } from './rollups';
import {
  NOW,
  boundPair,
  claim,
  storageClass,
  volume,
} from './__fixtures__/objects';
import { ClusterStorage, FleetEntity } from './types';

const ENTITIES: FleetEntity[] = [
  {
    entityRef: 'component:default/payments-api',
    kubernetesId: 'payments-api',
    owner: 'group:default/payments-team',
    system: 'system:default/payments',
  },
  {
    entityRef: 'component:default/analytics-pipeline',
    labelSelector: 'app=analytics',
    owner: 'group:default/data-team',
  },
];
const id = (value: string) => ({
  labels: { 'backstage.io/kubernetes-id': value },
});

const dev: ClusterStorage = {
  cluster: 'eks-dev',
  storageClasses: [
    storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' }),
    storageClass('efs', 'efs.csi.aws.com', {}),
  ],
  persistentVolumeClaims: [
    boundPair('payments', 'ledger', {
      size: '100Gi',
      ...id('payments-api'),
    })[0],
    boundPair('checkout', 'receipts', {
      size: '5Gi',
      className: 'efs',
      driver: 'efs.csi.aws.com',
    })[0],
    claim('analytics', 'waiting', {
      phase: 'Pending',
      size: '50Gi',
      labels: { app: 'analytics' },
    }),
  ],
  persistentVolumes: [
    boundPair('payments', 'ledger', { size: '100Gi' })[1],
    boundPair('checkout', 'receipts', {
      size: '5Gi',
      className: 'efs',
      driver: 'efs.csi.aws.com',
    })[1],
    volume('pvc-left', {
      size: '30Gi',
      phase: 'Released',
      claimRef: { namespace: 'analytics', name: 'reports-2023' },
    }),
  ],
  formerClaims: [
    {
      namespace: 'analytics',
      name: 'reports-2023',
      labels: { app: 'analytics' },
    },
  ],
};
const prod: ClusterStorage = {
  cluster: 'eks-prod',
  storageClasses: [storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' })],
  persistentVolumeClaims: [
    boundPair('payments', 'ledger', {
      size: '200Gi',
      ...id('payments-api'),
    })[0],
  ],
  persistentVolumes: [boundPair('payments', 'ledger', { size: '200Gi' })[1]],
};

describe('rollUpCosts', () => {
  it('adds up monthly list prices by team, system, driver and cluster', () => {
    const rollup = rollUpCosts({
      clusters: [dev, prod],
      prices: DEFAULT_PRICES,
      entities: ENTITIES,
      usage: {
        'eks-dev': [
          {
            namespace: 'checkout',
            claim: 'receipts',
            time: NOW,
            usedBytes: 10 * GIB,
            capacityBytes: 2 ** 63,
          },
        ],
      },
    });
    expect(rollup).toEqual({
      currency: 'USD',
      region: 'us-east-1',
      priceDate: '2025-06-01',
      // 100 GiB + 200 GiB + 30 GiB of gp3 at $0.08, 10 GiB of EFS at $0.30
      totalMonthlyUsd: 29.4,
      byTeam: [
        { key: 'group:default/payments-team', monthlyUsd: 24, volumes: 2 },
        { key: 'unowned', monthlyUsd: 3, volumes: 1 },
        { key: 'group:default/data-team', monthlyUsd: 2.4, volumes: 1 },
      ],
      bySystem: [
        { key: 'system:default/payments', monthlyUsd: 24, volumes: 2 },
        { key: 'unowned', monthlyUsd: 5.4, volumes: 2 },
      ],
      byDriver: [
        { key: 'ebs', monthlyUsd: 26.4, volumes: 3 },
        { key: 'efs', monthlyUsd: 3, volumes: 1 },
      ],
      byCluster: [
        { key: 'eks-prod', monthlyUsd: 16, volumes: 1 },
        { key: 'eks-dev', monthlyUsd: 13.4, volumes: 3 },
      ],
      unpricedVolumes: 0,
    });
  });

  it('counts volumes billed by use without a reading as unpriced', () => {
    expect(
      rollUpCosts({ clusters: [dev], prices: DEFAULT_PRICES }).unpricedVolumes,
    ).toBe(1);
  });
});

describe('costTrend', () => {
  it.each<
    [string, Parameters<typeof costTrend>[0], ReturnType<typeof costTrend>]
  >([
    ['no samples', [], { points: [], changeUsd: 0 }],
    [
      'one point per day from the last sample of each key',
      [
        { time: '2026-03-01T10:00:00Z', key: 'eks-dev', monthlyUsd: 10 },
        { time: '2026-03-01T22:00:00Z', key: 'eks-dev', monthlyUsd: 12 },
        { time: '2026-03-01T12:00:00Z', key: 'eks-prod', monthlyUsd: 30 },
        { time: '2026-03-03T08:00:00Z', key: 'eks-dev', monthlyUsd: 9.5 },
        { time: '2026-03-03T08:00:00Z', key: 'eks-prod', monthlyUsd: 25 },
        { time: 'garbage', key: 'eks-prod', monthlyUsd: 1000 },
      ],
      {
        points: [
          { date: '2026-03-01', monthlyUsd: 42 },
          { date: '2026-03-03', monthlyUsd: 34.5 },
        ],
        changeUsd: -7.5,
        changePercent: -17.9,
      },
    ],
    [
      'from nothing',
      [
        { time: '2026-03-01T00:00:00Z', monthlyUsd: 0 },
        { time: '2026-03-02T00:00:00Z', monthlyUsd: 5 },
      ],
      {
        points: [
          { date: '2026-03-01', monthlyUsd: 0 },
          { date: '2026-03-02', monthlyUsd: 5 },
        ],
        changeUsd: 5,
      },
    ],
  ])('%s', (_name, samples, expected) => {
    expect(costTrend(samples)).toEqual(expected);
  });
});

describe('claimInventory', () => {
  it('counts claims and capacity by cluster, driver and state, and volumes without a claim', () => {
    expect(claimInventory([dev, prod])).toEqual([
      {
        cluster: 'eks-dev',
        driver: 'ebs',
        state: 'Bound',
        claims: 1,
        unclaimedVolumes: 0,
        capacityBytes: 100 * GIB,
      },
      {
        cluster: 'eks-dev',
        driver: 'ebs',
        state: 'Pending',
        claims: 1,
        unclaimedVolumes: 0,
        capacityBytes: 50 * GIB,
      },
      {
        cluster: 'eks-dev',
        driver: 'ebs',
        state: 'Released',
        claims: 0,
        unclaimedVolumes: 1,
        capacityBytes: 30 * GIB,
      },
      {
        cluster: 'eks-dev',
        driver: 'efs',
        state: 'Bound',
        claims: 1,
        unclaimedVolumes: 0,
        capacityBytes: 5 * GIB,
      },
      {
        cluster: 'eks-prod',
        driver: 'ebs',
        state: 'Bound',
        claims: 1,
        unclaimedVolumes: 0,
        capacityBytes: 200 * GIB,
      },
    ]);
  });
});
