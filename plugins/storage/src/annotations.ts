import { Entity } from '@backstage/catalog-model';

// The same annotations the official Kubernetes plugin reads, so an entity
// that already shows its workloads needs nothing more to show its storage.
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** The label selector that ties an entity to its claims in the clusters. */
export function claimLabelSelector(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const selector = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim();
  if (selector) {
    return selector;
  }
  const id = annotations[KUBERNETES_ID_ANNOTATION]?.trim();
  return id ? `${KUBERNETES_ID_ANNOTATION}=${id}` : undefined;
}

/** True when the entity says how to find its workloads in the clusters. */
export function isStorageAvailable(entity: Entity): boolean {
  return claimLabelSelector(entity) !== undefined;
}
