import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FleetEntity,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@eks-storage/backstage-plugin-storage-common';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'relations',
];

function refOr(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** An entity as the fleet functions read it: its Kubernetes link, team, system, lifecycle. */
export function fleetEntityOf(entity: Entity): FleetEntity | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const kubernetesId = annotations[KUBERNETES_ID_ANNOTATION]?.trim();
  const labelSelector =
    annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim();
  if (!kubernetesId && !labelSelector) return undefined;
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ownedBy = entity.relations?.find(
    relation => relation.type === RELATION_OWNED_BY,
  )?.targetRef;
  return {
    entityRef: stringifyEntityRef(entity),
    ...(kubernetesId && { kubernetesId }),
    ...(labelSelector && { labelSelector }),
    ...(annotations[KUBERNETES_NAMESPACE_ANNOTATION] && {
      namespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION],
    }),
    owner: ownedBy ?? refOr(spec.owner, 'group', namespace),
    system: refOr(spec.system, 'system', namespace),
    ...(typeof spec.lifecycle === 'string' && { lifecycle: spec.lifecycle }),
  };
}

/**
 * The catalog's entities that own Kubernetes objects, read with the
 * backend's own credentials (the console shows the whole fleet to everyone
 * signed in) and kept for a short while, so pages do not query the catalog
 * on every view.
 */
export class FleetEntities {
  private cached?: { at: number; entities: Promise<FleetEntity[]> };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      ttlMs?: number;
    },
  ) {}

  list(): Promise<FleetEntity[]> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < (this.options.ttlMs ?? 30_000)) {
      return this.cached.entities;
    }
    const entities = this.load();
    this.cached = { at: now, entities };
    // A failed read is not kept: the next view asks again.
    entities.catch(() => {
      if (this.cached?.entities === entities) this.cached = undefined;
    });
    return entities;
  }

  private async load(): Promise<FleetEntity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: [{ kind: 'Component' }, { kind: 'Resource' }], fields: FIELDS },
      { credentials },
    );
    return items
      .map(fleetEntityOf)
      .filter((entity): entity is FleetEntity => Boolean(entity))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }
}
