import { mockCredentials } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { startStorageBackend } from '../__testUtils__/storageBackend';
import {
  authHeader,
  ownerPolicyPermissions,
  people,
} from '../__testUtils__/identities';

jest.setTimeout(60_000);

const STACK = /\s+at\s+\S+\s+\(|\.(ts|js):\d+:\d+/;

/**
 * Backstage's root error handler adds stack traces when NODE_ENV is
 * "development" (as `yarn start` sets it). A production backend must answer
 * every error without one.
 */
describe.each(['production', 'development'])(
  'errors with NODE_ENV=%s',
  mode => {
    const saved = process.env.NODE_ENV;
    let api: Awaited<ReturnType<typeof startStorageBackend>>;
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });

    beforeAll(async () => {
      process.env.NODE_ENV = mode;
      // No cluster answers here: only the answers' shape matters.
      api = await startStorageBackend({
        clusters: [{ name: 'eks-dev', url: 'http://127.0.0.1:9' }],
        knex,
        features: [ownerPolicyPermissions],
      });
    });
    afterAll(async () => {
      await api?.stop();
      await knex.destroy();
      process.env.NODE_ENV = saved;
    });

    const cases: Array<
      [string, () => Promise<{ status: number; body: any }>, number]
    > = [
      [
        '401 for a forged token',
        () =>
          api.agent
            .get('/api/storage/claims')
            .set('Authorization', 'Bearer forged'),
        401,
      ],
      [
        '401 without credentials',
        () =>
          api.agent
            .get('/api/storage/health')
            .set('Authorization', mockCredentials.none.header()),
        401,
      ],
      ['404 for an unknown route', () => api.get('/no-such-route'), 404],
      ['404 for an unknown request', () => api.get('/requests/missing'), 404],
      ['400 for a bad body', () => api.post('/requests', '{"operation":'), 400],
      [
        "403 for another team's entity",
        () =>
          api.agent
            .post('/api/storage/requests')
            .set('Authorization', authHeader(people.otherTeam))
            .send({
              operation: 'create',
              entityRef: 'component:default/payments-api',
              cluster: 'eks-dev',
              namespace: 'payments',
              claimName: 'x',
              offering: 'ebs-gp3',
              size: '10Gi',
              accessMode: 'ReadWriteOnce',
            }),
        403,
      ],
      [
        '404 outside the plugin',
        () =>
          api.agent
            .get('/api/no-such-plugin/x')
            .set('Authorization', mockCredentials.user.header()),
        404,
      ],
    ];

    it.each(cases)('%s', async (_what, send, status) => {
      const response = await send();
      expect(response.status).toBe(status);
      const text = JSON.stringify(response.body ?? {});
      // Development may show stacks (the last test shows it does); production never.
      expect(mode !== 'production' || !STACK.test(text)).toBe(true);
    });

    it('answers 500 without a stack when the database is gone', async () => {
      const isolated = knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
      const broken = await startStorageBackend({
        clusters: [{ name: 'eks-dev', url: 'http://127.0.0.1:9' }],
        knex: isolated,
      });
      try {
        await isolated.destroy();
        const response = await broken.get(
          '/requests?entityRef=component:default/payments-api',
        );
        expect(response.status).toBe(500);
        expect(JSON.stringify(response.body)).not.toMatch(STACK);
        expect(response.body.error.message).toBe(
          'The storage backend failed; the error is in its log',
        );
      } finally {
        await broken.stop();
      }
    });

    it('answers a forged token with a stack only in development', async () => {
      const response = await api.agent
        .get('/api/storage/claims')
        .set('Authorization', 'Bearer forged');
      expect(JSON.stringify(response.body).match(STACK) !== null).toBe(
        mode === 'development',
      );
    });
  },
);
