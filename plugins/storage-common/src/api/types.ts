import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import type { CostEstimate } from '../cost';
import type { DriverId } from '../catalogue';
import type { Diagnosis } from '../diagnosis';
import type {
  OfferingCapabilities,
  RequestOperation,
  StorageOffering,
  StorageRequestStatus,
} from '../model';
import type { RenderedObject } from '../render';
import type { Finding } from '../validation';

/** A claim as the Storage tab lists it. */
export interface ClaimSummary {
  cluster: string;
  namespace: string;
  name: string;
  uid?: string;
  labels: Record<string, string>;
  /** The entity named on claims this plugin made. */
  entityRef?: string;
  requestId?: string;
  offeringId?: string;
  storageClassName?: string;
  provisioner?: string;
  driver?: DriverId;
  accessModes: string[];
  volumeMode?: string;
  /** spec.resources.requests.storage */
  requested?: string;
  /** status.capacity.storage: what the volume really has. */
  capacity?: string;
  volumeName?: string;
  phase?: string;
  createdAt?: string;
  diagnosis: Diagnosis;
}

export interface ClaimVolume {
  name: string;
  driver?: string;
  volumeHandle?: string;
  zone?: string;
  reclaimPolicy?: string;
  /** From the class's `encrypted` parameter (EBS), when it says. */
  encrypted?: boolean;
  capacity?: string;
  phase?: string;
}

export interface ClaimConsumer {
  pod: string;
  phase?: string;
  node?: string;
  zone?: string;
}

export interface ClaimSnapshot {
  name: string;
  readyToUse: boolean;
  restoreSize?: string;
  createdAt?: string;
  error?: string;
}

export interface ClaimEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstSeen?: string;
  lastSeen?: string;
  source?: string;
  /** `Kind/name` of the object the event is about. */
  object: string;
}

/** Everything the cluster says about one claim. */
export interface ClaimDetail extends ClaimSummary {
  volume?: ClaimVolume;
  consumers: ClaimConsumer[];
  snapshots: ClaimSnapshot[];
  events: ClaimEvent[];
  /** The claim as the cluster has it, without the noise. */
  manifest: V1PersistentVolumeClaim;
}

/** A change of a claim's state, as the backend saw it in its cluster. */
export interface ClaimTransition {
  cluster: string;
  namespace: string;
  name: string;
  uid?: string;
  entityRef?: string;
  requestId?: string;
  fromState?: string;
  /** A diagnosis state, or `deleted`. */
  toState: string;
  severity: string;
  headline: string;
  observedAt: string;
}

/** A request as the backend stores it. */
export interface StoredStorageRequest {
  id: string;
  operation: RequestOperation;
  entityRef: string;
  cluster: string;
  namespace: string;
  claimName: string;
  offeringId?: string;
  /** The request as submitted (a StorageRequest). */
  spec: unknown;
  manifests: unknown[];
  status: StorageRequestStatus;
  requestedBy: string;
  decidedBy?: string;
  decisionReason?: string;
  lastError?: string;
  attempts: number;
  nextAttemptAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface RequestHistoryEntry {
  fromStatus?: StorageRequestStatus;
  toStatus: StorageRequestStatus;
  reason?: string;
  actor: string;
  at: string;
}

export interface ClusterStatus {
  name: string;
  /** Whether the backend's informers are connected. */
  synced: boolean;
  claims: number;
}

export interface OfferingListItem extends StorageOffering {
  capabilities: OfferingCapabilities;
  /** Clusters that have the offering's StorageClass. */
  clusters: string[];
  /** Monthly cost of the default size. */
  defaultCost?: CostEstimate;
}

/** What the backend answers to a validation or a submission. */
export interface ValidationResponse {
  findings: Finding[];
  manifests: RenderedObject[];
  manifestsYaml: string;
  /** The cluster's own verdict (server-side dry run). */
  dryRun?: { ok: boolean; message?: string };
  cost?: CostEstimate;
  offering?: string;
  /** For deletes: what happens to the volume and its data. */
  consequence?: string;
  /** Set when the platform team must approve the request, and why. */
  approval?: { required: true; reason: string };
}

export interface SubmitResponse extends ValidationResponse {
  request: StoredStorageRequest;
}

export interface ClaimListItem extends ClaimSummary {
  cost?: CostEstimate;
}

export interface ClaimsResponse {
  items: ClaimListItem[];
  /** Requests of the entity still on their way (or stopped): rows too. */
  requests: StoredStorageRequest[];
  clusters: ClusterStatus[];
  /** The label selector claims were matched with. */
  selector?: string;
  /** The opaque signals channel nudged when any of this changes. */
  signalChannel?: string;
}

export interface ClaimDetailResponse extends ClaimDetail {
  manifestYaml: string;
  offering?: string;
  cost?: CostEstimate;
  transitions: ClaimTransition[];
  requests: StoredStorageRequest[];
  /** The opaque signals channel nudged when the claim or its requests change. */
  signalChannel?: string;
}

export interface RequestDetailResponse {
  request: StoredStorageRequest;
  history: RequestHistoryEntry[];
  /** The opaque signals channel nudged when the request moves on. */
  signalChannel?: string;
}

/** Where a claim lives: the key of every claim action. */
export interface ClaimRef {
  cluster: string;
  namespace: string;
  name: string;
}
