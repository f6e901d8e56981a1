import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  STORAGE_CLAIM_RESOURCE_TYPE,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  createStorageClaimConditionalDecision,
  storageClaimConditions,
} from '../permissions/rules';

/** The example organisation: who is in which team. */
export const people = {
  /** A developer in team-payments (the demo's guest). */
  owner: 'user:default/alice',
  /** A developer in team-data. */
  otherTeam: 'user:default/dana',
  /** A member of the platform team, who approves. */
  platform: 'user:default/priya',
  /** Another member of the platform team. */
  platform2: 'user:default/pat',
} as const;

const OWNERSHIP: Record<string, string[]> = {
  [people.owner]: [people.owner, 'group:default/team-payments'],
  [people.otherTeam]: [people.otherTeam, 'group:default/team-data'],
  [people.platform]: [people.platform, 'group:default/platform-team'],
  [people.platform2]: [people.platform2, 'group:default/platform-team'],
};

/** The people and teams above as catalog entities (users, groups, nesting). */
export const orgEntities: Entity[] = [
  ...(
    [
      ['alice', 'team-payments'],
      ['dana', 'team-data'],
      ['priya', 'platform-team'],
      ['pat', 'platform-team'],
    ] as const
  ).map(([name, group]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [group] },
    relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
  })),
  ...['team-payments', 'team-data', 'platform-team'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  })),
];

export const authHeader = (userRef: string) =>
  mockCredentials.user.header(userRef);

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal?.userEntityRef;
}

/**
 * The demo's permission policy (packages/backend's OwnerPermissionPolicy):
 * signed-in users read and request, owners change their entities' storage,
 * the platform team approves, nobody else does anything.
 */
export const ownerPolicyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    const decide = (permission: any, credentials: BackstageCredentials) => {
      const user = userOf(credentials);
      if (!user) return { result: AuthorizeResult.DENY };
      const ownership = OWNERSHIP[user] ?? [user];
      if (permission.attributes.action === 'read') {
        return { result: AuthorizeResult.ALLOW };
      }
      if (isPermission(permission, storageRequestApprovePermission)) {
        return {
          result: ownership.includes('group:default/platform-team')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        };
      }
      if (isResourcePermission(permission, STORAGE_CLAIM_RESOURCE_TYPE)) {
        return createStorageClaimConditionalDecision(
          permission,
          storageClaimConditions.isEntityOwner({ claims: ownership }),
        );
      }
      return { result: AuthorizeResult.ALLOW };
    };
    return {
      async authorize(requests, { credentials }) {
        return requests.map(r => {
          const decision = decide(r.permission, credentials);
          return decision.result === AuthorizeResult.CONDITIONAL
            ? { result: AuthorizeResult.DENY }
            : (decision as any);
        });
      },
      async authorizeConditional(requests, { credentials }) {
        return requests.map(r => decide(r.permission, credentials) as any);
      },
    };
  },
});

/**
 * The catalog as the real one answers: entity references match whatever
 * their letter case, and the entity comes back spelled as it is stored.
 */
export function caseInsensitiveCatalog(entities: Entity[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory() {
      const inner = catalogServiceMock({ entities });
      const byRef = new Map(
        entities.map(e => [
          stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          e,
        ]),
      );
      return new Proxy(inner, {
        get(target, property) {
          if (property === 'getEntityByRef') {
            return async (
              ref: string | { kind: string; namespace?: string; name: string },
            ) => {
              const parsed = parseEntityRef(ref as any);
              return byRef.get(
                stringifyEntityRef(parsed).toLocaleLowerCase('en-US'),
              );
            };
          }
          const value = (target as any)[property];
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  });
}

/** Every signal the plugin publishes, for assertions. */
export function capturedSignals() {
  const published: Array<{
    channel: string;
    message: unknown;
    recipients: unknown;
  }> = [];
  const factory = createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({
      async publish(signal: any) {
        published.push(signal);
      },
    }),
  });
  return { published, factory };
}
