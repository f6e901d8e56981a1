import { exampleOffering } from '../model/exampleOfferings';
import { StorageOffering } from '../model/offering';
import { planSnapshots, scheduledSnapshotName } from './snapshotSchedule';
import {
  NOW,
  claim,
  daysBefore,
  hoursBefore,
  snapshot,
  storageClass,
} from './__fixtures__/objects';
import { ClusterStorage } from './types';

const nightly: StorageOffering = {
  ...exampleOffering('ebs-gp3'),
  backup: { every: '24h', keep: 3 },
};
const efsNightly: StorageOffering = {
  ...exampleOffering('efs-shared'),
  backup: { every: '24h', keep: 3 },
};
const scheduled = (name: string, source: string, created: string, extra = {}) =>
  snapshot('payments', name, source, {
    created,
    labels: { 'storage.backstage.io/backup-schedule': 'ebs-gp3' },
    ...extra,
  });

const base: ClusterStorage = {
  cluster: 'eks-prod',
  storageClasses: [
    storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' }),
    storageClass('efs-sc', 'efs.csi.aws.com', {}),
  ],
  persistentVolumeClaims: [
    claim('payments', 'ledger', {
      labels: {
        'backstage.io/kubernetes-id': 'payments-api',
        'storage.backstage.io/offering': 'ebs-gp3',
      },
    }),
  ],
  volumeSnapshots: [],
};

describe('scheduledSnapshotName', () => {
  it('derives the name from the claim and the slot', () => {
    expect(
      scheduledSnapshotName('ledger', Date.parse('2026-03-10T00:00:00Z')),
    ).toBe('ledger-auto-20260310t0000');
  });
  it('stays a valid object name for the longest claim names', () => {
    const name = scheduledSnapshotName(
      'a'.repeat(253),
      Date.parse('2026-03-10T06:30:00Z'),
    );
    expect(name.length).toBeLessThanOrEqual(253);
    expect(name).toMatch(/^a+-[0-9a-f]{8}-auto-20260310t0630$/);
  });
});

describe('planSnapshots', () => {
  it.each<
    [
      string,
      ClusterStorage,
      StorageOffering[],
      { take: string[]; remove: string[] },
    ]
  >([
    [
      'no snapshot in the current slot: take one',
      base,
      [nightly],
      {
        take: [
          'payments/ledger-auto-20260310t0000 (slot 2026-03-10T00:00:00.000Z)',
        ],
        remove: [],
      },
    ],
    [
      'this slot already has one (another replica took it): nothing',
      {
        ...base,
        volumeSnapshots: [
          scheduled('ledger-auto-20260310t0000', 'ledger', hoursBefore(11), {
            ready: false,
          }),
        ],
      },
      [nightly],
      { take: [], remove: [] },
    ],
    [
      'the planned name exists even without a time',
      {
        ...base,
        volumeSnapshots: [
          {
            ...scheduled('ledger-auto-20260310t0000', 'ledger', hoursBefore(1)),
            metadata: {
              name: 'ledger-auto-20260310t0000',
              namespace: 'payments',
              labels: { 'storage.backstage.io/backup-schedule': 'ebs-gp3' },
            },
            status: {},
          },
        ],
      },
      [nightly],
      { take: [], remove: [] },
    ],
    [
      'retention keeps the 3 newest ready scheduled snapshots, never manual ones',
      {
        ...base,
        volumeSnapshots: [
          scheduled('s5', 'ledger', hoursBefore(2)),
          scheduled('s4', 'ledger', daysBefore(1)),
          scheduled('s3', 'ledger', daysBefore(2)),
          scheduled('s2', 'ledger', daysBefore(3)),
          scheduled('s1', 'ledger', daysBefore(4)),
          scheduled('pending', 'ledger', daysBefore(5), { ready: false }),
          scheduled('broken', 'ledger', daysBefore(6), {
            ready: false,
            error: 'Failed to check and update snapshot content',
          }),
          snapshot('payments', 'manual-before-upgrade', 'ledger', {
            created: daysBefore(30),
          }),
        ],
      },
      [nightly],
      {
        take: [],
        remove: ['payments/s2', 'payments/s1', 'payments/broken'],
      },
    ],
    [
      'offerings without a schedule, drivers without snapshots, claims not Bound',
      {
        ...base,
        persistentVolumeClaims: [
          claim('payments', 'plain', { className: 'io2' }),
          claim('checkout', 'receipts', { className: 'efs-sc' }),
          claim('payments', 'waiting', {
            phase: 'Pending',
            labels: { 'storage.backstage.io/offering': 'ebs-gp3' },
          }),
        ],
      },
      [nightly, efsNightly, exampleOffering('ebs-io2')],
      { take: [], remove: [] },
    ],
    [
      'the claim’s class picks the offering when it has no label',
      {
        ...base,
        persistentVolumeClaims: [claim('payments', 'db', { className: 'gp3' })],
      },
      [{ ...nightly, backup: { every: '6h', keep: 2 } }],
      {
        take: [
          'payments/db-auto-20260310t1200 (slot 2026-03-10T12:00:00.000Z)',
        ],
        remove: [],
      },
    ],
  ])('%s', (_name, storage, offerings, expected) => {
    const plan = planSnapshots({ storage, offerings, now: NOW });
    expect({
      take: plan.take.map(t => `${t.namespace}/${t.name} (slot ${t.slot})`),
      remove: plan.remove.map(r => `${r.namespace}/${r.name}`),
    }).toEqual(expected);
  });

  it('labels what it takes so retention finds it, and is the same on every replica', () => {
    const first = planSnapshots({
      storage: base,
      offerings: [nightly],
      now: NOW,
    });
    const later = planSnapshots({
      storage: base,
      offerings: [nightly],
      now: hoursBefore(-3),
    });
    expect(first).toEqual(later);
    expect(first.take[0]).toEqual({
      namespace: 'payments',
      claim: 'ledger',
      name: 'ledger-auto-20260310t0000',
      offering: 'ebs-gp3',
      slot: '2026-03-10T00:00:00.000Z',
      labels: {
        'storage.backstage.io/backup-schedule': 'ebs-gp3',
        'app.kubernetes.io/managed-by': 'backstage-storage',
        'backstage.io/kubernetes-id': 'payments-api',
      },
    });
  });
});
