import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBERNETES_ID_LABEL,
  KUBERNETES_NAMESPACE_ANNOTATION as NAMESPACE_ANNOTATION,
  OWNER_ANNOTATION,
} from '@eks-storage/backstage-plugin-storage-common';

/** The metadata of a cluster object that says whose it is. */
export interface OwnedObject {
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * The catalog entities a claim, snapshot or volume belongs to, as the
 * caller may see them: the entity its owner annotation names (written by
 * this plugin from the catalog), else every entity whose
 * `backstage.io/kubernetes-id` matches its label, as the Kubernetes plugin
 * matches workloads, limited to entities of its namespace. Several entities
 * may claim one label; callers act only when allowed on all of them.
 */
export async function entitiesOwning(
  object: OwnedObject,
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const ownerRef = object.annotations?.[OWNER_ANNOTATION];
  if (ownerRef) {
    const entity = await catalog
      .getEntityByRef(ownerRef, { credentials })
      .catch(() => undefined);
    return entity ? [entity] : [];
  }
  const id = object.labels?.[KUBERNETES_ID_LABEL];
  if (!id) return [];
  const { items } = await catalog.getEntities(
    { filter: { [`metadata.annotations.${KUBERNETES_ID_LABEL}`]: id } },
    { credentials },
  );
  return items
    .filter(
      entity =>
        !object.namespace ||
        !entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ||
        entity.metadata.annotations[NAMESPACE_ANNOTATION] === object.namespace,
    )
    .sort((a, b) => stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)));
}
