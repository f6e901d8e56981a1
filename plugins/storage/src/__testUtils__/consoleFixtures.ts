import {
  ClusterStatus,
  ConsoleFinding,
  FleetBackupsResponse,
  FleetClaim,
  FleetClaimsResponse,
  FleetClassesResponse,
  FleetComplianceResponse,
  FleetExpiriesResponse,
  FleetFindingsResponse,
  FleetOverviewResponse,
  FleetUsageResponse,
  StoredStorageRequest,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { request } from './fixtures';

/** The platform console's answers for two clusters, as the demo has them. */
export const clusters: ClusterStatus[] = [
  { name: 'eks-dev', synced: true, claims: 5 },
  { name: 'eks-prod', synced: true, claims: 4 },
];

const GENERATED_AT = '2026-03-02T12:00:00Z';

export const releasedVolume: ConsoleFinding = {
  id: 'waste/released-volume/eks-prod/PersistentVolume/pvc-orders-archive',
  section: 'waste',
  code: 'released-volume',
  severity: 'warning',
  cluster: 'eks-prod',
  object: { kind: 'PersistentVolume', name: 'pvc-orders-archive' },
  title:
    'Volume pvc-orders-archive (200Gi) was left behind by claim orders/orders-archive 12 days ago and is still billed ($16.00 a month)',
  detail:
    'Its reclaim policy is Retain, so deleting the claim kept the volume (vol-0a1b2c3d) and its data.',
  fix: 'If the data is no longer needed, delete it; to keep using it, adopt it into a new claim.',
  kubernetesId: 'orders-api',
  entityRef: 'component:default/orders-api',
  ownerRef: 'group:default/team-orders',
  monthlyUsd: 16,
  since: '2026-02-18T09:00:00Z',
  ageDays: 12,
  lastClaim: { namespace: 'orders', name: 'orders-archive' },
  volume: {
    name: 'pvc-orders-archive',
    phase: 'Released',
    reclaimPolicy: 'Retain',
    capacity: '200Gi',
    storageClassName: 'gp3-retain',
    driver: 'ebs',
    volumeHandle: 'vol-0a1b2c3d',
    zone: 'us-east-1a',
    encrypted: true,
    releasedAt: '2026-02-18T09:00:00Z',
    lastClaim: { namespace: 'orders', name: 'orders-archive' },
  },
  actions: ['delete-volume', 'adopt-volume'],
};

export const unusedClaim: ConsoleFinding = {
  id: 'waste/unused-claim/eks-dev/PersistentVolumeClaim/payments/payments-scratch',
  section: 'waste',
  code: 'unused-claim',
  severity: 'info',
  cluster: 'eks-dev',
  object: {
    kind: 'PersistentVolumeClaim',
    namespace: 'payments',
    name: 'payments-scratch',
  },
  title:
    'Claim payments/payments-scratch is bound but no pod used it for 21 days',
  detail: 'It is billed by its size whether or not a pod mounts it.',
  fix: 'Delete it if nothing needs it (snapshot first if the data may matter).',
  entityRef: 'component:default/payments-api',
  monthlyUsd: 4,
  ageDays: 21,
  volume: {
    name: 'pvc-payments-scratch',
    reclaimPolicy: 'Delete',
    driver: 'ebs',
    capacity: '50Gi',
  },
  actions: ['delete-claim'],
};

export const orphanSnapshot: ConsoleFinding = {
  id: 'waste/snapshot-source-deleted/eks-dev/VolumeSnapshot/ci/ci-cache-snap',
  section: 'waste',
  code: 'snapshot-source-deleted',
  severity: 'info',
  cluster: 'eks-dev',
  object: { kind: 'VolumeSnapshot', namespace: 'ci', name: 'ci-cache-snap' },
  title: 'Snapshot ci/ci-cache-snap outlived its claim ci/ci-cache',
  detail: 'Snapshots are billed for the data they hold.',
  fix: 'Delete VolumeSnapshot ci/ci-cache-snap if nobody will restore it.',
  monthlyUsd: 1.25,
  actions: [],
};

export function wasteResponse(
  items: ConsoleFinding[] = [releasedVolume, unusedClaim, orphanSnapshot],
  mayCleanUp = true,
): FleetFindingsResponse {
  return {
    items,
    totalMonthlyUsd:
      Math.round(items.reduce((sum, f) => sum + (f.monthlyUsd ?? 0), 0) * 100) /
      100,
    viewer: { mayCleanUp },
    clusters,
    generatedAt: GENERATED_AT,
  };
}

const noCsiDriver: ConsoleFinding = {
  id: 'class-health/csi-driver-missing/eks-prod/StorageClass/fsx-scratch',
  section: 'class-health',
  code: 'csi-driver-missing',
  severity: 'error',
  cluster: 'eks-prod',
  object: { kind: 'StorageClass', name: 'fsx-scratch' },
  title:
    'StorageClass fsx-scratch names provisioner fsx.csi.aws.com, which is not installed',
  detail:
    'No CSIDriver object fsx.csi.aws.com exists: claims of this class stay Pending for ever.',
  fix: 'Install the FSx for Lustre CSI driver (EKS add-on aws-fsx-csi-driver) or point the class at an installed driver.',
  field: 'provisioner',
  actions: [],
};

const noDefaultClass: ConsoleFinding = {
  id: 'class-health/no-default-class/eks-dev/Cluster/eks-dev',
  section: 'class-health',
  code: 'no-default-class',
  severity: 'warning',
  cluster: 'eks-dev',
  object: { kind: 'Cluster', name: 'eks-dev' },
  title: 'Cluster eks-dev has no default StorageClass',
  detail:
    'Since EKS 1.30 no class is marked default: claims without storageClassName stay Pending.',
  fix: 'Annotate one class with storageclass.kubernetes.io/is-default-class: "true".',
  actions: [],
};

export const classesResponse: FleetClassesResponse = {
  items: [
    {
      cluster: 'eks-dev',
      name: 'gp3',
      provisioner: 'ebs.csi.aws.com',
      driver: 'ebs',
      isDefault: false,
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
      parameters: { type: 'gp3', encrypted: 'true' },
      status: 'ok',
      findings: [],
      offerings: ['ebs-gp3'],
    },
    {
      cluster: 'eks-prod',
      name: 'fsx-scratch',
      provisioner: 'fsx.csi.aws.com',
      driver: 'fsx-lustre',
      isDefault: false,
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: false,
      parameters: {},
      status: 'error',
      findings: [noCsiDriver],
      offerings: ['fsx-scratch'],
    },
  ],
  findings: [noDefaultClass],
  clusters,
  generatedAt: GENERATED_AT,
};

export const complianceResponse: FleetComplianceResponse = {
  items: [
    {
      id: 'compliance/ebs-unencrypted/eks-dev/StorageClass/gp2',
      section: 'compliance',
      code: 'ebs-unencrypted',
      severity: 'error',
      cluster: 'eks-dev',
      object: { kind: 'StorageClass', name: 'gp2' },
      title: 'StorageClass gp2 creates unencrypted EBS volumes',
      detail: 'The platform requires encryption at rest for every EBS volume.',
      fix: 'Set parameters.encrypted: "true" on a new class and move claims to it.',
      field: 'parameters.encrypted',
      actions: [],
    },
  ],
  rules: [
    {
      id: 'ebs.requireEncryption',
      description: 'EBS classes and volumes are encrypted',
      enabled: true,
    },
    {
      id: 'ebs.requireKmsKey',
      description: 'EBS volumes use a customer managed KMS key',
      enabled: false,
    },
  ],
  clusters,
  generatedAt: GENERATED_AT,
};

export const usageResponse: FleetUsageResponse = {
  items: [
    {
      cluster: 'eks-dev',
      namespace: 'analytics',
      name: 'analytics-warehouse',
      entityRef: 'component:default/analytics-api',
      storageClassName: 'gp3',
      driver: 'ebs',
      capacity: '100Gi',
      usage: {
        usedBytes: 92 * 2 ** 30,
        capacityBytes: 100 * 2 ** 30,
        usedFraction: 0.92,
        observedAt: '2026-03-02T11:55:00Z',
      },
      suggestion: {
        action: 'resize',
        fromSize: '100Gi',
        toSize: '160Gi',
        usedFraction: 0.92,
        monthlySavingUsd: -4.8,
      },
    },
    {
      cluster: 'eks-prod',
      namespace: 'payments',
      name: 'data-payments-db-0',
      entityRef: 'component:default/payments-api',
      storageClassName: 'gp3',
      driver: 'ebs',
      capacity: '500Gi',
      usage: {
        usedBytes: 40 * 2 ** 30,
        capacityBytes: 500 * 2 ** 30,
        usedFraction: 0.08,
        observedAt: '2026-03-02T11:55:00Z',
      },
      suggestion: {
        action: 'shrink-by-migration',
        fromSize: '500Gi',
        toSize: '100Gi',
        usedFraction: 0.08,
        monthlySavingUsd: 32,
      },
    },
    {
      cluster: 'eks-dev',
      namespace: 'payments',
      name: 'payments-cache',
      storageClassName: 'gp3',
      driver: 'ebs',
      capacity: '10Gi',
      usage: {
        usedBytes: 5 * 2 ** 30,
        capacityBytes: 10 * 2 ** 30,
        usedFraction: 0.5,
        observedAt: '2026-03-02T11:55:00Z',
      },
    },
  ],
  lastCollectedAt: '2026-03-02T11:55:00Z',
  clusters,
};

export const backupsResponse: FleetBackupsResponse = {
  items: [
    {
      cluster: 'eks-prod',
      namespace: 'payments',
      name: 'data-payments-db-0',
      entityRef: 'component:default/payments-api',
      lifecycle: 'production',
      production: true,
      newestSnapshot: {
        name: 'data-payments-db-0-20260227',
        createdAt: '2026-02-27T02:00:00Z',
        readyToUse: true,
      },
      newestAgeHours: 106,
      snapshots: 3,
      stale: true,
      finding: {
        id: 'backups/backup-stale/eks-prod/PersistentVolumeClaim/payments/data-payments-db-0',
        section: 'backups',
        code: 'backup-stale',
        severity: 'warning',
        cluster: 'eks-prod',
        object: {
          kind: 'PersistentVolumeClaim',
          namespace: 'payments',
          name: 'data-payments-db-0',
        },
        title:
          'Production claim payments/data-payments-db-0 has no snapshot newer than 4 days',
        detail: 'The backup rule asks for one every day.',
        fix: 'Take a snapshot now, and give the offering a schedule.',
        actions: ['snapshot'],
      },
    },
    {
      cluster: 'eks-dev',
      namespace: 'payments',
      name: 'payments-cache',
      production: false,
      snapshots: 0,
      stale: false,
      schedule: {
        offering: 'ebs-gp3',
        everyHours: 24,
        keep: 7,
        nextDueAt: '2026-03-03T02:00:00Z',
      },
    },
  ],
  staleAfterHours: 24,
  clusters,
};

export function expiriesResponse(now = Date.now()): FleetExpiriesResponse {
  const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();
  return {
    items: [
      {
        cluster: 'eks-dev',
        namespace: 'ci',
        name: 'ci-scratch-1234',
        entityRef: 'component:default/ci-runner',
        requestId: 'req-ci',
        expiresAt: hours(5),
        status: 'warned',
        warnedAt: hours(-19),
        snapshotFirst: false,
      },
      {
        cluster: 'eks-dev',
        namespace: 'ml',
        name: 'training-scratch',
        entityRef: 'component:default/trainer',
        expiresAt: hours(72),
        status: 'upcoming',
        snapshotFirst: true,
      },
    ],
    clusters,
  };
}

export const ownedClaim: FleetClaim = {
  kind: 'PersistentVolumeClaim',
  cluster: 'eks-dev',
  namespace: 'payments',
  name: 'data-payments-db-0',
  volumeName: 'pvc-data-payments-db-0',
  labels: { 'backstage.io/kubernetes-id': 'payments-api' },
  entityRef: 'component:default/payments-api',
  ownerRef: 'group:default/team-payments',
  systemRef: 'system:default/online-shop',
  lifecycle: 'production',
  owned: true,
  ownerHints: [],
  storageClassName: 'gp3',
  driver: 'ebs',
  offeringId: 'ebs-gp3',
  phase: 'Bound',
  state: 'bound',
  severity: 'ok',
  headline: 'Bound to pvc-data-payments-db-0 (20Gi, class gp3)',
  requested: '20Gi',
  capacity: '20Gi',
  capacityBytes: 20 * 2 ** 30,
  createdAt: '2026-01-10T08:00:00Z',
  ageDays: 51,
  consumers: 1,
  usage: {
    usedBytes: 17 * 2 ** 30,
    capacityBytes: 20 * 2 ** 30,
    usedFraction: 0.85,
    observedAt: '2026-03-02T11:55:00Z',
  },
  monthlyUsd: 1.6,
};

export const unownedClaim: FleetClaim = {
  kind: 'PersistentVolumeClaim',
  cluster: 'eks-prod',
  namespace: 'billing',
  name: 'billing-worker-data',
  labels: { 'app.kubernetes.io/name': 'billing-worker' },
  owned: false,
  ownerHints: [
    {
      source: 'label',
      detail: 'label app.kubernetes.io/name=billing-worker',
      entityRef: 'component:default/billing-worker',
    },
  ],
  storageClassName: 'gp3',
  driver: 'ebs',
  phase: 'Bound',
  state: 'bound',
  severity: 'ok',
  headline: 'Bound',
  requested: '30Gi',
  capacity: '30Gi',
  ageDays: 3,
  consumers: 0,
  monthlyUsd: 2.4,
};

export function fleetClaimsResponse(
  items: FleetClaim[] = [ownedClaim, unownedClaim],
): FleetClaimsResponse {
  return { items, total: items.length, clusters };
}

export const overviewResponse: FleetOverviewResponse = {
  generatedAt: GENERATED_AT,
  clusters,
  byCluster: [
    {
      key: 'eks-dev',
      claims: 5,
      volumes: 0,
      capacityBytes: 230 * 2 ** 30,
      monthlyUsd: 18.4,
    },
    {
      key: 'eks-prod',
      claims: 4,
      volumes: 1,
      capacityBytes: 930 * 2 ** 30,
      monthlyUsd: 74.4,
    },
  ],
  byDriver: [
    {
      key: 'ebs',
      claims: 7,
      volumes: 1,
      capacityBytes: 1100 * 2 ** 30,
      monthlyUsd: 88,
    },
    {
      key: 'efs',
      claims: 2,
      volumes: 0,
      capacityBytes: 60 * 2 ** 30,
      monthlyUsd: 4.8,
    },
  ],
  byState: [
    {
      key: 'bound',
      claims: 7,
      volumes: 0,
      capacityBytes: 900 * 2 ** 30,
      monthlyUsd: 72,
    },
    {
      key: 'released',
      claims: 0,
      volumes: 1,
      capacityBytes: 200 * 2 ** 30,
      monthlyUsd: 16,
    },
  ],
  cost: {
    currency: 'USD',
    totalMonthlyUsd: 92.8,
    byTeam: [
      {
        key: 'group:default/team-payments',
        claims: 5,
        volumes: 0,
        capacityBytes: 600 * 2 ** 30,
        monthlyUsd: 48,
      },
      {
        key: '',
        claims: 1,
        volumes: 0,
        capacityBytes: 30 * 2 ** 30,
        monthlyUsd: 2.4,
      },
    ],
    bySystem: [
      {
        key: 'system:default/online-shop',
        claims: 6,
        volumes: 0,
        capacityBytes: 700 * 2 ** 30,
        monthlyUsd: 56,
      },
      {
        key: 'unowned',
        claims: 1,
        volumes: 2,
        capacityBytes: 230 * 2 ** 30,
        monthlyUsd: 18.4,
      },
    ],
    byDriver: [
      {
        key: 'ebs',
        claims: 7,
        volumes: 1,
        capacityBytes: 1100 * 2 ** 30,
        monthlyUsd: 88,
      },
    ],
    trend: [
      { date: '2026-02-28', totalMonthlyUsd: 80 },
      { date: '2026-03-01', totalMonthlyUsd: 88 },
      { date: '2026-03-02', totalMonthlyUsd: 92.8 },
    ],
    region: 'us-east-1',
    priceDate: '2025-06-01',
  },
  counts: {
    claims: 9,
    volumes: 1,
    unowned: 1,
    waste: 3,
    classHealth: 2,
    compliance: 1,
    usage: 2,
    backups: 1,
    expiries: 2,
  },
};

/** What the backend answers to a console action. */
export function submitted(
  extra: Partial<StoredStorageRequest> = {},
  consequence?: string,
): SubmitResponse {
  return {
    findings: [],
    manifests: [],
    manifestsYaml: '',
    ...(consequence && { consequence }),
    request: request({ operation: 'delete', status: 'approved', ...extra }),
  };
}
