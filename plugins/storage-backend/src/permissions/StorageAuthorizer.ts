import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { NotAllowedError } from '@backstage/errors';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { storagePermissions } from '@eks-storage/backstage-plugin-storage-common';
import {
  StorageClaimQuery,
  StorageClaimResource,
  storageClaimResourceRef,
  storageClaimRules,
} from './rules';

/** Whether an entity with these owners meets a query the rules built. */
function meets(
  criteria: PermissionCriteria<StorageClaimQuery>,
  ownerRefs: string[],
): boolean {
  if ('allOf' in criteria)
    return criteria.allOf.every(c => meets(c, ownerRefs));
  if ('anyOf' in criteria) return criteria.anyOf.some(c => meets(c, ownerRefs));
  if ('not' in criteria) return !meets(criteria.not, ownerRefs);
  return criteria.ownerRefs.some(owner => ownerRefs.includes(owner));
}

/** The resource permission rules judge: an entity and its owners. */
export function claimResourceOf(entity: Entity): StorageClaimResource {
  const owners = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => relation.targetRef);
  return { entityRef: stringifyEntityRef(entity), ownerRefs: owners };
}

/**
 * Answers permission questions about claims, applying conditional
 * decisions (such as IS_ENTITY_OWNER) here, where the claims are.
 */
export class StorageAuthorizer {
  private readonly toQuery: ReturnType<
    typeof createConditionTransformer<StorageClaimQuery>
  >;
  private readonly conditionsHold: ReturnType<
    typeof createConditionAuthorizer<StorageClaimResource>
  >;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    registry.addResourceType({
      resourceRef: storageClaimResourceRef,
      permissions: storagePermissions,
      rules: Object.values(storageClaimRules),
    });
    const ruleset = registry.getPermissionRuleset(storageClaimResourceRef);
    this.conditionsHold = createConditionAuthorizer(ruleset);
    this.toQuery = createConditionTransformer(ruleset);
  }

  async allows(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * For lists: one decision for the caller, turned by the rules' `toQuery`
   * into a filter on an entity's owners, as list endpoints filter by
   * conditional decisions.
   */
  async ownersFilter(
    permission: ResourcePermission<'storage-claim'>,
    credentials: BackstageCredentials,
  ): Promise<(ownerRefs: string[]) => boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      const allowed = decision.result === AuthorizeResult.ALLOW;
      return () => allowed;
    }
    const query = this.toQuery(decision.conditions);
    return ownerRefs => meets(query, ownerRefs);
  }

  /** Throws a 403 naming the entity unless the permission holds on its storage. */
  async requireOnEntity(
    permission: ResourcePermission<'storage-claim'>,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const resource = claimResourceOf(entity);
    if (!(await this.allowsOn(permission, resource, credentials))) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action} the storage of ${resource.entityRef}: ask one of its owners`,
      );
    }
  }

  async allowsOn(
    permission: ResourcePermission<'storage-claim'>,
    resource: StorageClaimResource,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.conditionsHold(decision, resource);
  }
}
