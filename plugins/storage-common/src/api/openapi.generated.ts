// Generated from plugins/storage-backend/src/schema/openapi.yaml by
// `yarn generate:openapi`: do not edit. A test fails when it is stale.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness of the plugin and its cluster watches. */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The configured clusters and whether their informers are synced. */
    get: operations['getClusters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/offerings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the platform offers, where each class exists, and the cost of the default size. */
    get: operations['getOfferings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requests/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validates a request without storing it; includes the server-side dry run, the cost and whether the platform team must approve. */
    post: operations['validateRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Requests of an entity; without `entityRef`, every request (approvers only). */
    get: operations['listRequests'];
    put?: never;
    /** Submits a request; policy approves it or queues it. Idempotent by `requestId` for the same requester, entity and request. */
    post: operations['submitRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A request and its status history. */
    get: operations['getRequest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves a pending request, as one of its approvers (never its requester). */
    post: operations['approveRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rejects a pending request with a comment the requester reads. */
    post: operations['rejectRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancels a pending request, as its requester. */
    post: operations['cancelRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The approval queue: for approvers, the pending requests they may decide (view=pending) or the decided ones (view=history); for everyone else, their own pending requests. */
    get: operations['listApprovals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The claims of an entity across clusters (matched like the Kubernetes plugin), with diagnosis and cost, and its requests still on their way. */
    get: operations['listClaims'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/claims/{cluster}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One claim — diagnosis, volume, consumers, snapshots, events, transitions, manifest, cost, requests. */
    get: operations['getClaim'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/claims/{cluster}/{namespace}/{name}/resize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests a larger size. */
    post: operations['resizeClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/claims/{cluster}/{namespace}/{name}/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests a VolumeSnapshot of the claim. */
    post: operations['snapshotClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/claims/{cluster}/{namespace}/{name}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests a new claim restored from a snapshot of this one. */
    post: operations['restoreClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/claims/{cluster}/{namespace}/{name}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests deletion; the claim's name must be repeated. The answer states what happens to the data. */
    post: operations['deleteClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The platform console's overview: claims and capacity by cluster, driver and state; monthly cost by owner team, system and driver with its trend; how many findings each section has. */
    get: operations['getFleetOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every claim in every cluster, and every volume no claim holds, with owner (or the hints to find one), usage, cost and age. Filters combine with AND. */
    get: operations['listFleetClaims'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/waste': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What is paid for and not used: Released volumes kept by Retain, volumes no claim holds, snapshots whose source is gone, claims no pod used for days, claims provisioned far above use; each with its monthly cost and the actions that remove it. */
    get: operations['listFleetWaste'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/classes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Class health, "will this bind?": every StorageClass of every cluster checked live (CSI driver installed, in-tree provisioners, default class, expansion, binding mode, parameter limits, encryption) and offerings pointing at missing classes. */
    get: operations['listFleetClasses'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/compliance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Compliance findings by the configured rule set (storage.fleet.compliance): unencrypted EBS classes and volumes, missing KMS keys, EFS without TLS; each names the fix. */
    get: operations['listFleetCompliance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Used against capacity of every claim from the kubelets' volume stats (collected on a schedule), with resize and shrink suggestions and their monthly saving. */
    get: operations['listFleetUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/usage/{cluster}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One claim's usage history (the samples the collector stored) and its suggestion. */
    get: operations['getClaimUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per claim, its newest ready VolumeSnapshot and its age, the offering's snapshot schedule, and production claims with no recent snapshot. */
    get: operations['listFleetBackups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/expiries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Claims with an expiry (storage.backstage.io/expires-at), soonest first, and where their clean-up stands (warned, snapshotting, deleting). */
    get: operations['listFleetExpiries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/volumes/{cluster}/{name}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests the deletion of a PersistentVolume no claim holds (Released or Available) through the request workflow (policy, approval, audit). The volume's name must be repeated. */
    post: operations['deleteFleetVolume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/volumes/{cluster}/{name}/adopt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests a new claim bound to a volume no claim holds, for the entity that owned it (a create request with an existing-volume source), through the request workflow. */
    post: operations['adoptFleetVolume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/fleet/claims/{cluster}/{namespace}/{name}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Requests the deletion of a claim, optionally after a snapshot of it is ready (snapshotFirst), through the request workflow. The claim's name must be repeated. */
    post: operations['deleteFleetClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    StorageRequestInput: {
      /** @description create, restore, resize, snapshot or delete. */
      operation: string;
      /** @description Idempotency key of the requester and entity. */
      requestId?: string;
      /** @example component:default/payments-api */
      entityRef: string;
      /** @description Ignored; the backend sets it from the entity. */
      kubernetesId?: string;
      /** @example eks-dev */
      cluster: string;
      /** @example payments */
      namespace: string;
      /** @example ledger-data */
      claimName: string;
      justification?: string;
      /** @example ebs-gp3 */
      offering?: string;
      /** @example 20Gi */
      size?: string;
      /** @example ReadWriteOnce */
      accessMode?: string;
      /** @example Filesystem */
      volumeMode?: string;
      /** @example database */
      workload?: string;
      /** @description ISO 8601 date-time after which the claim may be cleaned up. */
      expiresAt?: string;
      source?: components['schemas']['VolumeSourceInput'];
      snapshotName?: string;
      volumeSnapshotClassName?: string;
      /** @description Deletes: the claim's name again (the volume's, with volumeName). */
      confirm?: string;
      /** @description Deletes: a PersistentVolume no claim holds (Released or Available) to delete instead of a claim; namespace and claimName name its last claim (for a volume never claimed, its owner's namespace and the volume's name). */
      volumeName?: string;
    };
    /** @description Where a new claim's data comes from. */
    VolumeSourceInput: {
      /** @description new, snapshot, clone or existing. */
      type: string;
      snapshotName?: string;
      claimName?: string;
      volumeId?: string;
      zone?: string;
      dnsName?: string;
      mountName?: string;
      mountOptions?: string[];
    };
    ResizeInput: {
      /** @example 40Gi */
      size: string;
      requestId?: string;
      justification?: string;
    };
    SnapshotInput: {
      /** @description Defaults to <claim>-<UTC timestamp>. */
      snapshotName?: string;
      volumeSnapshotClassName?: string;
      requestId?: string;
      justification?: string;
    };
    RestoreInput: {
      snapshotName: string;
      /** @description Name of the new claim. */
      claimName: string;
      size?: string;
      offering?: string;
      accessMode?: string;
      requestId?: string;
      justification?: string;
    };
    DeleteInput: {
      /** @description The claim's name again. */
      confirm?: string;
      requestId?: string;
      justification?: string;
    };
    /** @description A Kubernetes object as the API server serves it. */
    KubernetesObject: {
      apiVersion: string;
      kind: string;
      metadata: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    ClusterStatus: {
      name: string;
      /** @description Whether every informer of the cluster has listed and is connected. */
      synced: boolean;
      claims: number;
    };
    Finding: {
      /** @enum {string} */
      severity: 'error' | 'warning' | 'info';
      /** @description Path of the field at fault, e.g. `size` or `source.volumeId`. */
      field: string;
      code: string;
      message: string;
      fix: string;
    };
    CostLine: {
      /** @enum {string} */
      item: 'storage' | 'iops' | 'throughput';
      description: string;
      quantity: number;
      unit: string;
      unitPriceUsd: number;
      monthlyUsd: number;
    };
    CostEstimate: {
      /** @enum {string} */
      currency: 'USD';
      /** @description Absent when the storage is billed by use (EFS, S3). */
      totalMonthlyUsd?: number;
      breakdown: components['schemas']['CostLine'][];
      usagePricePerGiBMonth?: number;
      billedByUse: boolean;
      region: string;
      priceDate: string;
      notes: string[];
    };
    Diagnosis: {
      /** @enum {string} */
      state:
        | 'provisioning'
        | 'waiting-for-consumer'
        | 'bound'
        | 'resizing'
        | 'resize-pending-restart'
        | 'failed'
        | 'lost'
        | 'terminating'
        | 'released';
      /** @enum {string} */
      severity: 'ok' | 'info' | 'warning' | 'error';
      headline: string;
      explanation: string;
      fix: string;
      since?: string;
    };
    ClaimSummary: {
      cluster: string;
      namespace: string;
      name: string;
      uid?: string;
      labels: {
        [key: string]: string;
      };
      /** @description The entity named on claims this plugin made. */
      entityRef?: string;
      requestId?: string;
      offeringId?: string;
      storageClassName?: string;
      provisioner?: string;
      driver?: components['schemas']['DriverId'];
      accessModes: string[];
      volumeMode?: string;
      /** @description spec.resources.requests.storage */
      requested?: string;
      /** @description status.capacity.storage: what the volume really has. */
      capacity?: string;
      volumeName?: string;
      phase?: string;
      createdAt?: string;
      diagnosis: components['schemas']['Diagnosis'];
    };
    ClaimVolume: {
      name: string;
      driver?: string;
      volumeHandle?: string;
      zone?: string;
      reclaimPolicy?: string;
      encrypted?: boolean;
      capacity?: string;
      phase?: string;
    };
    ClaimConsumer: {
      pod: string;
      phase?: string;
      node?: string;
      zone?: string;
    };
    ClaimSnapshot: {
      name: string;
      readyToUse: boolean;
      restoreSize?: string;
      createdAt?: string;
      error?: string;
    };
    ClaimEvent: {
      type?: string;
      reason?: string;
      message?: string;
      count?: number;
      firstSeen?: string;
      lastSeen?: string;
      source?: string;
      /** @description Kind/name of the object the event is about. */
      object: string;
    };
    ClaimDetail: components['schemas']['ClaimSummary'] & {
      volume?: components['schemas']['ClaimVolume'];
      consumers: components['schemas']['ClaimConsumer'][];
      snapshots: components['schemas']['ClaimSnapshot'][];
      events: components['schemas']['ClaimEvent'][];
      manifest: components['schemas']['KubernetesObject'];
    };
    ClaimTransition: {
      cluster: string;
      namespace: string;
      name: string;
      uid?: string;
      entityRef?: string;
      requestId?: string;
      fromState?: string;
      /** @description A diagnosis state, or `deleted`. */
      toState: string;
      severity: string;
      headline: string;
      observedAt: string;
    };
    /** @enum {string} */
    RequestStatus:
      | 'submitted'
      | 'pending-approval'
      | 'approved'
      | 'rejected'
      | 'applying'
      | 'applied'
      | 'failed'
      | 'cancelled';
    /** @enum {string} */
    RequestOperation: 'create' | 'restore' | 'resize' | 'snapshot' | 'delete';
    /** @enum {string} */
    DriverId: 'ebs' | 'efs' | 'fsx-lustre' | 's3' | 'ontap';
    StoredStorageRequest: {
      id: string;
      operation: components['schemas']['RequestOperation'];
      entityRef: string;
      cluster: string;
      namespace: string;
      claimName: string;
      offeringId?: string;
      /** @description The request as submitted (a StorageRequest). */
      spec: unknown;
      manifests: unknown[];
      status: components['schemas']['RequestStatus'];
      requestedBy: string;
      decidedBy?: string;
      decisionReason?: string;
      lastError?: string;
      attempts: number;
      nextAttemptAt?: string;
      createdAt: string;
      updatedAt: string;
    };
    RequestHistoryEntry: {
      fromStatus?: components['schemas']['RequestStatus'];
      toStatus: components['schemas']['RequestStatus'];
      reason?: string;
      actor: string;
      at: string;
    };
    OfferingCapabilities: {
      dynamic: boolean;
      expansion: boolean;
      snapshots: boolean;
      clones: boolean;
      capacityUsed: boolean;
    };
    OfferedVolume: {
      id: string;
      title?: string;
      owners: string[];
    };
    /** @description An offering as the platform team publishes it under `storage.offerings`. */
    StorageOffering: {
      id: string;
      title: string;
      description: string;
      driver: components['schemas']['DriverId'];
      storageClassName: string;
      parameters: {
        [key: string]: string;
      };
      accessModes: (
        | 'ReadWriteOnce'
        | 'ReadOnlyMany'
        | 'ReadWriteMany'
        | 'ReadWriteOncePod'
      )[];
      volumeModes: ('Filesystem' | 'Block')[];
      size: {
        min?: string;
        max?: string;
        default: string;
      };
      recommendedFor: (
        | 'database'
        | 'message-broker'
        | 'ci-workspace'
        | 'shared-files'
        | 'ml-scratch'
        | 'logs-backup'
      )[];
      allowVolumeExpansion: boolean;
      labels: {
        [key: string]: string;
      };
      annotations: {
        [key: string]: string;
      };
      existingVolumes: components['schemas']['OfferedVolume'][];
      mountOptions: string[];
    };
    OfferingListItem: components['schemas']['StorageOffering'] & {
      capabilities: components['schemas']['OfferingCapabilities'];
      /** @description Clusters that have the offering's StorageClass. */
      clusters: string[];
      defaultCost?: components['schemas']['CostEstimate'];
    };
    /** @description Set when the platform team must approve the request, and why. */
    Approval: {
      /** @enum {boolean} */
      required: true;
      reason: string;
    };
    DecisionInput: {
      comment?: string;
    };
    RejectInput: {
      comment: string;
    };
    /** @description What policy decided (or would decide) for a request, naming the rule that fired. */
    PolicyDecision: {
      /** @enum {string} */
      outcome: 'auto-approve' | 'require-approval' | 'deny';
      rule?: string;
      reason: string;
      approvers?: string[];
      /** @enum {string} */
      mode?: 'any' | 'all';
      minApprovals?: number;
    };
    ApprovalRequirement: {
      rule?: string;
      reason: string;
      approvers: string[];
      /** @enum {string} */
      mode: 'any' | 'all';
      minApprovals: number;
      expiresAt: string;
      remindAt: string;
      remindedAt?: string;
    };
    ApprovalVote: {
      approver: string;
      onBehalfOf: string[];
      /** @enum {string} */
      decision: 'approve' | 'reject';
      comment?: string;
      at: string;
    };
    ApprovalState: {
      requirement?: components['schemas']['ApprovalRequirement'];
      votes: components['schemas']['ApprovalVote'][];
    };
    /** @description Whether the caller may take an action, and if not, why. */
    ActionAvailability: {
      allowed: boolean;
      reason?: string;
    };
    RequestActions: {
      approve: components['schemas']['ActionAvailability'];
      reject: components['schemas']['ActionAvailability'];
      cancel: components['schemas']['ActionAvailability'];
    };
    /** @description A request in the approval queue, with what an approver needs to decide it. */
    ApprovalItem: {
      request: components['schemas']['StoredStorageRequest'];
      approval: components['schemas']['ApprovalState'];
      actions: components['schemas']['RequestActions'];
      /** @description The owning group of the request's entity. */
      entityOwner?: string;
      /** @description Resizes, the claim's size before. */
      previousSize?: string;
      cost?: components['schemas']['CostEstimate'];
      previousCost?: components['schemas']['CostEstimate'];
      /** @description The validator's warnings and remarks on the request. */
      findings: components['schemas']['Finding'][];
    };
    ApprovalsResponse: {
      items: components['schemas']['ApprovalItem'][];
      /** @description Whether the caller may approve storage requests; if not, the items are their own pending requests. */
      approver: boolean;
      /** @description The channel nudged when the queue changes. */
      signalChannel?: string;
    };
    ValidationResponse: {
      findings: components['schemas']['Finding'][];
      manifests: components['schemas']['KubernetesObject'][];
      manifestsYaml: string;
      /** @description The cluster's own verdict (server-side dry run). */
      dryRun?: {
        ok: boolean;
        message?: string;
      };
      cost?: components['schemas']['CostEstimate'];
      offering?: string;
      /** @description For deletes, what happens to the volume and its data. */
      consequence?: string;
      approval?: components['schemas']['Approval'];
      decision?: components['schemas']['PolicyDecision'];
    };
    SubmitResponse: components['schemas']['ValidationResponse'] & {
      request: components['schemas']['StoredStorageRequest'];
    };
    ClaimListItem: components['schemas']['ClaimSummary'] & {
      cost?: components['schemas']['CostEstimate'];
      usage?: components['schemas']['ClaimUsage'];
      /** @description When the claim expires (its storage.backstage.io/expires-at annotation). */
      expiresAt?: string;
    };
    ClaimsResponse: {
      items: components['schemas']['ClaimListItem'][];
      /** @description Requests of the entity still on their way (or stopped). */
      requests: components['schemas']['StoredStorageRequest'][];
      clusters: components['schemas']['ClusterStatus'][];
      /** @description The label selector claims were matched with. */
      selector?: string;
      /** @description The opaque signals channel nudged when any of this changes. */
      signalChannel?: string;
    };
    ClaimDetailResponse: components['schemas']['ClaimDetail'] & {
      manifestYaml: string;
      offering?: string;
      usage?: components['schemas']['ClaimUsage'];
      /** @description When the claim expires (its storage.backstage.io/expires-at annotation). */
      expiresAt?: string;
      cost?: components['schemas']['CostEstimate'];
      transitions: components['schemas']['ClaimTransition'][];
      requests: components['schemas']['StoredStorageRequest'][];
      /** @description The opaque signals channel nudged when the claim or its requests change. */
      signalChannel?: string;
    };
    RequestDetailResponse: {
      request: components['schemas']['StoredStorageRequest'];
      history: components['schemas']['RequestHistoryEntry'][];
      approval?: components['schemas']['ApprovalState'];
      actions?: components['schemas']['RequestActions'];
      claim?: components['schemas']['ClaimSummary'];
      /** @description The opaque signals channel nudged when the request moves on. */
      signalChannel?: string;
    };
    /** @description Backstage's ErrorResponseBody, with findings for validation failures. */
    ErrorResponse: {
      error: {
        name: string;
        message: string;
      };
      request: {
        method: string;
        url: string;
      };
      response: {
        statusCode: number;
      };
      findings?: components['schemas']['Finding'][];
    };
    /** @description How full a claim's file system is, from the kubelet's volume stats. */
    ClaimUsage: {
      usedBytes: number;
      capacityBytes: number;
      /** @description usedBytes / capacityBytes, 0..1. */
      usedFraction: number;
      observedAt: string;
    };
    UsageSample: {
      observedAt: string;
      usedBytes: number;
      capacityBytes: number;
    };
    /** @description What to do about a claim's size, with what it saves (or costs) a month. */
    UsageSuggestion: {
      /**
       * @description resize above 80% used; shrink by migration (or move to a smaller offering) when below 20% for 7 days.
       * @enum {string}
       */
      action: 'resize' | 'shrink-by-migration' | 'smaller-offering';
      fromSize: string;
      toSize: string;
      /** @description The smaller offering to move to (smaller-offering). */
      offering?: string;
      /** @description Share of the capacity in use in the newest sample, 0..1. */
      usedFraction: number;
      /** @description Monthly list-price difference; negative when the change costs more (a resize). */
      monthlySavingUsd?: number;
      /** @description EBS allows one modification per volume every six hours; a resize waits until then. */
      notBefore?: string;
    };
    FleetObjectRef: {
      /** @description PersistentVolumeClaim, PersistentVolume, VolumeSnapshot, StorageClass, CSIDriver, Offering or Cluster. */
      kind: string;
      name: string;
      namespace?: string;
    };
    /** @description A PersistentVolume as the console shows it. */
    FleetVolume: {
      name: string;
      phase?: string;
      reclaimPolicy?: string;
      capacity?: string;
      storageClassName?: string;
      driver?: components['schemas']['DriverId'];
      volumeHandle?: string;
      zone?: string;
      encrypted?: boolean;
      createdAt?: string;
      /** @description When it became Released (status.lastPhaseTransitionTime). */
      releasedAt?: string;
      /** @description The claim it was bound to (spec.claimRef). */
      lastClaim?: {
        namespace: string;
        name: string;
      };
    };
    /**
     * @description An action that removes a finding: delete-volume and adopt-volume are the /fleet/volumes routes; delete-claim the /fleet/claims delete; resize and snapshot the claim routes.
     * @enum {string}
     */
    FleetAction:
      | 'delete-volume'
      | 'adopt-volume'
      | 'delete-claim'
      | 'resize'
      | 'snapshot';
    /** @description One thing the console found (storage-common's fleet functions, the same `eks-storage audit` prints), with the fix. */
    FleetFinding: {
      /** @description Stable key of the finding (section, code, cluster and object). */
      id: string;
      /** @enum {string} */
      section:
        | 'waste'
        | 'class-health'
        | 'compliance'
        | 'usage'
        | 'backups'
        | 'expiry';
      /** @example released-volume */
      code: string;
      /** @enum {string} */
      severity: 'error' | 'warning' | 'info';
      cluster: string;
      object: components['schemas']['FleetObjectRef'];
      /** @description One line, naming the object. */
      title: string;
      /** @description What is going on and why it matters. */
      detail: string;
      fix: string;
      /** @description The field at fault, e.g. parameters.iops. */
      field?: string;
      /** @description The backstage.io/kubernetes-id the object (or its last claim) carries. */
      kubernetesId?: string;
      /** @description The entity the object belongs to, when the catalog resolves it. */
      entityRef?: string;
      /** @description The entity's owning group. */
      ownerRef?: string;
      /** @description The monthly list price at stake (what the waste costs; what a suggestion saves). */
      monthlyUsd?: number;
      since?: string;
      ageDays?: number;
      /** @description The claim a volume or snapshot last belonged to. */
      lastClaim?: {
        namespace: string;
        name: string;
      };
      suggestion?: components['schemas']['UsageSuggestion'];
      volume?: components['schemas']['FleetVolume'];
      /** @description The console actions that remove it. */
      actions: components['schemas']['FleetAction'][];
    };
    /** @description What the caller may do from the console (each action is authorized again when asked). */
    FleetViewer: {
      /** @description The platform team's permission (storage.request.approve) lets them delete or adopt any volume no claim holds; owners may always act on their own entities' volumes. */
      mayCleanUp: boolean;
    };
    FleetFindingsResponse: {
      items: components['schemas']['FleetFinding'][];
      /** @description The sum of the findings' monthlyUsd. */
      totalMonthlyUsd: number;
      viewer: components['schemas']['FleetViewer'];
      clusters: components['schemas']['ClusterStatus'][];
      generatedAt: string;
    };
    FleetStorageClass: {
      cluster: string;
      name: string;
      provisioner: string;
      driver?: components['schemas']['DriverId'];
      isDefault: boolean;
      volumeBindingMode?: string;
      reclaimPolicy?: string;
      allowVolumeExpansion: boolean;
      parameters: {
        [key: string]: string;
      };
      /**
       * @description The worst finding's severity (error means claims of it will not bind).
       * @enum {string}
       */
      status: 'ok' | 'warning' | 'error';
      findings: components['schemas']['FleetFinding'][];
      /** @description Offerings that claim from this class. */
      offerings: string[];
    };
    FleetClassesResponse: {
      items: components['schemas']['FleetStorageClass'][];
      /** @description Findings about a cluster (no default class) or an offering (its class is missing). */
      findings: components['schemas']['FleetFinding'][];
      clusters: components['schemas']['ClusterStatus'][];
      generatedAt: string;
    };
    FleetComplianceRule: {
      id: string;
      description: string;
      enabled: boolean;
    };
    FleetComplianceResponse: {
      items: components['schemas']['FleetFinding'][];
      rules: components['schemas']['FleetComplianceRule'][];
      clusters: components['schemas']['ClusterStatus'][];
      generatedAt: string;
    };
    FleetUsageItem: {
      cluster: string;
      namespace: string;
      name: string;
      entityRef?: string;
      storageClassName?: string;
      driver?: components['schemas']['DriverId'];
      capacity?: string;
      usage: components['schemas']['ClaimUsage'];
      suggestion?: components['schemas']['UsageSuggestion'];
    };
    FleetUsageResponse: {
      items: components['schemas']['FleetUsageItem'][];
      /** @description When the collector last stored samples. */
      lastCollectedAt?: string;
      clusters: components['schemas']['ClusterStatus'][];
    };
    ClaimUsageHistory: {
      cluster: string;
      namespace: string;
      name: string;
      samples: components['schemas']['UsageSample'][];
      latest?: components['schemas']['ClaimUsage'];
      suggestion?: components['schemas']['UsageSuggestion'];
    };
    FleetSnapshotRef: {
      name: string;
      createdAt?: string;
      readyToUse: boolean;
    };
    /** @description An offering's `backup` setting, carried out by the backend. */
    SnapshotSchedule: {
      offering: string;
      everyHours: number;
      keep: number;
      lastTakenAt?: string;
      nextDueAt?: string;
    };
    FleetBackupItem: {
      cluster: string;
      namespace: string;
      name: string;
      entityRef?: string;
      lifecycle?: string;
      /** @description The entity's spec.lifecycle is production. */
      production: boolean;
      newestSnapshot?: components['schemas']['FleetSnapshotRef'];
      newestAgeHours?: number;
      /** @description How many snapshots of it exist. */
      snapshots: number;
      /** @description A production claim with no ready snapshot within storage.fleet.backups.staleAfter. */
      stale: boolean;
      schedule?: components['schemas']['SnapshotSchedule'];
      finding?: components['schemas']['FleetFinding'];
    };
    FleetBackupsResponse: {
      items: components['schemas']['FleetBackupItem'][];
      staleAfterHours: number;
      clusters: components['schemas']['ClusterStatus'][];
    };
    FleetExpiryItem: {
      cluster: string;
      namespace: string;
      name: string;
      entityRef?: string;
      /** @description The request that set the expiry. */
      requestId?: string;
      expiresAt: string;
      /** @enum {string} */
      status:
        | 'upcoming'
        | 'warned'
        | 'snapshotting'
        | 'deleting'
        | 'deleted'
        | 'failed';
      warnedAt?: string;
      /** @description The offering asks for a snapshot before an expired claim is deleted. */
      snapshotFirst: boolean;
      snapshotRequestId?: string;
      deleteRequestId?: string;
      message?: string;
    };
    FleetExpiriesResponse: {
      items: components['schemas']['FleetExpiryItem'][];
      clusters: components['schemas']['ClusterStatus'][];
    };
    /** @description A clue to who owns a claim no entity claims. */
    FleetOwnerHint: {
      /** @enum {string} */
      source: 'label' | 'namespace' | 'annotation' | 'request' | 'workload';
      /** @example label app.kubernetes.io/name=billing-worker */
      detail: string;
      /** @description The entity the clue points at, if one does. */
      entityRef?: string;
    };
    /** @description A claim of any cluster, or a volume no claim holds (kind PersistentVolume). */
    FleetClaim: {
      /** @enum {string} */
      kind: 'PersistentVolumeClaim' | 'PersistentVolume';
      cluster: string;
      /** @description For a volume, its last claim's namespace ('' when it never had one). */
      namespace: string;
      /** @description For a volume, its last claim's name, else the volume's. */
      name: string;
      volumeName?: string;
      labels: {
        [key: string]: string;
      };
      entityRef?: string;
      ownerRef?: string;
      systemRef?: string;
      lifecycle?: string;
      /** @description Whether a catalog entity claims it. */
      owned: boolean;
      ownerHints: components['schemas']['FleetOwnerHint'][];
      storageClassName?: string;
      driver?: components['schemas']['DriverId'];
      offeringId?: string;
      phase?: string;
      /** @description The diagnosis state, or available for a volume never claimed. */
      state: string;
      /** @enum {string} */
      severity: 'ok' | 'info' | 'warning' | 'error';
      headline: string;
      requested?: string;
      capacity?: string;
      capacityBytes?: number;
      createdAt?: string;
      ageDays?: number;
      /** @description Pods that mount it now. */
      consumers: number;
      usage?: components['schemas']['ClaimUsage'];
      monthlyUsd?: number;
      newestSnapshotAt?: string;
      expiresAt?: string;
    };
    FleetClaimsResponse: {
      items: components['schemas']['FleetClaim'][];
      /** @description How many match the filters (items holds at most `limit` of them). */
      total: number;
      clusters: components['schemas']['ClusterStatus'][];
    };
    FleetGroup: {
      /** @description The cluster, driver, state, team or system ('' for none). */
      key: string;
      claims: number;
      /** @description Volumes no claim holds. */
      volumes: number;
      capacityBytes: number;
      monthlyUsd: number;
    };
    FleetCostPoint: {
      /** @description A day (YYYY-MM-DD) the collector recorded the fleet's cost. */
      date: string;
      totalMonthlyUsd: number;
    };
    FleetOverviewResponse: {
      generatedAt: string;
      clusters: components['schemas']['ClusterStatus'][];
      byCluster: components['schemas']['FleetGroup'][];
      byDriver: components['schemas']['FleetGroup'][];
      byState: components['schemas']['FleetGroup'][];
      cost: {
        /** @enum {string} */
        currency: 'USD';
        /** @description List prices of what is provisioned; storage billed by use (EFS, S3) counts what is used. */
        totalMonthlyUsd: number;
        byTeam: components['schemas']['FleetGroup'][];
        bySystem: components['schemas']['FleetGroup'][];
        byDriver: components['schemas']['FleetGroup'][];
        /** @description The recorded daily totals, oldest first. */
        trend: components['schemas']['FleetCostPoint'][];
        region: string;
        priceDate: string;
      };
      counts: {
        claims: number;
        volumes: number;
        unowned: number;
        waste: number;
        classHealth: number;
        compliance: number;
        usage: number;
        backups: number;
        expiries: number;
      };
    };
    VolumeDeleteInput: {
      /** @description The volume's name again. */
      confirm: string;
      /** @description The entity the request is recorded under; defaults to the volume's owner (for a volume without a claim, the entity of its last claim's namespace). */
      entityRef?: string;
      requestId?: string;
      justification?: string;
    };
    VolumeAdoptInput: {
      /** @description Defaults to the volume's owner. */
      entityRef?: string;
      /** @description Defaults to the last claim's namespace. */
      namespace?: string;
      /** @description Defaults to the last claim's name. */
      claimName?: string;
      /** @description Defaults to an offering of the volume's driver that binds existing volumes, else the one of its class. */
      offering?: string;
      requestId?: string;
      justification?: string;
    };
    FleetClaimDeleteInput: {
      /** @description The claim's name again. */
      confirm: string;
      /** @description Take a snapshot first (a snapshot request now); the delete request follows once the snapshot is ready. */
      snapshotFirst?: boolean;
      requestId?: string;
      justification?: string;
    };
    FleetSubmitResponse: components['schemas']['SubmitResponse'] & {
      /** @description What the backend requests next on its own (the delete after the snapshot). */
      followUp?: {
        operation: components['schemas']['RequestOperation'];
        /** @example once snapshot data-x-20261201t1200 is ready */
        when: string;
      };
    };
  };
  responses: {
    /** @description The request after the decision. */
    Decided: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['RequestDetailResponse'];
      };
    };
    /** @description The action was stored as a request; `followUp` says what the backend requests after it. */
    FleetSubmitted: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['FleetSubmitResponse'];
      };
    };
    /** @description The action was stored as a request. */
    Submitted: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['SubmitResponse'];
      };
    };
    /** @description The input is malformed; the message names the field and the fix. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The request failed validation; nothing was stored. `findings` say why, field by field. */
    Invalid: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'] &
          components['schemas']['ValidationResponse'];
      };
    };
    /** @description No valid Backstage token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The permission policy refuses; the message says whose permission is needed. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The entity, claim or request does not exist. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The requestId was already used for another request. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description Too many requests are being checked against clusters; retry after `Retry-After` seconds. */
    TooManyRequests: {
      headers: {
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: {
    /** @example eks-dev */
    cluster: string;
    /** @example payments */
    namespace: string;
    /** @example data-payments-db-0 */
    name: string;
    /**
     * @description A PersistentVolume's name.
     * @example pvc-5f0c2a4e-8b1d-4c3e-9a7f-2d6b1e0c9a11
     */
    volumeName: string;
    requestId: string;
  };
  requestBodies: {
    /** @description A storage request (storage-common's `storageRequestSchema`), discriminated by `operation`. Types and lengths are checked here; what the values mean (names, sizes, offerings, sources) is checked by the validator, which answers with findings. */
    StorageRequest: {
      content: {
        'application/json': components['schemas']['StorageRequestInput'];
      };
    };
  };
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database answers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            clusters: components['schemas']['ClusterStatus'][];
          };
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description The database is unreachable. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'unavailable';
            message: string;
          };
        };
      };
    };
  };
  getClusters: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Clusters. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ClusterStatus'][];
          };
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getOfferings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Offerings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['OfferingListItem'][];
          };
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  validateRequest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['StorageRequest'];
    responses: {
      /** @description Findings (errors, warnings, information), manifests, dry run, cost. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ValidationResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
    };
  };
  listRequests: {
    parameters: {
      query?: {
        /** @example component:default/payments-api */
        entityRef?: string;
        /**
         * @description Comma-separated statuses.
         * @example pending-approval,approved
         */
        status?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Requests, newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoredStorageRequest'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  submitRequest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['StorageRequest'];
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmitResponse'];
        };
      };
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  getRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RequestDetailResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  approveRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['requestId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DecisionInput'];
      };
    };
    responses: {
      200: components['responses']['Decided'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  rejectRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['requestId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectInput'];
      };
    };
    responses: {
      200: components['responses']['Decided'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  cancelRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['requestId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DecisionInput'];
      };
    };
    responses: {
      200: components['responses']['Decided'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  listApprovals: {
    parameters: {
      query?: {
        view?: 'pending' | 'history';
        /** @description History only; comma-separated statuses. */
        status?: string;
        /** @description The owning group of the requests' entities. */
        team?: string;
        cluster?: string;
        /** @description History only; decided on or after this date (ISO 8601). */
        since?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  listClaims: {
    parameters: {
      query: {
        entityRef: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The entity's claims. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClaimsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  getClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The claim. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClaimDetailResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  resizeClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResizeInput'];
      };
    };
    responses: {
      202: components['responses']['Submitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  snapshotClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SnapshotInput'];
      };
    };
    responses: {
      202: components['responses']['Submitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  restoreClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RestoreInput'];
      };
    };
    responses: {
      202: components['responses']['Submitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  deleteClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeleteInput'];
      };
    };
    responses: {
      202: components['responses']['Submitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  getFleetOverview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetOverviewResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetClaims: {
    parameters: {
      query?: {
        /** @description The owning group of the claim's entity, e.g. group:default/team-payments. */
        team?: string;
        /** @description The system of the claim's entity, e.g. system:default/online-shop. */
        system?: string;
        /** @description The claim's entity, e.g. component:default/payments-api. */
        entity?: string;
        cluster?: string;
        namespace?: string;
        /** @description ebs, efs, fsx-lustre, s3 or ontap. */
        driver?: string;
        offering?: string;
        storageClass?: string;
        /** @description A diagnosis state (bound, provisioning, waiting-for-consumer, resizing, resize-pending-restart, failed, lost, terminating, released) or, for volumes without a claim, available. */
        state?: string;
        /** @description true for claims a catalog entity claims, false for the rest (no backstage.io/kubernetes-id label, or one no entity has). */
        owned?: string;
        minAgeDays?: string;
        maxAgeDays?: string;
        /** @description Used share of capacity in percent (0–100), from the last sample. */
        usageAbove?: string;
        usageBelow?: string;
        /** @description At most this many rows (default 500, at most 5000). */
        limit?: string;
        offset?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The claims, by cluster, namespace and name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetClaimsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetWaste: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Waste findings, costliest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetFindingsResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetClasses: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Classes with their findings, and cluster- and offering-level findings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetClassesResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetCompliance: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Findings, and the rules that produced them. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetComplianceResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetUsage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The last sample of each claim, fullest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetUsageResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getClaimUsage: {
    parameters: {
      query?: {
        /** @description How far back, in days (default 30, at most 365). */
        days?: string;
      };
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Samples, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClaimUsageHistory'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetBackups: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Claims, stale first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetBackupsResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  listFleetExpiries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Expiries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FleetExpiriesResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  deleteFleetVolume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /**
         * @description A PersistentVolume's name.
         * @example pvc-5f0c2a4e-8b1d-4c3e-9a7f-2d6b1e0c9a11
         */
        name: components['parameters']['volumeName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VolumeDeleteInput'];
      };
    };
    responses: {
      202: components['responses']['Submitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  adoptFleetVolume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /**
         * @description A PersistentVolume's name.
         * @example pvc-5f0c2a4e-8b1d-4c3e-9a7f-2d6b1e0c9a11
         */
        name: components['parameters']['volumeName'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['VolumeAdoptInput'];
      };
    };
    responses: {
      202: components['responses']['Submitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  deleteFleetClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example eks-dev */
        cluster: components['parameters']['cluster'];
        /** @example payments */
        namespace: components['parameters']['namespace'];
        /** @example data-payments-db-0 */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FleetClaimDeleteInput'];
      };
    };
    responses: {
      202: components['responses']['FleetSubmitted'];
      400: components['responses']['Invalid'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
}
