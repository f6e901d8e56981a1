import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import type {
  RequestActions,
  StorageRequestPolicyDecision,
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
import type { ApprovalNotifier } from './notifications';

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
