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
      /** @description Deletes: the claim's name again. */
      confirm?: string;
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
}
