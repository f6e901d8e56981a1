/** What the validator knows about the cluster beyond the request. */
export interface ValidationContext {
  /** The existing claim, for resize, snapshot and delete. */
  claim?: {
    /** spec.resources.requests.storage */
    size?: string;
    /** status.capacity.storage */
    capacity?: string;
    phase?: string;
    /** persistentVolumeReclaimPolicy of its PV. */
    reclaimPolicy?: string;
  };
  /** The claim's StorageClass, when the claim did not come from an offering. */
  storageClass?: {
    provisioner?: string;
    allowVolumeExpansion?: boolean;
    parameters?: Record<string, string>;
  };
  /** Availability Zones of the cluster's nodes, for static EBS volumes. */
  clusterZones?: readonly string[];
  /** The cluster's VolumeSnapshotClasses, for snapshots that name one. */
  snapshotClasses?: ReadonlyArray<{ name: string; driver: string }>;
  /**
   * The snapshot (restore, source snapshot) or claim (clone) the new claim's
   * data comes from, as the cluster has it; `exists: false` when missing.
   */
  dataSource?: {
    kind: 'VolumeSnapshot' | 'PersistentVolumeClaim';
    name: string;
    exists: boolean;
    /** VolumeSnapshots only: status.readyToUse. */
    readyToUse?: boolean;
  };
  /** "Now" for expiry checks (kept out of the function so it stays pure). */
  now?: string | Date;
}
