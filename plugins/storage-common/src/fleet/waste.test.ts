import { DEFAULT_PRICES } from '../cost';
import { DEFAULT_FLEET_RULES } from './rules';
import { findWaste } from './waste';
import {
  NOW,
  boundPair,
  claim,
  daysBefore,
  pod,
  snapshot,
  storageClass,
  volume,
} from './__fixtures__/objects';
import { ClusterStorage, FleetEntity, FleetFinding } from './types';

const classes = [
  storageClass('gp3', 'ebs.csi.aws.com', { type: 'gp3' }),
  storageClass(
    'gp3-retain',
    'ebs.csi.aws.com',
    { type: 'gp3' },
    { reclaimPolicy: 'Retain' },
  ),
];
const ENTITIES: FleetEntity[] = [
  {
    entityRef: 'component:default/analytics-pipeline',
    kubernetesId: 'analytics-pipeline',
    owner: 'group:default/data-team',
  },
];
const line = (f: FleetFinding) =>
  `${f.severity} ${f.code} ${f.object.kind}/${
    f.object.namespace ? `${f.object.namespace}/` : ''
  }${f.object.name}: ${f.title}`;

const run = (storage: Partial<ClusterStorage>, extra = {}) =>
  findWaste({
    storage: { cluster: 'eks-dev', storageClasses: classes, ...storage },
    prices: DEFAULT_PRICES,
    rules: DEFAULT_FLEET_RULES,
    now: NOW,
    entities: ENTITIES,
    ...extra,
  });

