import type {
  CoreV1Event,
  V1CSIDriver,
  V1Node,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';

export type ClaimState =
  | 'provisioning'
  | 'waiting-for-consumer'
  | 'bound'
  | 'resizing'
  | 'resize-pending-restart'
  | 'failed'
  | 'lost'
  | 'terminating'
  | 'released';

export type DiagnosisSeverity = 'ok' | 'info' | 'warning' | 'error';

export interface Diagnosis {
  state: ClaimState;
  severity: DiagnosisSeverity;
  /** One line, naming the object. */
  headline: string;
  /** What is going on, in plain words. */
  explanation: string;
  /** What to do (empty when nothing needs doing). */
  fix: string;
  /** ISO time the situation started, when known. */
  since?: string;
}

/**
 * What the cluster says about one claim. Objects may be partial (as from
 * `kubectl get -o json` or an informer cache); only `pvc` or `pv` is needed.
 */
export interface DiagnosisInput {
  pvc?: V1PersistentVolumeClaim;
  /** The claim's PersistentVolume (or, without a pvc, a volume left behind). */
  pv?: V1PersistentVolume;
  /** The claim's StorageClass. */
  storageClass?: V1StorageClass;
  /** Every StorageClass of the cluster, when known (finds missing and default classes). */
  storageClasses?: V1StorageClass[];
  /** Events of the claim and of the pods that use it (others are ignored). */
  events?: CoreV1Event[];
  pods?: V1Pod[];
  nodes?: V1Node[];
  /** VolumeSnapshots (snapshot.storage.k8s.io/v1) of the namespace. */
  snapshots?: unknown[];
  /** CSIDriver objects, when known (finds drivers that are not installed). */
  csiDrivers?: V1CSIDriver[];
  /** "Now", for how long something has taken; defaults to the latest event time. */
  now?: Date | string;
}
