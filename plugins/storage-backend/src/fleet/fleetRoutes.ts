import { ServiceUnavailableError } from '@backstage/errors';
import { RouterOptions, StorageApiRouter } from '../service/routes/context';
import { reply } from '../service/routes/reply';
import { createSubmission } from '../service/routes/submission';
import {
  FleetClaimDeleteInput,
  VolumeAdoptInput,
  VolumeDeleteInput,
} from './api';
import { parseClaimFilter, parseHistoryDays } from './query';

/**
 * The platform console's routes: everyone signed in reads; each action is
 * a request (delete, create from an existing volume, snapshot) that the
 * request service authorizes, policy decides and the auditor records.
 */
export function fleetRoutes(router: StorageApiRouter, options: RouterOptions) {
  const { httpAuth } = options;
  const submission = createSubmission(options);
  const console = () => {
    if (!options.fleet) {
      throw new ServiceUnavailableError('The platform console is not set up');
    }
    return options.fleet;
  };
  const user = (req: Parameters<typeof httpAuth.credentials>[0]) =>
    httpAuth.credentials(req, { allow: ['user'] });

  router.get('/fleet/overview', async (req, res) => {
    await user(req);
    reply(res, await console().read.overview());
  });

  router.get('/fleet/claims', async (req, res) => {
    await user(req);
    reply(res, await console().read.claims(parseClaimFilter(req.query)));
  });

  router.get('/fleet/waste', async (req, res) => {
    reply(res, await console().read.waste(await user(req)));
  });

  router.get('/fleet/classes', async (req, res) => {
    await user(req);
    reply(res, await console().read.classes());
  });

  router.get('/fleet/compliance', async (req, res) => {
    await user(req);
    reply(res, await console().read.compliance());
  });

  router.get('/fleet/usage', async (req, res) => {
    await user(req);
    reply(res, await console().read.usage());
  });

  router.get('/fleet/usage/:cluster/:namespace/:name', async (req, res) => {
    await user(req);
    const days = parseHistoryDays(req.query);
    reply(res, await console().read.claimUsage(req.params, days));
  });

  router.get('/fleet/backups', async (req, res) => {
    await user(req);
    reply(res, await console().read.backups());
  });

  router.get('/fleet/expiries', async (req, res) => {
    await user(req);
    reply(res, await console().read.expiries());
  });

  router.post('/fleet/volumes/:cluster/:name/delete', async (req, res) => {
    const credentials = await user(req);
    const input = await console().actions.volumeDelete(
      req.params,
      req.body as VolumeDeleteInput,
      credentials,
    );
    await submission.submit(req, res, input, 202);
  });

  router.post('/fleet/volumes/:cluster/:name/adopt', async (req, res) => {
    const credentials = await user(req);
    const input = await console().actions.volumeAdopt(
      req.params,
      (req.body ?? {}) as VolumeAdoptInput,
      credentials,
    );
    await submission.submit(req, res, input, 202);
  });

  router.post(
    '/fleet/claims/:cluster/:namespace/:name/delete',
    async (req, res) => {
      const credentials = await user(req);
      const body = req.body as FleetClaimDeleteInput;
      const plan = await console().actions.claimDelete(
        req.params,
        body,
        credentials,
      );
      await submission.submit(req, res, plan.input, 202, plan.followUp);
    },
  );
}
