/**
 * The demo cluster: the example catalog's components with claims in every
 * state the Storage tab and diagnosis cover, healthy and broken.
 */
import { kindByName } from '../kinds';
import { K8sObject } from '../store/types';
import { ZONES } from '../controllers/context';
import { componentLabels } from './baseCluster';
import { consoleWorkloads } from './consoleDemo';
import { MANAGER, ScenarioContext, createAll } from './manager';
import { claim, pod } from './manifests';

const PVC = kindByName('PersistentVolumeClaim');
const POD = kindByName('Pod');
const WAREHOUSE_LOADER = 'analytics-warehouse-load-29150400-q7x2k';
const PV = kindByName('PersistentVolume');

function payments(): Array<
  Omit<K8sObject, 'apiVersion'> & { apiVersion: string }
> {
  const labels = componentLabels('payments-api');
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'payments-db', namespace: 'payments', labels },
      spec: {
        clusterIP: 'None',
        selector: { 'app.kubernetes.io/name': 'payments-api' },
        ports: [{ port: 5432, name: 'postgres' }],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'payments-db', namespace: 'payments', labels },
      spec: {
        serviceName: 'payments-db',
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'postgres',
                image: 'postgres:16.4',
                volumeMounts: [
                  { name: 'data', mountPath: '/var/lib/postgresql/data' },
                ],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'gp3',
              resources: { requests: { storage: '20Gi' } },
            },
          },
        ],
      },
    },
    claim('payments', 'payments-api', 'payments-ledger', 'io2', '100Gi'),
    pod('payments', 'payments-api', 'payments-ledger-writer', [
      'payments-ledger',
    ]),
    claim(
      'payments',
      'payments-api',
      'payments-cache',
      'gp3-immediate',
      '10Gi',
    ),
    claim('payments', 'payments-api', 'payments-archive', 'gp3', '50Gi'),
  ];
}

function checkout() {
  return [
    claim('checkout', 'checkout-web', 'checkout-receipts', 'efs', '5Gi', [
      'ReadWriteMany',
    ]),
    pod('checkout', 'checkout-web', 'checkout-web-7c9d8f6b5-k2x8p', [
      'checkout-receipts',
    ]),
    // ONTAP is offered, but Trident is not installed in this cluster.
    claim('checkout', 'checkout-web', 'checkout-assets', 'ontap-nas', '20Gi', [
      'ReadWriteMany',
    ]),
  ];
}

function analytics() {
  const labels = componentLabels('analytics-pipeline');
  return [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'analytics-datalake-pv', labels },
      spec: {
        capacity: { storage: '1200Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: '',
        mountOptions: ['allow-delete', 'region us-east-1'],
        claimRef: { namespace: 'analytics', name: 'analytics-datalake' },
        csi: {
          driver: 's3.csi.aws.com',
          volumeHandle: 'analytics-datalake-bucket-volume',
          volumeAttributes: { bucketName: 'acme-analytics-datalake' },
        },
      },
    },
    claim(
      'analytics',
      'analytics-pipeline',
      'analytics-datalake',
      '',
      '1200Gi',
      ['ReadWriteMany'],
      {
        volumeName: 'analytics-datalake-pv',
      },
    ),
    claim(
      'analytics',
      'analytics-pipeline',
      'analytics-warehouse',
      'gp3',
      '100Gi',
    ),
    // The nightly loader: a batch pod that mounts the warehouse and exits.
    pod(
      'analytics',
      'analytics-pipeline',
      WAREHOUSE_LOADER,
      ['analytics-warehouse'],
      { restartPolicy: 'Never' },
    ),
  ];
}

/**
 * What the kubelets report as used (the platform console reads it): the
 * ledger nearly full and filling, the database mostly empty.
 */
