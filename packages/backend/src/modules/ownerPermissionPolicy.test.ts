import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  storageClaimDeletePermission,
  storageClaimReadPermission,
  storageRequestApprovePermission,
  storageRequestCreatePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { OwnerPermissionPolicy } from './ownerPermissionPolicy';

const ownership = ['user:default/alice', 'group:default/team-payments'];
const credentials = mockCredentials.user('user:default/alice');
const alice: PolicyQueryUser = {
  credentials,
  info: { userEntityRef: 'user:default/alice', ownershipEntityRefs: ownership },
};

describe('OwnerPermissionPolicy', () => {
  const policy = new OwnerPermissionPolicy(
    mockServices.userInfo({ ownershipEntityRefs: ownership }),
  );

  it('lets every signed-in user read', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      alice,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets only owners delete an entity, as a condition on ownership', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      alice,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ownership },
      },
    });
  });

  it('lets signed-in users create', async () => {
    const decision = await policy.handle(
      { permission: catalogLocationCreatePermission },
      alice,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('denies anything to a caller without a user', async () => {
    const update = createPermission({
      name: 'example.thing.update',
      attributes: { action: 'update' },
    });
    expect((await policy.handle({ permission: update })).result).toBe(
      AuthorizeResult.DENY,
    );
    expect(
      (await policy.handle({ permission: catalogEntityReadPermission })).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('lets everyone read claims and request storage', async () => {
    for (const permission of [
      storageClaimReadPermission,
      storageRequestCreatePermission,
    ]) {
      expect((await policy.handle({ permission }, alice)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it('lets only the owners of an entity delete its claims', async () => {
    expect(
      await policy.handle({ permission: storageClaimDeletePermission }, alice),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'storage',
      resourceType: 'storage-claim',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'storage-claim',
        params: { claims: ownership },
      },
    });
  });

  it('lets only the platform team approve storage requests', async () => {
    expect(
      (
        await policy.handle(
          { permission: storageRequestApprovePermission },
          alice,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    const platform = new OwnerPermissionPolicy(
      mockServices.userInfo({
        ownershipEntityRefs: [
          'user:default/priya',
          'group:default/platform-team',
        ],
      }),
    );
    expect(
      (
        await platform.handle(
          { permission: storageRequestApprovePermission },
          alice,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
