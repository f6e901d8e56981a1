import type { StoredStorageRequest } from '../database/RequestStore';

// The API contract's shapes (openapi.yaml): what the routes answer is
// what the store holds.
import type {
  ApprovalRequirement,
  ApprovalState,
  ApprovalVote,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * What a pending request waits for (rule, reason, approvers as group and
 * user refs, `any`/`all`, distinct people needed, expiry, reminder), one
 * person's decision (with the approvers they decided as), and both together.
 */
export type { ApprovalRequirement, ApprovalState, ApprovalVote };

export interface PendingApproval
  extends Required<Pick<ApprovalState, 'requirement'>> {
  request: StoredStorageRequest;
  votes: ApprovalVote[];
}

/** What the votes so far add up to: a move of the request, or none yet. */
export type VoteOutcome =
  | { to: 'approved' | 'rejected'; reason: string }
  | { to?: undefined; reason: string };

export type VoteResult =
  | {
      result: 'recorded';
      request: StoredStorageRequest;
      /** True when this vote decided the request. */
      decided: boolean;
      votes: ApprovalVote[];
    }
  /** The request is not pending (anymore): another decision won. */
  | { result: 'not-pending'; request?: StoredStorageRequest }
  /** This person has decided on this request before. */
  | { result: 'already-voted'; request: StoredStorageRequest };

/** The approvals of requests, beside the request store, in the same database. */
export interface ApprovalStore {
  /**
   * Moves a `submitted` request to `pending-approval` with what it waits
   * for, in one step. Undefined when the request is not `submitted`.
   */
  open(
    id: string,
    requirement: Omit<ApprovalRequirement, 'remindedAt'>,
    actor: string,
  ): Promise<StoredStorageRequest | undefined>;
  get(id: string): Promise<ApprovalState>;
  /**
   * Records one person's decision on a pending request and, when `settle`
   * finds that the votes so far decide it, moves the request, atomically:
   * of replicas deciding the same request at once, exactly one decision
   * wins, and a request is decided at most once.
   */
  vote(
    id: string,
    vote: Omit<ApprovalVote, 'at'>,
    settle: (votes: ApprovalVote[]) => VoteOutcome,
  ): Promise<VoteResult>;
  /** Pending requests with their approval, oldest first. */
  listPending(): Promise<PendingApproval[]>;
  /** Moves pending requests whose time ran out by `now` to `cancelled`; returns them. */
  expireDue(now: Date, reason: string): Promise<StoredStorageRequest[]>;
  /** Pending requests due a reminder at `now` and not yet reminded. */
  listDueReminders(now: Date): Promise<PendingApproval[]>;
  /** Marks a request reminded; false when it already was (another replica) or is not pending. */
  markReminded(id: string, now: Date): Promise<boolean>;
}
