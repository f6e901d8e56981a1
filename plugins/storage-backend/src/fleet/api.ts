/**
 * The platform console's answers as the API contract
 * (src/schema/openapi.yaml) defines them. The integration tests check the
 * answers against the contract's schemas, so these types and the contract
 * cannot drift apart unnoticed.
 */
import type {
  ClusterStatus,
  DriverId,
  RequestOperation,
  SubmitResponse,
} from './contractTypes';

export interface ClaimUsage {
  usedBytes: number;
  capacityBytes: number;
  /** usedBytes / capacityBytes, 0..1. */
  usedFraction: number;
  observedAt: string;
}

export interface UsageSample {
  observedAt: string;
  usedBytes: number;
  capacityBytes: number;
}

export interface UsageSuggestion {
  action: 'resize' | 'shrink-by-migration' | 'smaller-offering';
  fromSize: string;
  toSize: string;
  offering?: string;
  usedFraction: number;
  monthlySavingUsd?: number;
  notBefore?: string;
}

export interface FleetObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface FleetVolume {
  name: string;
  phase?: string;
  reclaimPolicy?: string;
  capacity?: string;
  storageClassName?: string;
  driver?: DriverId;
  volumeHandle?: string;
  zone?: string;
  encrypted?: boolean;
  createdAt?: string;
  releasedAt?: string;
  lastClaim?: { namespace: string; name: string };
}

export type FleetAction =
  | 'delete-volume'
  | 'adopt-volume'
  | 'delete-claim'
  | 'resize'
  | 'snapshot';

export type FleetSection =
  | 'waste'
  | 'class-health'
  | 'compliance'
  | 'usage'
  | 'backups'
  | 'expiry';

export interface FleetFinding {
  id: string;
  section: FleetSection;
  code: string;
  severity: 'error' | 'warning' | 'info';
  cluster: string;
  object: FleetObjectRef;
  title: string;
  detail: string;
  fix: string;
  field?: string;
  kubernetesId?: string;
  entityRef?: string;
  ownerRef?: string;
  monthlyUsd?: number;
  since?: string;
  ageDays?: number;
  lastClaim?: { namespace: string; name: string };
  suggestion?: UsageSuggestion;
  volume?: FleetVolume;
  actions: FleetAction[];
}

export interface FleetViewer {
  mayCleanUp: boolean;
}

export interface FleetFindingsResponse {
  items: FleetFinding[];
  totalMonthlyUsd: number;
  viewer: FleetViewer;
  clusters: ClusterStatus[];
  generatedAt: string;
}

export interface FleetStorageClass {
  cluster: string;
  name: string;
  provisioner: string;
  driver?: DriverId;
  isDefault: boolean;
  volumeBindingMode?: string;
  reclaimPolicy?: string;
  allowVolumeExpansion: boolean;
  parameters: Record<string, string>;
  status: 'ok' | 'warning' | 'error';
  findings: FleetFinding[];
  offerings: string[];
}

export interface FleetClassesResponse {
  items: FleetStorageClass[];
  findings: FleetFinding[];
  clusters: ClusterStatus[];
  generatedAt: string;
}

export interface FleetComplianceRule {
  id: string;
  description: string;
  enabled: boolean;
}

export interface FleetComplianceResponse {
  items: FleetFinding[];
  rules: FleetComplianceRule[];
  clusters: ClusterStatus[];
  generatedAt: string;
}

export interface FleetUsageItem {
  cluster: string;
  namespace: string;
  name: string;
  entityRef?: string;
  storageClassName?: string;
  driver?: DriverId;
  capacity?: string;
  usage: ClaimUsage;
  suggestion?: UsageSuggestion;
}

export interface FleetUsageResponse {
  items: FleetUsageItem[];
  lastCollectedAt?: string;
  clusters: ClusterStatus[];
}

export interface ClaimUsageHistory {
  cluster: string;
  namespace: string;
  name: string;
  samples: UsageSample[];
  latest?: ClaimUsage;
  suggestion?: UsageSuggestion;
}

export interface SnapshotSchedule {
  offering: string;
  everyHours: number;
  keep: number;
  lastTakenAt?: string;
  nextDueAt?: string;
}

export interface FleetBackupItem {
  cluster: string;
  namespace: string;
  name: string;
  entityRef?: string;
  lifecycle?: string;
  production: boolean;
  newestSnapshot?: { name: string; createdAt?: string; readyToUse: boolean };
  newestAgeHours?: number;
  snapshots: number;
  stale: boolean;
  schedule?: SnapshotSchedule;
  finding?: FleetFinding;
}

export interface FleetBackupsResponse {
  items: FleetBackupItem[];
  staleAfterHours: number;
  clusters: ClusterStatus[];
}

export type ExpiryStatus =
  | 'upcoming'
  | 'warned'
  | 'snapshotting'
  | 'deleting'
  | 'deleted'
  | 'failed';

export interface FleetExpiryItem {
  cluster: string;
  namespace: string;
  name: string;
  entityRef?: string;
  requestId?: string;
  expiresAt: string;
  status: ExpiryStatus;
  warnedAt?: string;
  snapshotFirst: boolean;
  snapshotRequestId?: string;
  deleteRequestId?: string;
  message?: string;
}

export interface FleetExpiriesResponse {
  items: FleetExpiryItem[];
  clusters: ClusterStatus[];
}

export interface FleetOwnerHint {
  source: 'label' | 'namespace' | 'annotation' | 'request' | 'workload';
  detail: string;
  entityRef?: string;
}

export interface FleetClaim {
  kind: 'PersistentVolumeClaim' | 'PersistentVolume';
  cluster: string;
  namespace: string;
  name: string;
  volumeName?: string;
  labels: Record<string, string>;
  entityRef?: string;
  ownerRef?: string;
  systemRef?: string;
  lifecycle?: string;
  owned: boolean;
  ownerHints: FleetOwnerHint[];
  storageClassName?: string;
  driver?: DriverId;
  offeringId?: string;
  phase?: string;
  state: string;
  severity: 'ok' | 'info' | 'warning' | 'error';
  headline: string;
  requested?: string;
  capacity?: string;
  capacityBytes?: number;
  createdAt?: string;
  ageDays?: number;
  consumers: number;
  usage?: ClaimUsage;
  monthlyUsd?: number;
  newestSnapshotAt?: string;
  expiresAt?: string;
}

export interface FleetClaimsResponse {
  items: FleetClaim[];
  total: number;
  clusters: ClusterStatus[];
}

export interface FleetGroup {
  key: string;
  claims: number;
  volumes: number;
  capacityBytes: number;
  monthlyUsd: number;
}

export interface FleetOverviewResponse {
  generatedAt: string;
  clusters: ClusterStatus[];
  byCluster: FleetGroup[];
  byDriver: FleetGroup[];
  byState: FleetGroup[];
  cost: {
    currency: 'USD';
    totalMonthlyUsd: number;
    byTeam: FleetGroup[];
    bySystem: FleetGroup[];
    byDriver: FleetGroup[];
    trend: Array<{ date: string; totalMonthlyUsd: number }>;
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
}

export interface VolumeDeleteInput {
  confirm: string;
  entityRef?: string;
  requestId?: string;
  justification?: string;
}

export interface VolumeAdoptInput {
  entityRef?: string;
  namespace?: string;
  claimName?: string;
  offering?: string;
  requestId?: string;
  justification?: string;
}

export interface FleetClaimDeleteInput {
  confirm: string;
  snapshotFirst?: boolean;
  requestId?: string;
  justification?: string;
}

export type FleetSubmitResponse = SubmitResponse & {
  followUp?: { operation: RequestOperation; when: string };
};
