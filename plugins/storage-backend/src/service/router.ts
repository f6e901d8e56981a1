import express from 'express';
import Router from 'express-promise-router';
import { NotFoundError } from '@backstage/errors';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { contractGuard } from './contractGuard';
import { errorHandler } from './errors';
import { pathGuard } from './pathGuard';
import { approvalRoutes } from './routes/approvalRoutes';
import { claimRoutes } from './routes/claimRoutes';
import { fleetRoutes } from '../fleet/fleetRoutes';
import { RouterOptions } from './routes/context';
import { metaRoutes } from './routes/metaRoutes';
import { requestRoutes } from './routes/requestRoutes';

export type { RouterOptions } from './routes/context';

/** The body is parsed before the contract's router sees the request. */
const passThrough: express.RequestHandler = (_req, _res, next) => next();

/**
 * The storage API, built from its contract (src/schema/openapi.yaml):
 * paths, bodies, parameters and queries are checked against it before a
 * handler runs. Paths are matched as the contract spells them: `/RESIZE`
 * is not `/resize`. Routes only parse and call the request service, which
 * holds the one authorization path of every mutation.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  // The contract's routes and validator, behind our own parsing and guards:
  // their errors (a malformed body, an unknown path) must reach the error
  // handler as they are, not turned into the validator's 400s.
  const api = await createOpenApiRouter({ middleware: [passThrough] });
  metaRoutes(api, options);
  requestRoutes(api, options);
  claimRoutes(api, options);
  approvalRoutes(api, options);
  fleetRoutes(api, options);

  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  router.use(pathGuard());
  router.use(contractGuard());
  router.use(api);
  router.use(req => {
    throw new NotFoundError(
      `No storage API route ${req.method} ${req.path.slice(0, 200)}`,
    );
  });
  router.use(errorHandler(options.logger));
  return router;
}
