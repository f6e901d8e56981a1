import { Entity } from '@backstage/catalog-model';
import { entityLabelSelector } from '@eks-storage/backstage-plugin-storage-common';

// The same annotations the official Kubernetes plugin reads, so an entity
// that already shows its workloads needs nothing more to show its storage.
export {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@eks-storage/backstage-plugin-storage-common';

/** The label selector that ties an entity to its claims in the clusters. */
export function claimLabelSelector(entity: Entity): string | undefined {
  return entityLabelSelector(entity.metadata.annotations);
}

/** True when the entity says how to find its workloads in the clusters. */
export function isStorageAvailable(entity: Entity): boolean {
  return claimLabelSelector(entity) !== undefined;
}
