import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  STORAGE_CLAIM_RESOURCE_TYPE,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  createStorageClaimConditionalDecision,
  storageClaimConditions,
} from '@eks-storage/backstage-plugin-storage-backend';

/** The group whose members approve storage requests. */
export const PLATFORM_TEAM = 'group:default/platform-team';

/**
 * Everyone who is signed in may read; only owners may change or delete the
 * catalog entities they own and the storage of those entities; the platform
 * team approves storage requests. Anonymous callers may do nothing.
 */
export class OwnerPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { permission } = request;
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    const ownership = async () =>
      (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs;

    if (isPermission(permission, storageRequestApprovePermission)) {
      return {
        result: (await ownership()).includes(PLATFORM_TEAM)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (isResourcePermission(permission, STORAGE_CLAIM_RESOURCE_TYPE)) {
      return createStorageClaimConditionalDecision(
        permission,
        storageClaimConditions.isEntityOwner({ claims: await ownership() }),
      );
    }
    if (isResourcePermission(permission, 'catalog-entity')) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims: await ownership() }),
      );
    }
    // Creating things (components from templates, locations, storage
    // requests) is open to every signed-in user; what they create is owned
    // by their team, and storage requests are checked against the entity.
    return { result: AuthorizeResult.ALLOW };
  }
}
