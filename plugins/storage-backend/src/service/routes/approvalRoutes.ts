import { Request } from 'express';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ApprovalItem,
  ApprovalsResponse,
  DECIDED_REQUEST_STATUSES,
  REQUEST_STATUSES,
  RequestDetailResponse,
  STORAGE_SIGNAL_CHANNEL,
  StorageRequestStatus,
} from '@eks-storage/backstage-plugin-storage-common';
import { StoredStorageRequest } from '../../database/RequestStore';
import { RouterOptions, StorageApiRouter } from './context';
import { reply } from './reply';
import { requestDetail } from './requestDetail';

/** The approval queue, and deciding, cancelling a request. */
export function approvalRoutes(
  router: StorageApiRouter,
  options: RouterOptions,
) {
  const { httpAuth, approvals, store, view, auditor } = options;

  async function actorOf(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, userRef: credentials.principal.userEntityRef };
  }

  async function decided(
    req: Request,
    id: string,
    action: 'approve' | 'reject' | 'cancel',
    comment: string | undefined,
  ): Promise<RequestDetailResponse> {
    const actor = await actorOf(req);
    const audit = await auditor.createEvent({
      eventId: 'storage-request-decision',
      severityLevel: 'medium',
      request: req,
      meta: { requestId: id.slice(0, 64), action },
    });
    try {
      if (action === 'cancel') {
        await approvals.cancel(id, actor);
      } else {
        await approvals.decide(id, { decision: action, comment }, actor);
      }
      await audit.success();
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
    return requestDetail(options, id, actor);
  }

  router.post('/requests/:id/approve', async (req, res) => {
    reply<RequestDetailResponse>(
      res,
      await decided(req, req.params.id, 'approve', req.body?.comment),
    );
  });

  router.post('/requests/:id/reject', async (req, res) => {
    reply<RequestDetailResponse>(
      res,
      await decided(req, req.params.id, 'reject', req.body.comment),
    );
  });

  router.post('/requests/:id/cancel', async (req, res) => {
    reply<RequestDetailResponse>(
      res,
      await decided(req, req.params.id, 'cancel', req.body?.comment),
    );
  });

  router.get('/approvals', async (req, res) => {
    const actor = await actorOf(req);
    const approver = await approvals.isApprover(actor);
    const { view: shown = 'pending', team, cluster, since } = req.query;
    const statuses = (req.query.status ?? '').split(',').filter(Boolean);
    const unknown = statuses.find(
      s => !(REQUEST_STATUSES as readonly string[]).includes(s),
    );
    if (unknown) {
      throw new InputError(
        `status "${unknown.slice(
          0,
          40,
        )}" is not a request status: use ${REQUEST_STATUSES.join(', ')}`,
      );
    }
    let teamKey: string | undefined;
    try {
      teamKey = team ? ownerKey(team) : undefined;
    } catch {
      throw new InputError(
        'team must be a group reference such as group:default/team-payments',
      );
    }
    const sinceTime = since ? Date.parse(since) : undefined;
    if (sinceTime !== undefined && Number.isNaN(sinceTime)) {
      throw new InputError('since must be a date such as 2026-11-01');
    }

    let requests: StoredStorageRequest[];
    if (!approver) {
      // Everyone else sees what they themselves wait for.
      requests = (await store.list({ status: ['pending-approval'] })).filter(
        r => r.requestedBy === actor.userRef,
      );
    } else if (shown === 'pending') {
      requests = (await approvals.listPendingFor(actor)).map(p => p.request);
    } else {
      requests = (
        await store.list({
          status: (statuses.length
            ? statuses
            : DECIDED_REQUEST_STATUSES) as StorageRequestStatus[],
        })
      ).filter(
        r =>
          (sinceTime === undefined || Date.parse(r.updatedAt) >= sinceTime) &&
          // Only what went through approval belongs to its history.
          Boolean(r.decidedBy && r.decidedBy !== 'policy'),
      );
    }
    requests = requests.filter(r => !cluster || r.cluster === cluster);

    const items: ApprovalItem[] = [];
    for (const request of requests) {
      const item = await view.itemOf(
        request,
        await approvals.get(request.id),
        actor,
      );
      if (teamKey && ownerKeyOrNone(item.entityOwner) !== teamKey) continue;
      items.push(item);
    }
    reply<ApprovalsResponse>(res, {
      items,
      approver,
      signalChannel: STORAGE_SIGNAL_CHANNEL,
    });
  });
}

/** The key of an owner the catalog holds; none for a missing or malformed one. */
function ownerKeyOrNone(owner: string | undefined): string | undefined {
  try {
    return owner ? ownerKey(owner) : undefined;
  } catch {
    return undefined;
  }
}

/** An owner or team reference as the catalog compares them: groups by default, any letter case. */
function ownerKey(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}
