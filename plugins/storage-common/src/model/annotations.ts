/**
 * Annotation and label keys, one definition each. The first three are the
 * official Kubernetes plugin's, so an entity that already shows its workloads
 * needs nothing more to show its storage; the rest tie a Kubernetes object to
 * its storage request.
 */

/** Entity annotation, and the label a claim carries with the same value. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** The label a claim carries to be found by its entity (same key as the annotation). */
export const KUBERNETES_ID_LABEL = KUBERNETES_ID_ANNOTATION;
/** Entity annotation: a label selector for the entity's objects, instead of the id. */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** Entity annotation: the namespace of the entity's objects. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** The well-known label naming the tool that manages an object. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** Our value of {@link MANAGED_BY_LABEL}. */
export const MANAGED_BY_VALUE = 'backstage-storage';
/** The id of the request that created or last changed the object. */
export const REQUEST_ID_LABEL = 'storage.backstage.io/request-id';
/** The offering a claim was created from. */
export const OFFERING_LABEL = 'storage.backstage.io/offering';
/** The entity ref of the claim's owner. */
export const OWNER_ANNOTATION = 'storage.backstage.io/owner';
/** The offering a claim was created from (annotation, for values a label cannot hold). */
export const OFFERING_ANNOTATION = 'storage.backstage.io/offering';
/** When the claim may be cleaned up (ISO 8601). */
export const EXPIRES_AT_ANNOTATION = 'storage.backstage.io/expires-at';
/** The field manager for server-side apply of rendered objects. */
export const FIELD_MANAGER = 'backstage-storage';

/**
 * The label selector that ties an entity to its claims, as the Kubernetes
 * plugin reads it: the label-selector annotation, else
 * `backstage.io/kubernetes-id=<id>`; undefined when the entity has neither.
 * Blank values count as absent.
 */
export function entityLabelSelector(
  annotations: Readonly<Record<string, string>> | undefined,
): string | undefined {
  const selector = annotations?.[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim();
  if (selector) {
    return selector;
  }
  const id = annotations?.[KUBERNETES_ID_ANNOTATION]?.trim();
  return id ? `${KUBERNETES_ID_LABEL}=${id}` : undefined;
}

/** Kubernetes' own keys that storage code reads (set by the PV controller and the scheduler). */
export const STORAGE_PROVISIONER_ANNOTATION =
  'volume.kubernetes.io/storage-provisioner';
/** The deprecated beta form of {@link STORAGE_PROVISIONER_ANNOTATION}. */
export const BETA_STORAGE_PROVISIONER_ANNOTATION =
  'volume.beta.kubernetes.io/storage-provisioner';
/** The node the scheduler picked for a WaitForFirstConsumer claim. */
export const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';
/** Marks the StorageClass that claims without a class get. */
export const DEFAULT_STORAGE_CLASS_ANNOTATION =
  'storageclass.kubernetes.io/is-default-class';
/** Marks the VolumeSnapshotClass that snapshots without a class get. */
export const DEFAULT_SNAPSHOT_CLASS_ANNOTATION =
  'snapshot.storage.kubernetes.io/is-default-class';
