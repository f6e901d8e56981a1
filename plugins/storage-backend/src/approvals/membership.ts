import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** How deep group nesting is followed: far beyond any real org chart. */
const MAX_DEPTH = 20;

function refsOf(
  entity: Entity,
  relation: string,
  field: 'memberOf' | 'parent',
): string[] {
  const fromRelations = (entity.relations ?? [])
    .filter(r => r.type === relation)
    .map(r => r.targetRef);
  const raw = (entity.spec as Record<string, unknown> | undefined)?.[field];
  const fromSpec = [raw].flat().flatMap(value => {
    if (typeof value !== 'string') return [];
    try {
      return [
        stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      ];
    } catch {
      return [];
    }
  });
  return [...fromRelations, ...fromSpec].map(r => r.toLocaleLowerCase('en-US'));
}

/** Who a person is in the catalog: their groups, with every enclosing group. */
export interface Membership {
  /** Resolves the groups the user belongs to, directly or through nested groups. */
  groupsOf(userRef: string): Promise<Set<string>>;
}

/**
 * Membership from the catalog, read with the plugin's own credentials:
 * the user's memberOf (relations and spec), then each group's parents
 * (childOf relations and spec.parent), level by level.
 */
export class CatalogMembership implements Membership {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async groupsOf(userRef: string): Promise<Set<string>> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const user = await this.catalog.getEntityByRef(userRef, { credentials });
    const groups = new Set<string>();
    if (!user) return groups;
    let frontier = refsOf(user, RELATION_MEMBER_OF, 'memberOf');
    for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
      const fresh = [...new Set(frontier)].filter(g => !groups.has(g));
      fresh.forEach(g => groups.add(g));
      if (!fresh.length) break;
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: fresh },
        { credentials },
      );
      frontier = items.flatMap(group =>
        group ? refsOf(group, RELATION_CHILD_OF, 'parent') : [],
      );
    }
    return groups;
  }
}
