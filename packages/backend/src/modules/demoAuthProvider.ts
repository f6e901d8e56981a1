import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/**
 * Development-only sign-in as one of the demo's example users, chosen by a
 * request header. Anyone who can reach the backend can become any listed
 * user, so the module refuses to start outside development.
 */
export const DEMO_PROVIDER_ID = 'demo';

/** The header that names the example user to sign in as. */
export const DEMO_USER_HEADER = 'x-demo-user';

/**
 * Errors are told apart by their name: the backend's error handler answers
 * InputError with 400 and NotAllowedError with 403.
 */
function namedError(name: 'InputError' | 'NotAllowedError', message: string) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** `priya` or `user:default/priya` → `user:default/priya`. */
export function normalizeUserRef(value: string): string {
  const ref = value.trim().toLocaleLowerCase('en-US');
  if (ref.includes(':')) {
    return ref.includes('/') ? ref : ref.replace(':', ':default/');
  }
  return `user:default/${ref}`;
}

/** The example users the provider may sign in as, from its config. */
export function readDemoUsers(config: Config): string[] {
  const users = config.getStringArray('users').map(normalizeUserRef);
  for (const ref of users) {
    if (!/^user:[a-z0-9._-]+\/[a-z0-9._-]+$/.test(ref)) {
      throw new Error(
        `auth.providers.demo.users: "${ref}" is not a user entity ref (user:default/name)`,
      );
    }
  }
  if (users.length === 0) {
    throw new Error('auth.providers.demo.users lists no user');
  }
  return users;
}

/**
 * Whether the demo provider may run: it is configured, not switched off,
 * and the backend is in development. Throws when it is configured for
 * anything but development, so such a backend does not start at all.
 */
export function demoProviderEnabled(config: Config): boolean {
  const demo = config.getOptionalConfig(`auth.providers.${DEMO_PROVIDER_ID}`);
  if (!demo || demo.getOptionalBoolean('enabled') === false) return false;
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  if (environment !== 'development' || process.env.NODE_ENV === 'production') {
    throw new Error(
      `auth.providers.demo signs anyone in as the demo's example users: it runs only when auth.environment is development and NODE_ENV is not production (auth.environment is ${environment}, NODE_ENV is ${
        process.env.NODE_ENV ?? 'unset'
      }). Remove it or set auth.providers.demo.enabled to false.`,
    );
  }
  return true;
}

export interface DemoAuthResult {
  userEntityRef: string;
}

export const demoAuthenticator = createProxyAuthenticator<
  { users: string[] },
  DemoAuthResult,
  undefined
>({
  defaultProfileTransform: async (result, ctx) => {
    // The catalog's display name and email, so the app greets the person.
    try {
      const { entity } = await ctx.findCatalogUser({
        entityRef: result.userEntityRef,
      });
      const profile = (
        entity.spec as
          | { profile?: { displayName?: string; email?: string } }
          | undefined
      )?.profile;
      return {
        profile: {
          displayName: profile?.displayName ?? entity.metadata.name,
          ...(profile?.email && { email: profile.email }),
        },
      };
    } catch {
      return { profile: {} };
    }
  },
  initialize({ config }) {
    return { users: readDemoUsers(config) };
  },
  async authenticate({ req }, { users }) {
    const header = req.header(DEMO_USER_HEADER);
    const allowed = users.join(', ');
    if (!header) {
      throw namedError(
        'InputError',
        `Name the demo user to sign in as in the ${DEMO_USER_HEADER} header: one of ${allowed}`,
      );
    }
    const userEntityRef = normalizeUserRef(header);
    if (!users.includes(userEntityRef)) {
      throw namedError(
        'NotAllowedError',
        `${userEntityRef} is not a demo user (auth.providers.demo.users): one of ${allowed}`,
      );
    }
    return { result: { userEntityRef } };
  },
});

export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        if (!demoProviderEnabled(config)) return;
        logger.warn(
          'Demo sign-in is on: anyone who reaches this backend can sign in as the users in auth.providers.demo.users',
        );
        providers.registerProvider({
          providerId: DEMO_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            // Ownership as the catalog has it: the user and their groups.
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
          }),
        });
      },
    });
  },
});
