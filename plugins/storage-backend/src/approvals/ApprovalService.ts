import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ActionAvailability,
  RequestActions,
  StorageRequestPolicyDecision,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import type { StoredStorageRequest } from '../database/RequestStore';
import type {
  ApprovalActor,
  ApprovalApi,
  ApprovalDecisionInput,
  ApprovalHousekeeping,
  ApprovalServiceOptions,
  RequestApproval,
} from './ApprovalApi';
import type { ApprovalState, PendingApproval } from './ApprovalStore';
import { ApprovalEffects } from './approvalEffects';
import { cancelAvailability, Deciders } from './deciders';
import { runApprovalHousekeeping } from './housekeeping';
import { approvalRequested, requestDecided } from './notifications';
import { settleVotes } from './settle';

// The API's types live with it; re-exported so this module (and the
// package index through it) keeps exporting them.
export * from './ApprovalApi';

function ruleNote(rule?: string): string {
  return rule ? ` (rule ${rule})` : '';
}

/**
 * The approval flow: settles policy decisions, lets approvers decide and
 * requesters cancel. Who may decide is `Deciders`' call; audit,
 * notifications and announcements are `ApprovalEffects`'.
 */
export class ApprovalService implements ApprovalApi {
  private readonly clock: () => Date;
  private readonly deciders: Deciders;
  private readonly effects: ApprovalEffects;

  constructor(private readonly options: ApprovalServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.deciders = new Deciders(options.membership);
    this.effects = new ApprovalEffects(options);
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
        await this.effects.notify(approvalRequested(settled, requirement));
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
    await this.effects.audit('storage-approval-policy', settled, {
      outcome: decision.outcome,
      rule: decision.rule,
      reason: decision.reason,
    });
    await this.effects.changed(settled);
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
    const check = await this.deciders.check(request, state, actor);
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
    await this.effects.audit('storage-approval-decision', result.request, {
      decision: input.decision,
      approver: actor.userRef,
      onBehalfOf: onBehalfOf.join(','),
      comment,
      rule: requirement.rule,
      decided: result.decided,
    });
    if (result.decided) {
      await this.effects.notify(requestDecided(result.request));
    }
    await this.effects.changed(result.request);
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
      const check = await this.deciders.check(
        request,
        await this.options.approvals.get(requestId),
        actor,
      );
      decide =
        'error' in check
          ? { allowed: false, reason: check.error.message }
          : { allowed: true };
    }
    return {
      approve: decide,
      reject: decide,
      cancel: cancelAvailability(request, actor),
    };
  }

  async isApprover(actor: ApprovalActor): Promise<boolean> {
    return this.options.authorizer.allows(
      storageRequestApprovePermission,
      actor.credentials,
    );
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
    await this.effects.audit('storage-approval-cancel', cancelled, {
      actor: actor.userRef,
    });
    await this.effects.changed(cancelled);
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
    const mine = await this.deciders.identitiesOf(actor.userRef);
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
    return runApprovalHousekeeping(this.options, this.effects, this.clock());
  }
}
