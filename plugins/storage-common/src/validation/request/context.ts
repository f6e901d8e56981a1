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
  /** "Now" for expiry checks (kept out of the function so it stays pure). */
  now?: string | Date;
}
