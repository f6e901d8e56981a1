import {
  ApprovalItem,
  ApprovalsResponse,
  ClaimDetailResponse,
  RequestDetailResponse,
  ClaimListItem,
  ClaimsResponse,
  DEFAULT_PRICES,
  Diagnosis,
  EXAMPLE_OFFERINGS,
  OfferingListItem,
  StoredStorageRequest,
  estimateMonthlyCost,
  offeringCapabilities,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';

export const ENTITY_REF = 'component:default/payments-api';

/** The example offerings as the backend lists them. */
export const offerings: OfferingListItem[] = EXAMPLE_OFFERINGS.map(o => {
  const example = storageRequestSchema.safeParse({
    operation: 'create',
    entityRef: ENTITY_REF,
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName: 'example',
    offering: o.id,
    size: o.size.default,
    accessMode: o.accessModes[0],
  });
  return {
    ...o,
    capabilities: offeringCapabilities(o),
    clusters: o.driver === 'ontap' ? ['eks-prod'] : ['eks-dev', 'eks-prod'],
    defaultCost: example.success
      ? estimateMonthlyCost(example.data, o, DEFAULT_PRICES)
      : undefined,
  };
});

const gp3 = offerings.find(o => o.id === 'ebs-gp3')!;

function costOf(size: string, offeringId = 'ebs-gp3') {
  const offering = offerings.find(o => o.id === offeringId)!;
  const input = storageRequestSchema.parse({
    operation: 'create',
    entityRef: ENTITY_REF,
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName: 'x',
    offering: offering.id,
    size,
    accessMode: offering.accessModes[0],
  });
  return estimateMonthlyCost(input, offering, DEFAULT_PRICES);
}

const labels = { 'backstage.io/kubernetes-id': 'payments-api' };

function claim(
  name: string,
  diagnosis: Diagnosis,
  extra: Partial<ClaimListItem> = {},
): ClaimListItem {
  return {
    cluster: 'eks-dev',
    namespace: 'payments',
    name,
    labels,
    storageClassName: 'gp3',
    provisioner: 'ebs.csi.aws.com',
    driver: 'ebs',
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Filesystem',
    requested: '20Gi',
    capacity: '20Gi',
    volumeName: `pvc-${name}`,
    phase: 'Bound',
    createdAt: '2026-01-10T08:00:00Z',
    cost: costOf(extra.requested ?? '20Gi'),
    diagnosis,
    ...extra,
  };
}

export const dbClaim = claim('data-payments-db-0', {
  state: 'bound',
  severity: 'ok',
  headline:
    'Claim payments/data-payments-db-0 is bound to pvc-data-payments-db-0 (20Gi, class gp3)',
  explanation: 'The volume is provisioned and attached.',
  fix: '',
});

export const cacheClaim = claim(
  'payments-cache',
  {
    state: 'bound',
    severity: 'error',
    headline:
      'Pod payments-cache-0 cannot be scheduled: volume pvc-payments-cache is in zone us-east-1a and the nodes are in us-east-1b',
    explanation: 'EBS volumes live in one Availability Zone.',
    fix: 'Remove the nodeSelector that pins payments-cache-0 to us-east-1b, or add nodes in us-east-1a.',
  },
  { storageClassName: 'gp3-immediate', requested: '10Gi', capacity: '10Gi' },
);

export const archiveClaim = claim(
  'payments-archive',
  {
    state: 'waiting-for-consumer',
    severity: 'info',
    headline:
      'Claim payments/payments-archive waits for a pod to use it — this is normal',
    explanation: 'The class binds on first use.',
    fix: '',
  },
  {
    cluster: 'eks-prod',
    requested: '50Gi',
    capacity: undefined,
    volumeName: undefined,
    phase: 'Pending',
  },
);

export const receiptsClaim = claim(
  'checkout-receipts',
  {
    state: 'bound',
    severity: 'ok',
    headline: 'Claim payments/checkout-receipts is bound',
    explanation: '',
    fix: '',
  },
  {
    storageClassName: 'efs-sc',
    provisioner: 'efs.csi.aws.com',
    driver: 'efs',
    accessModes: ['ReadWriteMany'],
    requested: '5Gi',
    capacity: '5Gi',
    cost: costOf('5Gi', 'efs-shared'),
  },
);

export function request(
  extra: Partial<StoredStorageRequest> = {},
): StoredStorageRequest {
  return {
    id: 'req-1',
    operation: 'create',
    entityRef: ENTITY_REF,
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName: 'payments-queue',
    offeringId: 'ebs-io2',
    spec: { size: '200Gi', accessMode: 'ReadWriteOnce' },
    manifests: [],
    status: 'pending-approval',
    requestedBy: 'user:default/guest',
    attempts: 0,
    createdAt: '2026-01-12T08:00:00Z',
    updatedAt: '2026-01-12T08:00:00Z',
    ...extra,
  };
}

export const claimsResponse: ClaimsResponse = {
  items: [dbClaim, cacheClaim, archiveClaim, receiptsClaim],
  requests: [request()],
  clusters: [
    { name: 'eks-dev', synced: true, claims: 3 },
    { name: 'eks-prod', synced: true, claims: 1 },
  ],
  selector: 'backstage.io/kubernetes-id=payments-api',
};

export const emptyClaimsResponse: ClaimsResponse = {
  items: [],
  requests: [],
  clusters: claimsResponse.clusters,
  selector: 'backstage.io/kubernetes-id=payments-api',
};

export function claimDetail(
  base: ClaimListItem = dbClaim,
  extra: Partial<ClaimDetailResponse> = {},
): ClaimDetailResponse {
  return {
    ...base,
    entityRef: ENTITY_REF,
    offering: base.driver === 'efs' ? 'efs-shared' : gp3.id,
    volume: base.volumeName
      ? {
          name: base.volumeName,
          driver: base.provisioner,
          volumeHandle: 'vol-0abc123def4567890',
          zone: 'us-east-1a',
          reclaimPolicy: 'Delete',
          encrypted: true,
          capacity: base.capacity,
          phase: 'Bound',
        }
      : undefined,
    consumers: [
      {
        pod: 'payments-db-0',
        phase: 'Running',
        node: 'ip-10-0-1-5.ec2.internal',
        zone: 'us-east-1a',
      },
    ],
    snapshots: [
      {
        name: `${base.name}-nightly`,
        readyToUse: true,
        restoreSize: base.capacity ?? '20Gi',
        createdAt: '2026-01-11T02:00:00Z',
      },
      {
        name: `${base.name}-now`,
        readyToUse: false,
        createdAt: '2026-01-12T09:00:00Z',
      },
    ],
    events: [
      {
        type: 'Normal',
        reason: 'ProvisioningSucceeded',
        message: `Successfully provisioned volume ${base.volumeName}`,
        count: 1,
        lastSeen: '2026-01-10T08:00:05Z',
        object: `PersistentVolumeClaim/${base.name}`,
      },
    ],
    transitions: [
      {
        cluster: base.cluster,
        namespace: base.namespace,
        name: base.name,
        toState: 'provisioning',
        severity: 'info',
        headline: `Claim ${base.namespace}/${base.name} is being provisioned`,
        observedAt: '2026-01-10T08:00:00Z',
      },
      {
        cluster: base.cluster,
        namespace: base.namespace,
        name: base.name,
        fromState: 'provisioning',
        toState: base.diagnosis.state,
        severity: base.diagnosis.severity,
        headline: base.diagnosis.headline,
        observedAt: '2026-01-10T08:00:06Z',
      },
    ],
    manifest: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: base.name, namespace: base.namespace },
    },
    manifestYaml: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${base.name}\n  namespace: ${base.namespace}\n`,
    requests: [],
    ...extra,
  };
}

/** A pending resize in the approval queue, as an approver sees it. */
export function approvalItem(
  extra: Partial<ApprovalItem> = {},
  requestExtra: Partial<StoredStorageRequest> = {},
): ApprovalItem {
  return {
    request: request({
      id: 'req-resize',
      operation: 'resize',
      claimName: 'data-payments-db-0',
      offeringId: 'ebs-gp3',
      spec: { size: '800Gi', justification: 'Ledger growth' },
      manifests: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data-payments-db-0', namespace: 'payments' },
          spec: { resources: { requests: { storage: '800Gi' } } },
        },
      ],
      requestedBy: 'user:default/alice',
      ...requestExtra,
    }),
    approval: {
      requirement: {
        rule: 'large-volumes',
        reason: 'Volumes over 500Gi need the platform team',
        approvers: ['group:default/platform-team', 'group:default/dba'],
        mode: 'all',
        minApprovals: 2,
        expiresAt: '2026-01-19T08:00:00Z',
        remindAt: '2026-01-15T20:00:00Z',
      },
      votes: [
        {
          approver: 'user:default/dora',
          onBehalfOf: ['group:default/dba'],
          decision: 'approve',
          comment: 'Fine by the DBAs',
          at: '2026-01-12T09:00:00Z',
        },
      ],
    },
    actions: {
      approve: { allowed: true },
      reject: { allowed: true },
      cancel: { allowed: false, reason: 'Only alice may cancel it' },
    },
    entityOwner: 'group:default/payments',
    previousSize: '20Gi',
    cost: costOf('800Gi'),
    previousCost: costOf('20Gi'),
    findings: [
      {
        severity: 'warning',
        field: 'size',
        code: 'large-size',
        message: 'An 800Gi gp3 volume takes a while to snapshot',
        fix: 'Consider io2 for this size',
      },
    ],
    ...extra,
  };
}

export function approvalsResponse(
  extra: Partial<ApprovalsResponse> = {},
): ApprovalsResponse {
  return {
    items: [approvalItem()],
    approver: true,
    signalChannel: 'storage:approvals',
    ...extra,
  };
}

/** A request's detail as its page reads it. */
export function requestDetail(
  extra: Partial<RequestDetailResponse> = {},
): RequestDetailResponse {
  const item = approvalItem();
  return {
    request: item.request,
    history: [
      {
        toStatus: 'submitted',
        actor: 'user:default/alice',
        at: '2026-01-12T08:00:00Z',
      },
      {
        fromStatus: 'submitted',
        toStatus: 'pending-approval',
        reason: 'Volumes over 500Gi need the platform team',
        actor: 'storage-policy',
        at: '2026-01-12T08:00:01Z',
      },
    ],
    approval: item.approval,
    actions: {
      approve: { allowed: false, reason: 'You requested it' },
      reject: { allowed: false, reason: 'You requested it' },
      cancel: { allowed: true },
    },
    signalChannel: 'storage:request:req-resize',
    ...extra,
  };
}
