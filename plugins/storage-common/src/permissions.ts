import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of a storage claim: `<cluster>:<namespace>/<claimName>`. */
export const STORAGE_CLAIM_RESOURCE_TYPE = 'storage-claim';

/**
 * A permission on one claim, authorized against the claim as it is in the
 * cluster (a resource permission with the claim's ref).
 */
function claimPermission(name: string, action: 'read' | 'update' | 'delete') {
  return createPermission({
    name,
    attributes: { action },
    resourceType: STORAGE_CLAIM_RESOURCE_TYPE,
  });
}

/** See a claim, its history and its diagnosis. */
export const storageClaimReadPermission = claimPermission(
  'storage.claim.read',
  'read',
);

/** Ask for new storage. */
export const storageRequestCreatePermission = createPermission({
  name: 'storage.request.create',
  attributes: { action: 'create' },
});

/** Resize, snapshot or restore a claim. */
export const storageClaimUpdatePermission = claimPermission(
  'storage.claim.update',
  'update',
);

/** Delete a claim. */
export const storageClaimDeletePermission = claimPermission(
  'storage.claim.delete',
  'delete',
);

/** Approve or reject requests waiting in the platform team's queue. */
export const storageRequestApprovePermission = createPermission({
  name: 'storage.request.approve',
  attributes: { action: 'update' },
});

export const storagePermissions = [
  storageClaimReadPermission,
  storageRequestCreatePermission,
  storageClaimUpdatePermission,
  storageClaimDeletePermission,
  storageRequestApprovePermission,
];
