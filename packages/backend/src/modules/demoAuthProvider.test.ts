import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import authPlugin from '@backstage/plugin-auth-backend';
import {
  APP_CONFIG,
  loadRepoConfig,
  PRODUCTION_CONFIG,
} from '../__testUtils__/loadRepoConfig';
import demoAuthProviderModule, {
  demoProviderEnabled,
  normalizeUserRef,
  readDemoUsers,
} from './demoAuthProvider';

/** GET /api/auth/demo/refresh as the browser asks it. */
async function refresh(
  server: { address(): unknown },
  user?: string,
): Promise<{ status: number; body: any }> {
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/demo/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(user && { 'X-Demo-User': user }),
    },
  });
  return { status: res.status, body: await res.json() };
}

const productionEnv = {
  BACKSTAGE_BASE_URL: 'http://127.0.0.1:7007',
  POSTGRES_HOST: '127.0.0.1',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'secret',
};

describe('demo auth provider', () => {
  const env = process.env;
  beforeEach(() => {
    process.env = { ...env, ...productionEnv };
  });
  afterEach(() => {
    process.env = env;
  });

  it('names users by entity ref', () => {
    expect(normalizeUserRef('Priya')).toBe('user:default/priya');
    expect(normalizeUserRef('user:dmitri')).toBe('user:default/dmitri');
    expect(normalizeUserRef('user:default/guest')).toBe('user:default/guest');
    expect(() =>
      readDemoUsers(new ConfigReader({ users: ['group:default/x'] })),
    ).toThrow('auth.providers.demo.users: "group:default/x"');
  });

  it('runs only in development', () => {
    const users = ['user:default/guest'];
    expect(demoProviderEnabled(new ConfigReader({}))).toBe(false);
    expect(
      demoProviderEnabled(
        new ConfigReader({ auth: { providers: { demo: { users } } } }),
      ),
    ).toBe(true);
    expect(
      demoProviderEnabled(
        new ConfigReader({
          auth: { providers: { demo: { users, enabled: false } } },
        }),
      ),
    ).toBe(false);
    expect(() =>
      demoProviderEnabled(
        new ConfigReader({
          auth: { environment: 'production', providers: { demo: { users } } },
        }),
      ),
    ).toThrow(/runs only when auth.environment is development/);
  });

  it('lists the example users in the demo config and is off in production', async () => {
    const demo = await loadRepoConfig([APP_CONFIG]);
    expect(demoProviderEnabled(demo)).toBe(true);
    expect(readDemoUsers(demo.getConfig('auth.providers.demo'))).toEqual([
      'user:default/guest',
      'user:default/alice',
      'user:default/priya',
      'user:default/dmitri',
    ]);

    const production = await loadRepoConfig([APP_CONFIG, PRODUCTION_CONFIG]);
    expect(production.getString('auth.environment')).toBe('production');
    expect(demoProviderEnabled(production)).toBe(false);
  });

  it('does not offer demo sign-in on a backend with the production config', async () => {
    const production = await loadRepoConfig([APP_CONFIG, PRODUCTION_CONFIG]);
    const backend = await startTestBackend({
      features: [
        authPlugin,
        demoAuthProviderModule,
        mockServices.rootConfig.factory({
          data: {
            ...production.get<object>(),
            backend: { baseUrl: 'http://127.0.0.1', listen: { port: 0 } },
          },
        }),
      ],
    });
    try {
      const res = await refresh(backend.server, 'priya');
      expect(res.status).toBe(404);
      expect(res.body.error?.name).toBe('NotFoundError');
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start when enabled outside development', async () => {
    await expect(
      startTestBackend({
        features: [
          authPlugin,
          demoAuthProviderModule,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://127.0.0.1:3000' },
              auth: {
                environment: 'production',
                providers: { demo: { users: ['user:default/priya'] } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/runs only when auth.environment is development/);
  });

  it('signs in only listed users named by the header', async () => {
    const backend = await startTestBackend({
      features: [
        authPlugin,
        demoAuthProviderModule,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://127.0.0.1:3000' },
            auth: {
              providers: { demo: { users: ['user:default/priya'] } },
            },
          },
        }),
      ],
    });
    try {
      const missing = await refresh(backend.server);
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('x-demo-user');

      const unlisted = await refresh(backend.server, 'mallory');
      expect(unlisted.status).toBe(403);
      expect(unlisted.body.error.message).toContain(
        'user:default/mallory is not a demo user',
      );
    } finally {
      await backend.stop();
    }
  });
});
