import {
  STORAGE_CLAIM_RESOURCE_TYPE,
  storageClaimDeletePermission,
  storageClaimReadPermission,
  storagePermissions,
  storageRequestApprovePermission,
} from './permissions';

describe('permissions', () => {
  it('defines resource permissions on storage claims and basic ones for requests', () => {
    expect(storageClaimReadPermission).toEqual({
      type: 'resource',
      name: 'storage.claim.read',
      attributes: { action: 'read' },
      resourceType: STORAGE_CLAIM_RESOURCE_TYPE,
    });
    expect(storageClaimDeletePermission.type).toBe('resource');
    expect(storageRequestApprovePermission.type).toBe('basic');
    expect(storagePermissions.map(p => p.name)).toEqual([
      'storage.claim.read',
      'storage.request.create',
      'storage.claim.update',
      'storage.claim.delete',
      'storage.request.approve',
    ]);
  });
});
