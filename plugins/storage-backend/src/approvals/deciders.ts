import { ConflictError, NotAllowedError } from '@backstage/errors';
import type {
  ActionAvailability,
  ApprovalRequirement,
} from '@eks-storage/backstage-plugin-storage-common';
import type { StoredStorageRequest } from '../database/RequestStore';
import type { ApprovalActor } from './ApprovalApi';
import type { ApprovalState } from './ApprovalStore';
import type { Membership } from './membership';

/** As which approvers the actor decides, or why they may not (403 or 409). */
export type DeciderCheck =
  | { onBehalfOf: string[]; requirement: ApprovalRequirement }
  | { error: Error };

/** Who may decide a request, by the approvers it names and group membership. */
export class Deciders {
  constructor(private readonly membership: Membership) {}

  /**
   * Whether the actor may decide the request now, and as which of its
   * approvers; the error to answer otherwise (403 or 409).
   */
  async check(
    request: StoredStorageRequest,
    state: ApprovalState,
    actor: ApprovalActor,
  ): Promise<DeciderCheck> {
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

  /** The user and every group they are in, nested groups included. */
  async identitiesOf(userRef: string): Promise<Set<string>> {
    const groups = await this.membership.groupsOf(userRef);
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
}

/** Whether the actor may cancel the request, as the request page shows it. */
export function cancelAvailability(
  request: StoredStorageRequest,
  actor: ApprovalActor,
): ActionAvailability {
  if (request.requestedBy !== actor.userRef) {
    return {
      allowed: false,
      reason: 'Only the requester may cancel a request',
    };
  }
  if (request.status !== 'pending-approval') {
    return {
      allowed: false,
      reason: `The request is ${request.status}: only a request waiting for approval can be cancelled`,
    };
  }
  return { allowed: true };
}
