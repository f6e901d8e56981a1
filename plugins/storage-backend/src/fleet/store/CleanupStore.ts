import { Knex } from 'knex';

const TABLE = 'storage_claim_cleanups';

export type CleanupStatus =
  | 'upcoming'
  | 'warned'
  | 'snapshotting'
  | 'deleting'
  | 'deleted'
  | 'failed';

/** A claim the backend deletes itself, and how far that has come. */
export interface ClaimCleanup {
  cluster: string;
  namespace: string;
  name: string;
  /** The claim's uid: a new claim of the same name is another cleanup. */
  uid: string;
  reason: 'expiry' | 'console';
  entityRef: string;
  /** Whose request the delete is (the console's user, or the backend). */
  requestedBy: string;
  expiresAt?: string;
  warnedAt?: string;
  status: CleanupStatus;
  snapshotFirst: boolean;
  snapshotName?: string;
  snapshotRequestId?: string;
  deleteRequestId?: string;
  message?: string;
  updatedAt: string;
}

export type CleanupKey = Pick<
  ClaimCleanup,
  'cluster' | 'namespace' | 'name' | 'uid'
>;

type Row = Record<string, any>;

const iso = (value: unknown) =>
  value ? new Date(value as string).toISOString() : undefined;

function fromRow(row: Row): ClaimCleanup {
  return {
    cluster: row.cluster,
    namespace: row.namespace,
    name: row.claim_name,
    uid: row.claim_uid,
    reason: row.reason,
    entityRef: row.entity_ref,
    requestedBy: row.requested_by,
    expiresAt: iso(row.expires_at),
    warnedAt: iso(row.warned_at),
    status: row.status,
    snapshotFirst: Boolean(row.snapshot_first),
    snapshotName: row.snapshot_name ?? undefined,
    snapshotRequestId: row.snapshot_request_id ?? undefined,
    deleteRequestId: row.delete_request_id ?? undefined,
    message: row.message ?? undefined,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const keyColumns = (key: CleanupKey) => ({
  cluster: key.cluster,
  namespace: key.namespace,
  claim_name: key.name,
  claim_uid: key.uid,
});

/**
 * The claims the backend cleans up, in the database: every step is a
 * compare-and-set from the status the caller saw, so however many replicas
 * run the task, each step (warn, snapshot, delete) happens once.
 */
export class CleanupStore {
  constructor(private readonly db: Knex) {}

  /** Starts following a cleanup; an existing one of the same claim is kept. */
  async add(
    cleanup: Omit<ClaimCleanup, 'updatedAt'>,
    now: Date,
  ): Promise<ClaimCleanup> {
    await this.db(TABLE)
      .insert({
        ...keyColumns(cleanup),
        reason: cleanup.reason,
        entity_ref: cleanup.entityRef,
        requested_by: cleanup.requestedBy,
        expires_at: cleanup.expiresAt ? new Date(cleanup.expiresAt) : null,
        warned_at: cleanup.warnedAt ? new Date(cleanup.warnedAt) : null,
        status: cleanup.status,
        snapshot_first: cleanup.snapshotFirst,
        snapshot_name: cleanup.snapshotName ?? null,
        snapshot_request_id: cleanup.snapshotRequestId ?? null,
        delete_request_id: cleanup.deleteRequestId ?? null,
        message: cleanup.message ?? null,
        updated_at: now,
      })
      .onConflict(['cluster', 'namespace', 'claim_name', 'claim_uid'])
      .ignore();
    return (await this.get(cleanup))!;
  }

  async get(key: CleanupKey): Promise<ClaimCleanup | undefined> {
    const row = await this.db(TABLE).where(keyColumns(key)).first();
    return row ? fromRow(row) : undefined;
  }

  async list(filter: { status?: CleanupStatus[] } = {}) {
    const query = this.db(TABLE).orderBy([
      { column: 'expires_at', order: 'asc' },
      { column: 'cluster' },
      { column: 'namespace' },
      { column: 'claim_name' },
    ]);
    if (filter.status) query.whereIn('status', filter.status);
    return (await query).map(fromRow);
  }

  /**
   * Moves a cleanup on from the status (and warning) the caller saw;
   * undefined when another replica moved it first.
   */
  async advance(
    seen: ClaimCleanup,
    change: Partial<
      Pick<
        ClaimCleanup,
        | 'status'
        | 'warnedAt'
        | 'expiresAt'
        | 'snapshotName'
        | 'snapshotRequestId'
        | 'deleteRequestId'
        | 'message'
      >
    >,
    now: Date,
  ): Promise<ClaimCleanup | undefined> {
    const columns: Row = { updated_at: now };
    if (change.status) columns.status = change.status;
    if ('warnedAt' in change)
      columns.warned_at = change.warnedAt ? new Date(change.warnedAt) : null;
    if ('expiresAt' in change)
      columns.expires_at = change.expiresAt ? new Date(change.expiresAt) : null;
    if (change.snapshotName) columns.snapshot_name = change.snapshotName;
    if (change.snapshotRequestId)
      columns.snapshot_request_id = change.snapshotRequestId;
    if (change.deleteRequestId)
      columns.delete_request_id = change.deleteRequestId;
    if ('message' in change) columns.message = change.message ?? null;
    const query = this.db(TABLE)
      .where(keyColumns(seen))
      .andWhere('status', seen.status);
    if (seen.warnedAt) query.andWhere('warned_at', new Date(seen.warnedAt));
    else query.whereNull('warned_at');
    const updated = await query.update(columns);
    return updated === 1 ? this.get(seen) : undefined;
  }

  /** Forgets finished cleanups older than a time. */
  async deleteFinishedBefore(before: Date): Promise<number> {
    return this.db(TABLE)
      .whereIn('status', ['deleted', 'failed'])
      .andWhere('updated_at', '<', before)
      .delete();
  }

  /** Forgets the cleanup of a claim that is gone or no longer expires. */
  async remove(seen: ClaimCleanup): Promise<boolean> {
    return (
      (await this.db(TABLE)
        .where(keyColumns(seen))
        .andWhere('status', seen.status)
        .delete()) === 1
    );
  }
}
