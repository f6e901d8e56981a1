import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  database: Knex;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, logger, database } = options;
  const router = Router();
  router.use(express.json());

  // Readiness of the plugin itself; like every route, only for signed-in
  // users and other backend plugins.
  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    try {
      await database.raw('select 1');
    } catch (error) {
      logger.error('Storage database is unreachable', error as Error);
      res.status(503).json({
        status: 'unavailable',
        message: 'The database is unreachable',
      });
      return;
    }
    res.json({ status: 'ok' });
  });

  return router;
}
