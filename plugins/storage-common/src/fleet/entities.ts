import { matchesLabelSelectorText } from '../model/labelSelector';
import { kubernetesIdOf, objectsOf } from './objects';
import { FleetEntity } from './types';

/** Who a claim belongs to, as the Kubernetes plugin's rules tell. */
export interface ClaimOwnership {
  /** `owned`: an entity claims it; `unlabelled`: no kubernetes-id label; `unknown-entity`: a label no entity has. */
  status: 'owned' | 'unlabelled' | 'unknown-entity';
  kubernetesId?: string;
  entity?: FleetEntity;
}

/**
 * The entity whose objects these are: by its label selector annotation, else
 * by `backstage.io/kubernetes-id`; a `backstage.io/kubernetes-namespace`
 * annotation narrows either to that namespace.
 */
export function entityOfObject(
  labels: Record<string, string> | undefined,
  namespace: string | undefined,
  entities: readonly FleetEntity[] = [],
): FleetEntity | undefined {
  const id = kubernetesIdOf(labels);
  return objectsOf(entities).find(entity => {
    if (entity.namespace && namespace && entity.namespace !== namespace) {
      return false;
    }
    const selector = entity.labelSelector?.trim();
    if (selector) return matchesLabelSelectorText(selector, labels) === true;
    return id !== undefined && entity.kubernetesId?.trim() === id;
  });
}

/** Whether an entity claims the object, and which. */
export function claimOwnership(
  labels: Record<string, string> | undefined,
  namespace: string | undefined,
  entities: readonly FleetEntity[] = [],
): ClaimOwnership {
  const kubernetesId = kubernetesIdOf(labels);
  const entity = entityOfObject(labels, namespace, entities);
  if (entity) return { status: 'owned', kubernetesId, entity };
  return {
    status: kubernetesId ? 'unknown-entity' : 'unlabelled',
    kubernetesId,
  };
}
