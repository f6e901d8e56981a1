import { Entity } from '@backstage/catalog-model';
import { KUBERNETES_ID_ANNOTATION } from '@eks-storage/backstage-plugin-storage-common';

/** The label value the entity's workloads carry, as the Kubernetes plugin reads it. */
export function kubernetesIdOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION]?.trim() ||
    entity.metadata.name
  );
}

/** The request's content, for telling a replay from a different request. */
export function fingerprint(spec: unknown): string {
  const { requestId: _id, ...rest } = (spec ?? {}) as Record<string, unknown>;
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  };
  return JSON.stringify(sorted(rest));
}
