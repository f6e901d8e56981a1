import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { DEFAULT_DENIED_NAMESPACES } from '@eks-storage/backstage-plugin-storage-common';

const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

export interface NamespaceRules {
  /** Owner ref → namespaces that owner may use besides its annotation. */
  allow: Map<string, string[]>;
  deny: Set<string>;
}

export function readNamespaceRules(config: Config): NamespaceRules {
  const allow = new Map<string, string[]>();
  for (const rule of config.getOptionalConfigArray(
    'storage.namespaces.allow',
  ) ?? []) {
    const owner = stringifyEntityRef(
      parseEntityRef(rule.getString('owner'), { defaultKind: 'group' }),
    );
    allow.set(owner, [
      ...(allow.get(owner) ?? []),
      ...rule.getStringArray('namespaces'),
    ]);
  }
  const deny =
    config.getOptionalStringArray('storage.namespaces.deny') ??
    DEFAULT_DENIED_NAMESPACES;
  return { allow, deny: new Set(deny) };
}

/** The namespaces an entity's claims may live in. */
export function namespacesOf(entity: Entity, rules: NamespaceRules): string[] {
  const own = entity.metadata.annotations?.[NAMESPACE_ANNOTATION]?.trim();
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  const ownerRef =
    typeof owner === 'string'
      ? stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        )
      : undefined;
  const granted = ownerRef ? rules.allow.get(ownerRef) ?? [] : [];
  return [...new Set([...(own ? [own] : []), ...granted])].filter(
    namespace => !rules.deny.has(namespace),
  );
}

/**
 * Why a namespace may not hold the entity's claims, in words naming the fix;
 * undefined when it may.
 */
export function namespaceProblem(
  entity: Entity,
  namespace: string,
  rules: NamespaceRules,
): string | undefined {
  if (rules.deny.has(namespace)) {
    return `Namespace ${namespace} is reserved for the cluster: use the namespace in the entity's ${NAMESPACE_ANNOTATION} annotation`;
  }
  const allowed = namespacesOf(entity, rules);
  if (allowed.includes(namespace)) {
    return undefined;
  }
  return allowed.length
    ? `Namespace ${namespace} does not belong to ${
        entity.metadata.name
      }: use ${allowed.join(' or ')}`
    : `${entity.metadata.name} has no namespace: add the ${NAMESPACE_ANNOTATION} annotation to the entity, or ask the platform team to allow one for its owner under storage.namespaces.allow`;
}
