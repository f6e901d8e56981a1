import type {
  RequestHistoryEntry,
  StorageRequestStatus,
  StoredStorageRequest,
} from '@eks-storage/backstage-plugin-storage-common';

/** What a request asks of a cluster. */
export type RequestOperation =
  | 'create'
  | 'resize'
  | 'snapshot'
  | 'restore'
  | 'delete';

/**
 * Where a request is in its life. Policy moves `submitted` to `approved` or
 * `pending-approval`; the apply worker takes `approved` through `applying`
 * to `applied` or `failed`.
 */
export type RequestStatus = StorageRequestStatus;

export interface NewStorageRequest {
  id: string;
  operation: RequestOperation;
  entityRef: string;
  cluster: string;
  namespace: string;
  claimName: string;
  offeringId?: string;
  spec: unknown;
  /** The objects to apply, rendered when the request was validated. */
  manifests: unknown[];
  requestedBy: string;
}

/** A stored request, and its history, as the API answers them. */
export type { StoredStorageRequest, RequestHistoryEntry };

export interface RequestTransition {
  /** The statuses the request may be in; anything else leaves it alone. */
  from: RequestStatus[];
  to: RequestStatus;
  actor: string;
  reason?: string;
  /** Set when `to` is a decision (approved or rejected). */
  decidedBy?: string;
  lastError?: string;
  /** Sets the attempt count and when to try next (retries after failure). */
  attempts?: number;
  nextAttemptAt?: Date | null;
  /**
   * Moves the request only if its next attempt is due at this time (no next
   * attempt set, or one not after it). With `nextAttemptAt` set later, this
   * is a compare-and-set on the lease of an `applying` request: of two
   * replicas taking over an interrupted apply, one does.
   */
  dueAt?: Date;
}

export interface RequestFilter {
  entityRef?: string;
  status?: RequestStatus[];
}

/** The database of requests: the source of truth for all storage work. */
export interface RequestStore {
  /**
   * Stores a new request in status `submitted`. Idempotent by id: storing
   * the same id again returns the stored request and changes nothing.
   */
  create(request: NewStorageRequest): Promise<StoredStorageRequest>;
  get(id: string): Promise<StoredStorageRequest | undefined>;
  list(filter?: RequestFilter): Promise<StoredStorageRequest[]>;
  /**
   * Moves a request from one of `from` to `to` atomically and records it in
   * the history. Returns undefined when the request is not in one of `from`
   * (another replica got there first), so callers can tell and step aside.
   */
  transition(
    id: string,
    transition: RequestTransition,
  ): Promise<StoredStorageRequest | undefined>;
  history(id: string): Promise<RequestHistoryEntry[]>;
  /**
   * Requests with work to do at `now`: approved and due, or `applying` with
   * an expired lease (next attempt due), i.e. interrupted while applying.
   * A request being applied holds a lease until its next attempt time, so
   * it is not listed. Oldest first.
   */
  listDue(now: Date, limit: number): Promise<StoredStorageRequest[]>;
  /**
   * Retention: deletes finished requests (applied, rejected, failed,
   * cancelled) last changed before `olderThan`, with their history, and
   * trims every request's history to its newest `maxHistoryPerRequest`
   * entries. Requests with work left are never touched. Returns how many
   * requests and history entries went.
   */
  deleteExpired(options: {
    olderThan?: Date;
    maxHistoryPerRequest?: number;
  }): Promise<{ requests: number; history: number }>;
}
