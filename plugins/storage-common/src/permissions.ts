import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of a storage claim: `<cluster>:<namespace>/<claimName>`. */
export const STORAGE_CLAIM_RESOURCE_TYPE = 'storage-claim';

/** See a claim, its history and its diagnosis. */
export const storageClaimReadPermission = createPermission({
  name: 'storage.claim.read',
  attributes: { action: 'read' },
  resourceType: STORAGE_CLAIM_RESOURCE_TYPE,
});

/** Ask for new storage. */
export const storageRequestCreatePermission = createPermission({
  name: 'storage.request.create',
  attributes: { action: 'create' },
});

/** Resize, snapshot or restore a claim. */
export const storageClaimUpdatePermission = createPermission({
  name: 'storage.claim.update',
  attributes: { action: 'update' },
  resourceType: STORAGE_CLAIM_RESOURCE_TYPE,
});

/** Delete a claim. */
export const storageClaimDeletePermission = createPermission({
  name: 'storage.claim.delete',
  attributes: { action: 'delete' },
  resourceType: STORAGE_CLAIM_RESOURCE_TYPE,
});

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
