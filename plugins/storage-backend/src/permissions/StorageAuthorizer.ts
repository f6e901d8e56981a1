import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { NotAllowedError } from '@backstage/errors';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { storagePermissions } from '@eks-storage/backstage-plugin-storage-common';
import {
  StorageClaimResource,
  storageClaimResourceRef,
  storageClaimRules,
} from './rules';

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
    this.conditionsHold = createConditionAuthorizer(
      registry.getPermissionRuleset(storageClaimResourceRef),
    );
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
