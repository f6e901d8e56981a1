import express from 'express';
import { NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import { errorHandler } from './errors';
import { pathGuard } from './pathGuard';
import { claimRoutes } from './routes/claimRoutes';
import { RouterOptions } from './routes/context';
import { metaRoutes } from './routes/metaRoutes';
import { requestRoutes } from './routes/requestRoutes';

export type { RouterOptions } from './routes/context';

/**
 * The storage API. Routing is strict and case-sensitive: `/RESIZE` is not
 * `/resize`. Routes only parse and call the request service, which holds
 * the one authorization path of every mutation.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router({ caseSensitive: true, strict: true });
  router.use(express.json({ limit: '256kb' }));
  router.use(pathGuard());
  metaRoutes(router, options);
  requestRoutes(router, options);
  claimRoutes(router, options);
  router.use(req => {
    throw new NotFoundError(
      `No storage API route ${req.method} ${req.path.slice(0, 200)}`,
    );
  });
  router.use(errorHandler(options.logger));
  return router;
}
