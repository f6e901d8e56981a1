import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import {
  ActionAvailability,
  ApprovalRequirement,
  RequestActions,
  StorageRequestPolicyDecision,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import type {
  RequestStore,
  StoredStorageRequest,
} from '../database/RequestStore';
import type {
  ApprovalState,
  ApprovalStore,
  PendingApproval,
} from './ApprovalStore';
import type { Membership } from './membership';
import {
  ApprovalNotifier,
  approvalRequested,
  requestDecided,
} from './notifications';
import { settleVotes } from './settle';

/** Who acts: the user's credentials and entity ref, as the routes have them. */
export interface ApprovalActor {
  credentials: BackstageCredentials;
  userRef: string;
}

/** An approver's decision, as the route parses it from the body. */
export interface ApprovalDecisionInput {
  decision: 'approve' | 'reject';
  /** Required to reject: the requester reads it. */
  comment?: string;
}

/** A request with its approval, as the API answers it. */
export interface RequestApproval {
  request: StoredStorageRequest;
  approval: ApprovalState;
}

/** What housekeeping did in one run. */
export interface ApprovalHousekeeping {
  expired: StoredStorageRequest[];
  reminded: StoredStorageRequest[];
}

/** The approval flow, as routes, the request workflow and the scheduler call it. */
export interface ApprovalApi {
  /**
   * Settles a request just stored (`submitted`) by the policy's decision:
   * `approved`, `rejected` (deny), or `pending-approval`, approvers notified.
   * Returns the request as it is afterwards.
   */
  settle(
    request: StoredStorageRequest,
    decision: StorageRequestPolicyDecision,
  ): Promise<StoredStorageRequest>;
  /**
   * An approver decides a pending request. Throws NotAllowedError (403)
   * without `storage.request.approve`, for the requester themself and for
   * anyone not among the request's approvers; InputError (400) for a
   * rejection without a comment; NotFoundError (404); ConflictError (409)
   * when the request is not pending or the person has decided already.
   */
  decide(
    requestId: string,
    input: ApprovalDecisionInput,
    actor: ApprovalActor,
  ): Promise<RequestApproval>;
  /**
   * What the actor may do with the request now (approve, reject, cancel),
   * with the reason when not: what the request page and queue show.
   * NotFoundError (404) for an unknown request.
   */
  actionsFor(requestId: string, actor: ApprovalActor): Promise<RequestActions>;
  /** Whether the actor holds `storage.request.approve`. */
  isApprover(actor: ApprovalActor): Promise<boolean>;
  /** The requester withdraws a pending request: 403 for anyone else, 409 when not pending. */
  cancel(
    requestId: string,
    actor: ApprovalActor,
  ): Promise<StoredStorageRequest>;
  /** A request's approval: what it waits for and who decided so far. */
  get(requestId: string): Promise<ApprovalState>;
  /** Pending requests the actor may decide ("pending my approval"). */
  listPendingFor(actor: ApprovalActor): Promise<PendingApproval[]>;
  /** Expires pending requests past their time and reminds approvers at half-time. */
  runHousekeeping(): Promise<ApprovalHousekeeping>;
}

export interface ApprovalServiceOptions {
  requests: RequestStore;
  approvals: ApprovalStore;
  /** `StorageAuthorizer` fits. */
  authorizer: {
    allows(
      permission: BasicPermission,
      credentials: BackstageCredentials,
    ): Promise<boolean>;
  };
  membership: Membership;
  auditor: AuditorService;
  logger: LoggerService;
  /** How long a request waits before it expires, and when approvers are reminded. */
  pendingTimeoutMs: number;
  reminderAfterMs: number;
  /** NotificationService of `@backstage/plugin-notifications-node`, when installed. */
  notifications?: ApprovalNotifier;
  /** Called after every change of a request (signals, the apply worker). */
  onRequestChanged?: (request: StoredStorageRequest) => Promise<void>;
  clock?: () => Date;
}

const EXPIRY_ACTOR = 'storage:approval-expiry';

function ruleNote(rule?: string): string {
  return rule ? ` (rule ${rule})` : '';
}

function days(ms: number): string {
  const d = ms / 86_400_000;
  if (d >= 1 && Number.isInteger(d)) return `${d} day${d === 1 ? '' : 's'}`;
  const h = Math.round(ms / 3_600_000);
  return `${h} hour${h === 1 ? '' : 's'}`;
}

export class ApprovalService implements ApprovalApi {
  private readonly clock: () => Date;

  constructor(private readonly options: ApprovalServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  async settle(
    request: StoredStorageRequest,
    decision: StorageRequestPolicyDecision,
  ): Promise<StoredStorageRequest> {
    const { requests, approvals } = this.options;
    let settled: StoredStorageRequest | undefined;
    if (decision.outcome === 'require-approval') {
      const now = this.clock().getTime();
      const requirement = {
        ...(decision.rule && { rule: decision.rule }),
        reason: decision.reason,
        approvers: decision.approvers,
        mode: decision.mode,
        minApprovals: decision.minApprovals ?? 1,
        expiresAt: new Date(now + this.options.pendingTimeoutMs).toISOString(),
        remindAt: new Date(now + this.options.reminderAfterMs).toISOString(),
      };
      settled = await approvals.open(request.id, requirement, 'policy');
      if (settled) {
        await this.notify(approvalRequested(settled, requirement));
      }
    } else {
      settled = await requests.transition(request.id, {
        from: ['submitted'],
        to: decision.outcome === 'auto-approve' ? 'approved' : 'rejected',
        actor: 'policy',
        decidedBy: 'policy',
        reason: `${decision.reason}${ruleNote(decision.rule)}`,
      });
    }
    if (!settled) {
      // Decided already (a replay, or another replica): as it is now.
      return (await requests.get(request.id)) ?? request;
    }
    await this.audit('storage-approval-policy', settled, {
      outcome: decision.outcome,
      rule: decision.rule,
      reason: decision.reason,
    });
    await this.changed(settled);
    return settled;
  }

  async decide(
    requestId: string,
    input: ApprovalDecisionInput,
    actor: ApprovalActor,
  ): Promise<RequestApproval> {
    const { authorizer, requests, approvals } = this.options;
    if (
      !(await authorizer.allows(
        storageRequestApprovePermission,
        actor.credentials,
      ))
    ) {
      throw new NotAllowedError('You may not approve storage requests');
    }
    const request = await requests.get(requestId);
    if (!request) {
      throw new NotFoundError(`No storage request ${requestId}`);
    }
    const comment = input.comment?.trim() || undefined;
    if (input.decision === 'reject' && !comment) {
      throw new InputError(
        'comment: a rejection needs a comment telling the requester why',
      );
    }
    const state = await approvals.get(requestId);
    const check = await this.deciderCheck(request, state, actor);
    if ('error' in check) throw check.error;
    const { onBehalfOf, requirement } = check;
    const result = await approvals.vote(
      requestId,
      {
        approver: actor.userRef,
        onBehalfOf,
        decision: input.decision,
        comment,
      },
      votes => settleVotes(requirement, votes),
    );
    if (result.result === 'not-pending') {
      throw new ConflictError(
        `Storage request ${requestId} is ${
          result.request?.status ?? 'gone'
        }, not waiting for approval`,
      );
    }
    if (result.result === 'already-voted') {
      throw new ConflictError(
        `You have already decided storage request ${requestId}`,
      );
    }
    await this.audit('storage-approval-decision', result.request, {
      decision: input.decision,
      approver: actor.userRef,
      onBehalfOf: onBehalfOf.join(','),
      comment,
      rule: requirement.rule,
      decided: result.decided,
    });
    if (result.decided) {
      await this.notify(requestDecided(result.request));
    }
    await this.changed(result.request);
    return {
      request: result.request,
      approval: await approvals.get(requestId),
    };
  }

  async actionsFor(
    requestId: string,
    actor: ApprovalActor,
  ): Promise<RequestActions> {
    const request = await this.options.requests.get(requestId);
    if (!request) {
      throw new NotFoundError(`No storage request ${requestId}`);
    }
    let decide: ActionAvailability;
    if (
      !(await this.options.authorizer.allows(
        storageRequestApprovePermission,
        actor.credentials,
      ))
    ) {
      decide = {
        allowed: false,
        reason: 'You may not approve storage requests',
      };
    } else {
      const check = await this.deciderCheck(
        request,
        await this.options.approvals.get(requestId),
        actor,
      );
      decide =
        'error' in check
          ? { allowed: false, reason: check.error.message }
          : { allowed: true };
    }
    let cancel: ActionAvailability = { allowed: true };
    if (request.requestedBy !== actor.userRef) {
      cancel = {
        allowed: false,
        reason: 'Only the requester may cancel a request',
      };
    } else if (request.status !== 'pending-approval') {
      cancel = {
        allowed: false,
        reason: `The request is ${request.status}: only a request waiting for approval can be cancelled`,
      };
    }
    return { approve: decide, reject: decide, cancel };
  }

  async isApprover(actor: ApprovalActor): Promise<boolean> {
    return this.options.authorizer.allows(
      storageRequestApprovePermission,
      actor.credentials,
    );
  }

  /**
   * Whether the actor may decide the request now, and as which of its
   * approvers; the error to answer otherwise (403 or 409).
   */
  private async deciderCheck(
    request: StoredStorageRequest,
    state: ApprovalState,
    actor: ApprovalActor,
  ): Promise<
    | { onBehalfOf: string[]; requirement: ApprovalRequirement }
    | { error: Error }
  > {
    if (request.requestedBy === actor.userRef) {
      return {
        error: new NotAllowedError(
          'You requested this storage: someone else must decide it',
        ),
      };
    }
    const requirement = state.requirement;
    if (!requirement || request.status !== 'pending-approval') {
      return {
        error: new ConflictError(
          `Storage request ${request.id} is ${request.status}, not waiting for approval`,
        ),
      };
    }
    const onBehalfOf = await this.approverEntriesOf(
      actor.userRef,
      requirement.approvers,
    );
    if (onBehalfOf.length === 0) {
      return {
        error: new NotAllowedError(
          `Only ${requirement.approvers.join(', ')} may decide this request`,
        ),
      };
    }
    if (state.votes.some(v => v.approver === actor.userRef)) {
      return {
        error: new ConflictError(
          `You have already decided storage request ${request.id}`,
        ),
      };
    }
    return { onBehalfOf, requirement };
  }

  async cancel(
    requestId: string,
    actor: ApprovalActor,
  ): Promise<StoredStorageRequest> {
    const { requests } = this.options;
    const request = await requests.get(requestId);
    if (!request) {
      throw new NotFoundError(`No storage request ${requestId}`);
    }
    if (request.requestedBy !== actor.userRef) {
      throw new NotAllowedError('Only the requester may cancel a request');
    }
    const cancelled = await requests.transition(requestId, {
      from: ['pending-approval'],
      to: 'cancelled',
      actor: actor.userRef,
      decidedBy: actor.userRef,
      reason: `Cancelled by ${actor.userRef}`,
    });
    if (!cancelled) {
      const now = await requests.get(requestId);
      throw new ConflictError(
        `Storage request ${requestId} is ${
          now?.status ?? 'gone'
        }: only a request waiting for approval can be cancelled`,
      );
    }
    await this.audit('storage-approval-cancel', cancelled, {
      actor: actor.userRef,
    });
    await this.changed(cancelled);
    return cancelled;
  }

  get(requestId: string): Promise<ApprovalState> {
    return this.options.approvals.get(requestId);
  }

  async listPendingFor(actor: ApprovalActor): Promise<PendingApproval[]> {
    if (
      !(await this.options.authorizer.allows(
        storageRequestApprovePermission,
        actor.credentials,
      ))
    ) {
      return [];
    }
    const pending = await this.options.approvals.listPending();
    const mine = await this.identitiesOf(actor.userRef);
    return pending.filter(
      p =>
        p.request.requestedBy !== actor.userRef &&
        !p.votes.some(v => v.approver === actor.userRef) &&
        p.requirement.approvers.some(a =>
          mine.has(a.toLocaleLowerCase('en-US')),
        ),
    );
  }

  async runHousekeeping(): Promise<ApprovalHousekeeping> {
    const { approvals } = this.options;
    const now = this.clock();
    const expired = await approvals.expireDue(
      now,
      `Expired: no decision within ${days(this.options.pendingTimeoutMs)}`,
    );
    for (const request of expired) {
      await this.audit('storage-approval-expired', request, {
        actor: EXPIRY_ACTOR,
      });
      await this.notify(requestDecided(request));
      await this.changed(request);
    }
    const reminded: StoredStorageRequest[] = [];
    for (const due of await approvals.listDueReminders(now)) {
      // Marked first: of replicas racing, one reminds.
      if (!(await approvals.markReminded(due.request.id, now))) continue;
      await this.notify(approvalRequested(due.request, due.requirement, true));
      reminded.push(due.request);
    }
    if (expired.length || reminded.length) {
      this.options.logger.info(
        `Storage approvals: ${expired.length} expired, ${reminded.length} reminded`,
      );
    }
    return { expired, reminded };
  }

  /** The user and every group they are in, nested groups included. */
  private async identitiesOf(userRef: string): Promise<Set<string>> {
    const groups = await this.options.membership.groupsOf(userRef);
    return new Set([userRef.toLocaleLowerCase('en-US'), ...groups]);
  }

  /** The approvers the user stands for: themself, or groups they are in. */
  private async approverEntriesOf(
    userRef: string,
    approvers: string[],
  ): Promise<string[]> {
    const mine = await this.identitiesOf(userRef);
    return approvers.filter(a => mine.has(a.toLocaleLowerCase('en-US')));
  }

  private async notify(message: Parameters<ApprovalNotifier['send']>[0]) {
    if (!this.options.notifications) return;
    try {
      await this.options.notifications.send(message);
    } catch (error) {
      this.options.logger.warn(
        `Could not send a storage approval notification: ${error}`,
      );
    }
  }

  private async changed(request: StoredStorageRequest) {
    try {
      await this.options.onRequestChanged?.(request);
    } catch (error) {
      this.options.logger.warn(
        `Could not announce the change of storage request ${request.id}: ${error}`,
      );
    }
  }

  private async audit(
    eventId: string,
    request: StoredStorageRequest,
    meta: Record<string, string | number | boolean | undefined>,
  ) {
    const event = await this.options.auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      meta: {
        requestId: request.id,
        status: request.status,
        entityRef: request.entityRef,
        ...Object.fromEntries(
          Object.entries(meta).filter(([, v]) => v !== undefined),
        ),
      },
    });
    await event.success();
  }
}