describe('findWaste', () => {
  it('reports a Released volume under Retain with its cost, age, last claim and entity', () => {
    const findings = run({
      persistentVolumes: [
        volume('pvc-0f1e2d', {
          className: 'gp3-retain',
          size: '30Gi',
          phase: 'Released',
          reclaimPolicy: 'Retain',
          claimRef: {
            namespace: 'analytics',
            name: 'analytics-reports-2023',
            uid: 'u-1',
          },
          phaseSince: daysBefore(10),
          handle: 'vol-0aa1bb2cc3dd4ee5f',
        }),
      ],
      formerClaims: [
        {
          namespace: 'analytics',
          name: 'analytics-reports-2023',
          uid: 'u-1',
          labels: { 'backstage.io/kubernetes-id': 'analytics-pipeline' },
        },
      ],
    });
    expect(findings).toEqual([
      {
        id: 'eks-dev:released-volume:PersistentVolume::pvc-0f1e2d',
        section: 'waste',
        code: 'released-volume',
        severity: 'warning',
        cluster: 'eks-dev',
        object: { kind: 'PersistentVolume', name: 'pvc-0f1e2d' },
        title:
          'Volume pvc-0f1e2d (30Gi) was left behind by claim analytics/analytics-reports-2023 10 days ago and is still billed ($2.40 a month)',
        detail:
          'Its reclaim policy is Retain, so deleting the claim kept the volume (vol-0aa1bb2cc3dd4ee5f) and its data. Kubernetes never binds a Released volume again by itself.',
        fix: 'If the data is no longer needed, delete it (snapshot first if it might be): delete PersistentVolume pvc-0f1e2d and then the cloud volume vol-0aa1bb2cc3dd4ee5f. To keep using it, adopt it into a new claim: remove spec.claimRef from the PV and create a claim with spec.volumeName: pvc-0f1e2d.',
        kubernetesId: 'analytics-pipeline',
        entityRef: 'component:default/analytics-pipeline',
        monthlyUsd: 2.4,
        since: daysBefore(10),
        ageDays: 10,
        lastClaim: { namespace: 'analytics', name: 'analytics-reports-2023' },
      },
    ]);
  });

  it.each<[string, Partial<ClusterStorage>, Record<string, unknown>, string[]]>(
    [
      [
        'a Released volume whose Delete did not happen',
        {
          persistentVolumes: [
            volume('pvc-1', {
              phase: 'Released',
              reclaimPolicy: 'Delete',
              claimRef: { namespace: 'a', name: 'b' },
              created: daysBefore(3),
            }),
          ],
        },
        {},
        [
          'warning released-volume PersistentVolume/pvc-1: Volume pvc-1 (20Gi) was left behind by claim a/b 3 days ago and is still billed ($1.60 a month)',
        ],
      ],
      [
        'volumes no claim uses',
        {
          persistentVolumes: [
            volume('spare-ebs', {
              phase: 'Available',
              className: '',
              created: daysBefore(5),
            }),
            volume('bucket', {
              phase: 'Available',
              className: '',
              driver: 's3.csi.aws.com',
              handle: 'logs-bucket',
            }),
            volume('reserved', {
              phase: 'Available',
              claimRef: { namespace: 'a', name: 'c' },
            }),
          ],
        },
        {},
        [
          'warning unclaimed-volume PersistentVolume/spare-ebs: Volume spare-ebs (20Gi) is Available: no claim uses it ($1.60 a month)',
          'info unclaimed-volume PersistentVolume/bucket: Volume bucket (20Gi) is Available: no claim uses it',
        ],
      ],
      [
        'a snapshot whose claim is gone',
        {
          persistentVolumeClaims: [claim('payments', 'ledger')],
          volumeSnapshots: [
            snapshot('payments', 'ledger-nightly', 'ledger'),
            snapshot('payments', 'old-db-final', 'old-db', {
              restoreSize: '50Gi',
              created: daysBefore(40),
            }),
          ],
          pods: [pod('payments', 'ledger-0', ['ledger'])],
        },
        {},
        [
          'warning snapshot-source-deleted VolumeSnapshot/payments/old-db-final: VolumeSnapshot payments/old-db-final is of claim old-db, which no longer exists',
        ],
      ],
      [
        'snapshots are not judged when the claims are unknown',
        { volumeSnapshots: [snapshot('payments', 'old-db-final', 'old-db')] },
        {},
        [],
      ],
      [
        'claims no pod mounted for 14 days',
        {
          persistentVolumeClaims: [
            ...boundPair('payments', 'idle', { created: daysBefore(60) }).slice(
              0,
              1,
            ),
            claim('payments', 'never-mounted', { created: daysBefore(30) }),
            claim('payments', 'young', { created: daysBefore(3) }),
            claim('payments', 'busy', { created: daysBefore(90) }),
            claim('payments', 'finished-job', { created: daysBefore(90) }),
            claim('payments', 'pending', {
              phase: 'Pending',
              created: daysBefore(90),
            }),
          ],
          persistentVolumes: [
            volume('pvc-idle', {
              claimRef: { namespace: 'payments', name: 'idle' },
            }),
          ],
          pods: [
            pod('payments', 'busy-0', ['busy']),
            pod('payments', 'job-1', ['finished-job'], 'Succeeded'),
          ],
        },
        {
          lastMounted: [
            { namespace: 'payments', claim: 'idle', at: daysBefore(20) },
            { namespace: 'payments', claim: 'idle', at: daysBefore(25) },
            { namespace: 'payments', claim: 'finished-job', at: daysBefore(2) },
          ],
        },
        [
          'warning unused-claim PersistentVolumeClaim/payments/idle: Claim payments/idle has not been mounted by any pod for 20 days ($1.60 a month)',
          'warning unused-claim PersistentVolumeClaim/payments/never-mounted: Claim payments/never-mounted has not been mounted by any pod for 30 days',
        ],
      ],
      [
        'unused claims are not judged without the pods',
        {
          persistentVolumeClaims: [
            claim('payments', 'never-mounted', { created: daysBefore(30) }),
          ],
        },
        {},
        [],
      ],
      [
        'a claim provisioned far above its use (usage readings given)',
        {
          persistentVolumeClaims: [claim('payments', 'db', { size: '100Gi' })],
          persistentVolumes: [
            volume('pvc-db', {
              size: '100Gi',
              claimRef: { namespace: 'payments', name: 'db' },
            }),
          ],
          pods: [pod('payments', 'db-0', ['db'])],
        },
        {
          usage: [8, 4, 0].map(days => ({
            namespace: 'payments',
            claim: 'db',
            time: daysBefore(days),
            usedBytes: 5 * 2 ** 30,
            capacityBytes: 100 * 2 ** 30,
          })),
        },
        [
          'info over-provisioned PersistentVolumeClaim/payments/db: Claim payments/db is provisioned far above its use: less than 20% of its 100Gi used for 8 days',
        ],
      ],
    ],
  )('%s', (_name, storage, extra, expected) => {
    expect(run(storage, extra).map(line)).toEqual(expected);
  });

  it('returns nothing without a valid time', () => {
    expect(
      run(
        { persistentVolumes: [volume('x', { phase: 'Released' })] },
        { now: 'yesterday' },
      ),
    ).toEqual([]);
  });
});
