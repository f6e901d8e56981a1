import { InputError } from '@backstage/errors';
import {
  REQUEST_STATUSES,
  RequestDetailResponse,
  StoredStorageRequest,
  storageClaimReadPermission,
  storageClaimUpdatePermission,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { RequestStatus } from '../../database/RequestStore';
import { claimResourceOf } from '../../permissions/StorageAuthorizer';
import { loadEntity } from '../../workflow/entities';
import { RouterOptions, StorageApiRouter } from './context';
import { reply } from './reply';
import { requestDetail } from './requestDetail';
import { createSubmission } from './submission';

/** Requests: validate, submit, list and read. */
export function requestRoutes(
  router: StorageApiRouter,
  options: RouterOptions,
) {
  const { httpAuth, catalog, authorizer, store } = options;
  const submission = createSubmission(options);

  router.post('/requests/validate', async (req, res) => {
    await submission.validate(req, res, req.body);
  });

  router.post('/requests', async (req, res) => {
    await submission.submit(req, res, req.body, 201);
  });

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const statuses = (req.query.status ?? '').split(',').filter(Boolean);
    const unknown = statuses.filter(
      s => !(REQUEST_STATUSES as readonly string[]).includes(s),
    );
    if (unknown.length) {
      throw new InputError(
        `status "${unknown[0].slice(
          0,
          40,
        )}" is not a request status: use ${REQUEST_STATUSES.join(', ')}`,
      );
    }
    const entityRef = req.query.entityRef;
    if (entityRef !== undefined) {
      const entity = await loadEntity(catalog, entityRef, credentials);
      await authorizer.requireOnEntity(
        storageClaimReadPermission,
        entity,
        credentials,
      );
      reply<{ items: StoredStorageRequest[] }>(res, {
        items: await store.list({
          entityRef: claimResourceOf(entity).entityRef,
          status: statuses as RequestStatus[],
        }),
      });
      return;
    }
    // Every entity's: approvers see all; everyone else the requests of the
    // entities whose storage the policy lets them change (its conditions,
    // turned into a filter on owners by the rules' toQuery).
    const all = await store.list({ status: statuses as RequestStatus[] });
    if (await authorizer.allows(storageRequestApprovePermission, credentials)) {
      reply<{ items: StoredStorageRequest[] }>(res, { items: all });
      return;
    }
    const mayChange = await authorizer.ownersFilter(
      storageClaimUpdatePermission,
      credentials,
    );
    const refs = [...new Set(all.map(r => r.entityRef))];
    const { items: entities } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    const allowed = new Set(
      entities
        .filter((e): e is NonNullable<typeof e> => Boolean(e))
        .map(e => claimResourceOf(e))
        .filter(resource => mayChange(resource.ownerRefs))
        .map(resource => resource.entityRef),
    );
    reply<{ items: StoredStorageRequest[] }>(res, {
      items: all.filter(r => allowed.has(r.entityRef)),
    });
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    reply<RequestDetailResponse>(
      res,
      await requestDetail(options, req.params.id, {
        credentials,
        userRef: credentials.principal.userEntityRef,
      }),
    );
  });
}
