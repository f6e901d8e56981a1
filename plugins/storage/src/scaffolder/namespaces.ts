import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_DENIED_NAMESPACES,
  isDns1123Label,
} from '@eks-storage/backstage-plugin-storage-common';
import { KUBERNETES_NAMESPACE_ANNOTATION } from '../annotations';

/**
 * The browser knows only the default denied namespaces; the backend's
 * configured list and the namespaces the platform grants an owner
 * (`storage.namespaces.allow`) are checked by asking the backend.
 */
const RESERVED_NAMESPACES = DEFAULT_DENIED_NAMESPACES;

/** The entity's own namespace, from its annotation, unless it is reserved. */
export function entityNamespace(
  entity: Entity | undefined,
): string | undefined {
  const own = entity?.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
  const trimmed = own?.trim();
  return trimmed && !RESERVED_NAMESPACES.includes(trimmed)
    ? trimmed
    : undefined;
}

/**
 * What the browser can tell about a namespace at once, as the backend's
 * namespace guard would: not a name, reserved for the cluster, or (for
 * `needsBackend`) another namespace than the entity's own, which only the
 * backend can confirm the platform granted to the owner.
 */
export function namespaceCheck(
  namespace: string,
  entity: Entity | undefined,
): { problem?: string; needsBackend: boolean } {
  if (!namespace) {
    return { problem: 'Enter the namespace of the claim', needsBackend: false };
  }
  if (!isDns1123Label(namespace)) {
    return {
      problem: `"${namespace}" is not a namespace name: lower-case letters, digits and "-", at most 63 characters`,
      needsBackend: false,
    };
  }
  const own = entityNamespace(entity);
  if (RESERVED_NAMESPACES.includes(namespace)) {
    return {
      problem: `Namespace ${namespace} is reserved for the cluster${
        own ? `: use ${own}` : ''
      }`,
      needsBackend: false,
    };
  }
  return { needsBackend: namespace !== own };
}
