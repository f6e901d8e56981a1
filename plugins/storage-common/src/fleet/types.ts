import type {
  V1CSIDriver,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import type { Severity } from '../validation/findings';

/** The sections of the platform console a finding belongs to. */
export type FleetSection =
  | 'class-health'
  | 'compliance'
  | 'waste'
  | 'usage'
  | 'backups'
  | 'expiry';

export type FleetObjectKind =
  | 'Cluster'
  | 'StorageClass'
  | 'CSIDriver'
  | 'PersistentVolume'
  | 'PersistentVolumeClaim'
  | 'VolumeSnapshot'
  | 'Offering';

/** The object a finding is about (namespace only for namespaced kinds). */
export interface FleetObjectRef {
  kind: FleetObjectKind;
  name: string;
  namespace?: string;
}

/** What a usage suggestion proposes. */
export interface UsageSuggestion {
  action: 'resize' | 'shrink-by-migration' | 'smaller-offering';
  /** Current capacity (quantity, e.g. `100Gi`). */
  fromSize: string;
  /** Suggested capacity (quantity). */
  toSize: string;
  /** The smaller offering to move to (action `smaller-offering`). */
  offering?: string;
  /** Share of the capacity in use (0..1) in the newest sample. */
  usedFraction: number;
  /** Monthly list-price difference: positive saves money, negative costs more. */
  monthlySavingUsd?: number;
  /** EBS allows one modification per six hours: not before this time (ISO). */
  notBefore?: string;
}

/**
 * One fleet finding: what is wrong (or worth knowing) about one object of one
 * cluster, in plain words, and the fix. `id` is stable across runs for the
 * same problem on the same object, so it can key a table or a dismissal.
 */
export interface FleetFinding {
  id: string;
  section: FleetSection;
  /** Stable machine-readable code (see FLEET_RULE_CODES and the catalogue's codes). */
  code: string;
  severity: Severity;
  cluster: string;
  object: FleetObjectRef;
  /** One line, naming the object. */
  title: string;
  /** What is going on and why it matters. */
  detail: string;
  /** What to do about it. */
  fix: string;
  /** The field at fault, e.g. `parameters.iops`. */
  field?: string;
  /** The `backstage.io/kubernetes-id` the object (or its last claim) carries. */
  kubernetesId?: string;
  /** The owning entity, when the given entities resolve it. */
  entityRef?: string;
  /** Monthly list price at stake (what the waste costs). */
  monthlyUsd?: number;
  /** Since when the condition holds (ISO 8601). */
  since?: string;
  /** Whole days since `since`. */
  ageDays?: number;
  /** The claim a volume or snapshot last belonged to. */
  lastClaim?: { namespace: string; name: string };
  /** Usage findings: the proposed change. */
  suggestion?: UsageSuggestion;
}

/** A VolumeSnapshot (snapshot.storage.k8s.io/v1) as the API serves it. */
export interface FleetVolumeSnapshot {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: Date | string;
    deletionTimestamp?: Date | string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    source?: {
      persistentVolumeClaimName?: string;
      volumeSnapshotContentName?: string;
    };
    volumeSnapshotClassName?: string;
  };
  status?: {
    readyToUse?: boolean;
    creationTime?: Date | string;
    restoreSize?: string;
    boundVolumeSnapshotContentName?: string;
    error?: { message?: string; time?: Date | string };
  };
}

/** A claim the tracker remembers after its deletion (for the last owner of a Released volume). */
export interface FormerClaim {
  namespace: string;
  name: string;
  uid?: string;
  labels?: Record<string, string>;
}

/**
 * The storage objects of one cluster, as listed from its API. A list left
 * undefined is unknown, and the checks that need it are skipped; an empty
 * list means there are none.
 */
export interface ClusterStorage {
  /** The cluster's name as the platform knows it (kubernetes.clusterLocatorMethods). */
  cluster: string;
  /** `/version` gitVersion or `major.minor`, e.g. `v1.32.5-eks` or `1.30`. */
  kubernetesVersion?: string;
  storageClasses?: V1StorageClass[];
  csiDrivers?: V1CSIDriver[];
  persistentVolumes?: V1PersistentVolume[];
  persistentVolumeClaims?: V1PersistentVolumeClaim[];
  volumeSnapshots?: FleetVolumeSnapshot[];
  pods?: V1Pod[];
  /**
   * Whether each CSI driver's controller runs, by driver name, when known
   * (e.g. from its Deployment); drivers not listed are not judged.
   */
  csiControllers?: Record<string, boolean>;
  /** Claims deleted since, as remembered, for the owner of volumes they left behind. */
  formerClaims?: FormerClaim[];
}

/** A catalog entity that may own claims, with what the roll-ups group by. */
export interface FleetEntity {
  /** e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Its `backstage.io/kubernetes-id` annotation. */
  kubernetesId?: string;
  /** Its `backstage.io/kubernetes-label-selector` annotation. */
  labelSelector?: string;
  /** Its `backstage.io/kubernetes-namespace` annotation. */
  namespace?: string;
  /** spec.owner, e.g. `group:default/payments-team`. */
  owner?: string;
  /** spec.system, e.g. `system:default/payments`. */
  system?: string;
  /** spec.lifecycle; `production` claims are held to the backup rule. */
  lifecycle?: string;
}

/** One reading of a claim's file system (kubelet volume stats). */
export interface VolumeUsageSample {
  namespace: string;
  claim: string;
  /** ISO 8601 time of the reading. */
  time: string;
  usedBytes: number;
  capacityBytes: number;
}

/** When something last happened to a claim (mounted, modified). */
export interface ClaimTime {
  namespace: string;
  claim: string;
  /** ISO 8601. */
  at: string;
}

/** A point in time: a Date, an ISO 8601 string or epoch milliseconds. */
export type Instant = Date | string | number;
