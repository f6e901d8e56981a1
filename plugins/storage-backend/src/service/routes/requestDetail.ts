import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  RequestDetailResponse,
  requestSignalChannel,
  storageClaimReadPermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { loadEntity } from '../../workflow/entities';
import { RouterOptions } from './context';

/**
 * A request as its page shows it: history, approval, the actions the
 * caller may take (each with why not), and its claim as the cluster has it.
 */
export async function requestDetail(
  options: RouterOptions,
  id: string,
  actor: { credentials: BackstageCredentials; userRef: string },
): Promise<RequestDetailResponse> {
  const { store, catalog, authorizer, approvals, tracker, channels } = options;
  const request = id.length <= 64 ? await store.get(id) : undefined;
  if (!request) {
    throw new NotFoundError(`id: no storage request ${id.slice(0, 64)}`);
  }
  const entity = await loadEntity(
    catalog,
    request.entityRef,
    actor.credentials,
  );
  await authorizer.requireOnEntity(
    storageClaimReadPermission,
    entity,
    actor.credentials,
  );
  const approval = await approvals.get(request.id);
  const claim = tracker.getClaim(
    request.cluster,
    request.namespace,
    request.claimName,
  );
  return {
    request,
    history: await store.history(request.id),
    approval,
    actions: await approvals.actionsFor(request.id, actor),
    ...(claim && { claim }),
    signalChannel: channels.opaque(requestSignalChannel(request.id)),
  };
}
