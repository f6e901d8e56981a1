import { InputError, NotFoundError } from '@backstage/errors';
import {
  REQUEST_STATUSES,
  RequestDetailResponse,
  StoredStorageRequest,
  requestSignalChannel,
  storageClaimReadPermission,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { RequestStatus } from '../../database/RequestStore';
import { claimResourceOf } from '../../permissions/StorageAuthorizer';
import { loadEntity } from '../../workflow/entities';
import { RouterOptions, StorageApiRouter } from './context';
import { reply } from './reply';
import { createSubmission } from './submission';

/** Requests: validate, submit, list and read. */
export function requestRoutes(
  router: StorageApiRouter,
  options: RouterOptions,
) {
  const { httpAuth, catalog, authorizer, store, channels } = options;
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
    let canonicalRef: string | undefined;
    if (entityRef !== undefined) {
      const entity = await loadEntity(catalog, entityRef, credentials);
      await authorizer.requireOnEntity(
        storageClaimReadPermission,
        entity,
        credentials,
      );
      canonicalRef = claimResourceOf(entity).entityRef;
    } else if (
      !(await authorizer.allows(storageRequestApprovePermission, credentials))
    ) {
      throw new InputError(
        'entityRef is required: only approvers may list the requests of every entity',
      );
    }
    reply<{ items: StoredStorageRequest[] }>(res, {
      items: await store.list({
        entityRef: canonicalRef,
        status: statuses as RequestStatus[],
      }),
    });
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = req.params.id;
    const request = id.length <= 64 ? await store.get(id) : undefined;
    if (!request) {
      throw new NotFoundError(`id: no storage request ${id.slice(0, 64)}`);
    }
    const entity = await loadEntity(catalog, request.entityRef, credentials);
    await authorizer.requireOnEntity(
      storageClaimReadPermission,
      entity,
      credentials,
    );
    reply<RequestDetailResponse>(res, {
      request,
      history: await store.history(request.id),
      signalChannel: channels.opaque(requestSignalChannel(request.id)),
    });
  });
}
