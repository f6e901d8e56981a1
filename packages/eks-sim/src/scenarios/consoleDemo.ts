/**
 * What the platform console shows of the demo clusters, beside the
 * workloads: the 2023 reports volume left Released by Retain 45 days ago
 * (still billed) with the final snapshot of a claim that is gone, a claim
 * no pod has mounted for 30 days, a pre-provisioned volume nobody claimed,
 * an unencrypted EBS class and its volume, a claim that expires within a
 * day, and claims no catalog entity claims.
 */
import { kindByName } from '../kinds';
import { componentLabels } from './baseCluster';
import { ScenarioContext, createAll } from './manager';
import { claim, pod } from './manifests';

const DAY_MS = 24 * 3600 * 1000;
const PVC = kindByName('PersistentVolumeClaim');
const SNAPSHOT = kindByName('VolumeSnapshot');

/** The label a claim's expiry is rendered to (storage-common's EXPIRES_AT_ANNOTATION). */
const EXPIRES_AT = 'storage.backstage.io/expires-at';

function snapshot(namespace: string, name: string, claimName: string) {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: {
      name,
      namespace,
      labels: componentLabels('analytics-pipeline'),
    },
    spec: {
      volumeSnapshotClassName: 'ebs-snapshots',
      source: { persistentVolumeClaimName: claimName },
    },
  };
}

export async function consoleWorkloads(ctx: ScenarioContext) {
  const { registry } = ctx;
  const phase = (ns: string, name: string) =>
    registry.find(PVC, ns, name)?.status?.phase;

  // 45 days ago: last year's reports, their final snapshot, then the claim
  // deleted; Retain kept the volume, Released and billed ever since.
  await ctx.inThePast(45 * DAY_MS, async () => {
    createAll(registry, [
      claim(
        'analytics',
        'analytics-pipeline',
        'analytics-reports-2023',
        'gp3-retain',
        '30Gi',
      ),
    ]);
    await ctx.until(
      () => phase('analytics', 'analytics-reports-2023') === 'Bound',
      'reports bound',
    );
    createAll(registry, [
      snapshot(
        'analytics',
        'analytics-reports-2023-final',
        'analytics-reports-2023',
      ),
    ]);
    await ctx.until(
      () =>
        registry.find(SNAPSHOT, 'analytics', 'analytics-reports-2023-final')
          ?.status?.readyToUse === true,
      'final reports snapshot ready',
    );
    registry.delete(PVC, 'analytics', 'analytics-reports-2023');
    await ctx.until(
      () =>
        registry.find(PVC, 'analytics', 'analytics-reports-2023') === undefined,
      'reports claim deleted',
    );
    await ctx.until(
      () =>
        registry.store
          .list('/persistentvolumes')
          .some(
            pv =>
              pv.spec?.claimRef?.name === 'analytics-reports-2023' &&
              pv.status?.phase === 'Released',
          ),
      'reports volume released',
    );
  });

  // 30 days ago: an export area bound at once and never mounted since.
  await ctx.inThePast(30 * DAY_MS, async () => {
    createAll(registry, [
      claim(
        'payments',
        'payments-api',
        'payments-exports',
        'gp3-immediate',
        '50Gi',
      ),
    ]);
    await ctx.until(
      () => phase('payments', 'payments-exports') === 'Bound',
      'exports bound',
    );
  });

  // 20 days ago: a volume restored from a backup for an investigation,
  // pre-provisioned as a PV that no claim ever bound.
  await ctx.inThePast(20 * DAY_MS, async () => {
    createAll(registry, [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: 'payments-ledger-restore-pv',
          labels: componentLabels('payments-api'),
        },
        spec: {
          capacity: { storage: '100Gi' },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          // The class of retained volumes (encrypted gp3), which no claim
          // of the demo asks for: it stays Available.
          storageClassName: 'gp3-retain',
          csi: {
            driver: 'ebs.csi.aws.com',
            volumeHandle: 'vol-0a7c3e9d2b4f61805',
            fsType: 'ext4',
          },
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
        },
      },
    ]);
  });

  createAll(registry, [
    // An EBS class a team added without encryption, and its volume.
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gp3-unencrypted' },
      provisioner: 'ebs.csi.aws.com',
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
      parameters: { type: 'gp3' },
    },
    claim(
      'checkout',
      'checkout-web',
      'checkout-sessions',
      'gp3-unencrypted',
      '20Gi',
    ),
    pod('checkout', 'checkout-web', 'checkout-sessions-0', [
      'checkout-sessions',
    ]),
    // A load test's scratch space that expires within a day.
    {
      ...claim(
        'checkout',
        'checkout-web',
        'checkout-load-test',
        'gp3-immediate',
        '10Gi',
      ),
      metadata: {
        name: 'checkout-load-test',
        namespace: 'checkout',
        labels: componentLabels('checkout-web'),
        annotations: {
          [EXPIRES_AT]: new Date(Date.now() + 20 * 3600 * 1000)
            .toISOString()
            .replace(/\.\d+Z$/, 'Z'),
        },
      },
    },
    // A worker no catalog entity describes (its label names none)…
    {
      ...claim(
        'payments',
        'billing-worker',
        'billing-worker-spool',
        'gp3',
        '40Gi',
      ),
      metadata: {
        name: 'billing-worker-spool',
        namespace: 'payments',
        labels: {
          'backstage.io/kubernetes-id': 'billing-worker',
          'app.kubernetes.io/name': 'billing-worker',
        },
      },
    },
    {
      ...pod('payments', 'billing-worker', 'billing-worker-0', [
        'billing-worker-spool',
      ]),
      metadata: {
        name: 'billing-worker-0',
        namespace: 'payments',
        labels: { 'app.kubernetes.io/name': 'billing-worker' },
      },
    },
    // …and a notebook's scratch claim with no label at all.
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'jupyter-scratch', namespace: 'analytics' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'gp3-immediate',
        resources: { requests: { storage: '5Gi' } },
      },
    },
  ]);
  await ctx.until(
    () =>
      phase('checkout', 'checkout-sessions') === 'Bound' &&
      phase('checkout', 'checkout-load-test') === 'Bound' &&
      phase('payments', 'billing-worker-spool') === 'Bound' &&
      phase('analytics', 'jupyter-scratch') === 'Bound',
    'console claims bound',
  );
}
