import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { createRouter } from './router';

describe('createRouter', () => {
  let database: Knex;
  let app: express.Express;

  beforeEach(async () => {
    database = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      logger: mockServices.logger.mock(),
      database,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express().use(router).use(middleware.error());
  });

  afterEach(async () => {
    await database.destroy();
  });

  it('reports ok to a signed-in user', async () => {
    const response = await request(app)
      .get('/health')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('refuses a caller without credentials', async () => {
    const response = await request(app)
      .get('/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts/);
  });

  it('answers 503 without detail when the database is gone', async () => {
    await database.destroy();
    const response = await request(app)
      .get('/health')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'unavailable',
      message: 'The database is unreachable',
    });
  });
});
