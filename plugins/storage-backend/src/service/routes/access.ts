import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  StorageAuthorizer,
  claimResourceOf,
} from '../../permissions/StorageAuthorizer';

/** Reads go through here: the permission on the entity, or 403 naming it. */
export async function requireOnEntity(
  authorizer: StorageAuthorizer,
  permission: ResourcePermission<'storage-claim'>,
  entity: Entity,
  credentials: BackstageCredentials,
) {
  if (
    !(await authorizer.allowsOn(
      permission,
      claimResourceOf(entity),
      credentials,
    ))
  ) {
    throw new NotAllowedError(
      `You may not ${permission.attributes.action} the storage of ${
        claimResourceOf(entity).entityRef
      }: ask one of its owners`,
    );
  }
}