export const DEMO_VOLUME_USAGE: Array<{
  namespace: string;
  claim: string;
  usedFraction: number;
  growthPerHour: number;
}> = [
  {
    namespace: 'payments',
    claim: 'payments-ledger',
    usedFraction: 0.86,
    growthPerHour: 0.004,
  },
  {
    namespace: 'payments',
    claim: 'data-payments-db-0',
    usedFraction: 0.12,
    growthPerHour: 0.001,
  },
  {
    namespace: 'checkout',
    claim: 'checkout-receipts',
    usedFraction: 0.41,
    growthPerHour: 0.003,
  },
];

export async function demoWorkloads(ctx: ScenarioContext) {
  const { registry } = ctx;
  ctx.uninstallDriver('csi.trident.netapp.io');
  createAll(registry, [...payments(), ...checkout(), ...analytics()]);
  const phase = (ns: string, name: string) =>
    registry.find(PVC, ns, name)?.status?.phase;
  const running = (ns: string, name: string) =>
    registry.find(kindByName('Pod'), ns, name)?.status?.phase === 'Running';

  await ctx.until(
    () => phase('payments', 'payments-cache') === 'Bound',
    'payments-cache bound',
  );
  // A pod pinned to another AZ than its EBS volume: volume node affinity conflict.
  const cache = registry.find(PVC, 'payments', 'payments-cache')!;
  const volume = registry.find(PV, undefined, cache.spec.volumeName)!;
  const volumeZone =
    volume.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]
      .values[0];
  const otherZone = ZONES.find(z => z !== volumeZone)!;
  createAll(registry, [
    pod('payments', 'payments-api', 'payments-cache-0', ['payments-cache'], {
      nodeSelector: { 'topology.kubernetes.io/zone': otherZone },
    }),
  ]);

  await ctx.until(
    () =>
      running('analytics', WAREHOUSE_LOADER) &&
      running('payments', 'payments-db-0') &&
      running('payments', 'payments-ledger-writer') &&
      phase('analytics', 'analytics-datalake') === 'Bound' &&
      phase('checkout', 'checkout-receipts') === 'Bound',
    'healthy workloads running',
  );

  // What the platform console shows: waste weeks old, an unencrypted class,
  // an expiring claim, claims no entity claims. (After the workloads have
  // their volumes: the steps set in the past move the clock back.)
  await consoleWorkloads(ctx);

  // The loader finished: nothing mounts the warehouse until its next run,
  // so the resize below waits in FileSystemResizePending (a mounted volume
  // would be expanded online by the kubelet).
  const loader = registry.find(POD, 'analytics', WAREHOUSE_LOADER)!;
  const finishedAt = loader.status.startTime;
  registry.update(
    POD,
    'analytics',
    WAREHOUSE_LOADER,
    {
      ...loader,
      status: {
        ...loader.status,
        phase: 'Succeeded',
        conditions: (loader.status.conditions ?? []).map((c: any) =>
          ['Ready', 'ContainersReady'].includes(c.type)
            ? { ...c, status: 'False', reason: 'PodCompleted' }
            : c,
        ),
        containerStatuses: (loader.status.containerStatuses ?? []).map(
          (c: any) => ({
            ...c,
            ready: false,
            started: false,
            state: {
              terminated: {
                exitCode: 0,
                reason: 'Completed',
                startedAt: c.state?.running?.startedAt ?? finishedAt,
                finishedAt,
                containerID: c.containerID,
              },
            },
          }),
        ),
      },
    },
    { ...MANAGER, subresource: 'status' },
  );

  ctx.useRequestedDelays();
  // Slow from here on: FSx creation and the resize show up in progress.
  createAll(registry, [
    claim(
      'analytics',
      'analytics-pipeline',
      'analytics-scratch',
      'fsx-lustre-scratch',
      '1200Gi',
      ['ReadWriteMany'],
    ),
  ]);
  registry.patch(
    PVC,
    'analytics',
    'analytics-warehouse',
    'merge',
    { spec: { resources: { requests: { storage: '200Gi' } } } },
    MANAGER,
  );
}
