import { InputError } from '@backstage/errors';
import {
  REQUEST_STATUSES,
  RequestDetailResponse,
  StoredStorageRequest,
  storageClaimReadPermission,
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
    reply<RequestDetailResponse>(
      res,
      await requestDetail(options, req.params.id, {
        credentials,
        userRef: credentials.principal.userEntityRef,
      }),
    );
  });
}
