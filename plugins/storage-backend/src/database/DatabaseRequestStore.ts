import { TERMINAL_REQUEST_STATUSES } from '@eks-storage/backstage-plugin-storage-common';
import { Knex } from 'knex';
import {
  NewStorageRequest,
  RequestFilter,
  RequestHistoryEntry,
  RequestStatus,
  RequestStore,
  RequestTransition,
  StoredStorageRequest,
} from './RequestStore';

const REQUESTS = 'storage_requests';
const HISTORY = 'storage_request_history';
/** Statuses with no work left: what retention may delete. */
const FINISHED: RequestStatus[] = [...TERMINAL_REQUEST_STATUSES];

type RequestRow = {
  id: string;
  operation: StoredStorageRequest['operation'];
  entity_ref: string;
  cluster: string;
  namespace: string;
  claim_name: string;
  offering_id: string | null;
  spec: string;
  manifests: string;
  status: RequestStatus;
  requested_by: string;
  decided_by: string | null;
  decision_reason: string | null;
  last_error: string | null;
  attempts: number;
  next_attempt_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

type HistoryRow = {
  from_status: RequestStatus | null;
  to_status: RequestStatus;
  reason: string | null;
  actor: string;
  created_at: Date | string;
};

// SQLite hands timestamps back as strings, PostgreSQL as Dates.
function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function fromRow(row: RequestRow): StoredStorageRequest {
  return {
    id: row.id,
    operation: row.operation,
    entityRef: row.entity_ref,
    cluster: row.cluster,
    namespace: row.namespace,
    claimName: row.claim_name,
    offeringId: row.offering_id ?? undefined,
    spec: JSON.parse(row.spec),
    manifests: JSON.parse(row.manifests),
    status: row.status,
    requestedBy: row.requested_by,
    decidedBy: row.decided_by ?? undefined,
    decisionReason: row.decision_reason ?? undefined,
    lastError: row.last_error ?? undefined,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at ? toIso(row.next_attempt_at) : undefined,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseRequestStore implements RequestStore {
  constructor(private readonly db: Knex) {}

  async create(request: NewStorageRequest): Promise<StoredStorageRequest> {
    await this.db.transaction(async tx => {
      const inserted = await tx<RequestRow>(REQUESTS)
        .insert({
          id: request.id,
          operation: request.operation,
          entity_ref: request.entityRef,
          cluster: request.cluster,
          namespace: request.namespace,
          claim_name: request.claimName,
          offering_id: request.offeringId ?? null,
          spec: JSON.stringify(request.spec ?? null),
          manifests: JSON.stringify(request.manifests ?? []),
          status: 'submitted',
          requested_by: request.requestedBy,
          attempts: 0,
        })
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length > 0) {
        await tx<HistoryRow & { request_id: string }>(HISTORY).insert({
          request_id: request.id,
          from_status: null,
          to_status: 'submitted',
          actor: request.requestedBy,
          reason: 'Request submitted',
        });
      }
    });
    return (await this.get(request.id))!;
  }

  async get(id: string): Promise<StoredStorageRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async list(filter: RequestFilter = {}): Promise<StoredStorageRequest[]> {
    const query = this.db<RequestRow>(REQUESTS).orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    if (filter.entityRef) {
      query.where('entity_ref', filter.entityRef);
    }
    if (filter.status?.length) {
      query.whereIn('status', filter.status);
    }
    return (await query).map(fromRow);
  }

  async transition(
    id: string,
    transition: RequestTransition,
  ): Promise<StoredStorageRequest | undefined> {
    const { dueAt } = transition;
    const whenDue = (query: Knex.QueryBuilder) =>
      dueAt
        ? query.andWhere(due =>
            due
              .whereNull('next_attempt_at')
              .orWhere('next_attempt_at', '<=', dueAt),
          )
        : query;
    const moved = await this.db.transaction(async tx => {
      const current = await whenDue(
        tx<RequestRow>(REQUESTS)
          .where({ id })
          .whereIn('status', transition.from),
      ).first();
      if (!current) {
        return false;
      }
      // The status in the WHERE makes this a compare-and-set: of two
      // replicas racing, only one updates a row.
      const updated = await whenDue(
        tx<RequestRow>(REQUESTS).where({ id, status: current.status }),
      ).update({
        status: transition.to,
        updated_at: tx.fn.now() as unknown as string,
        ...(transition.decidedBy !== undefined && {
          decided_by: transition.decidedBy,
          decision_reason: transition.reason ?? null,
        }),
        ...(transition.lastError !== undefined && {
          last_error: transition.lastError,
        }),
        ...(transition.attempts !== undefined && {
          attempts: transition.attempts,
        }),
        ...(transition.nextAttemptAt !== undefined && {
          next_attempt_at: transition.nextAttemptAt,
        }),
      });
      if (updated === 0) {
        return false;
      }
      await tx<HistoryRow & { request_id: string }>(HISTORY).insert({
        request_id: id,
        from_status: current.status,
        to_status: transition.to,
        reason: transition.reason ?? null,
        actor: transition.actor,
      });
      return true;
    });
    return moved ? this.get(id) : undefined;
  }

  async listDue(now: Date, limit: number): Promise<StoredStorageRequest[]> {
    const rows = await this.db<RequestRow>(REQUESTS)
      // Approved and due, or applying with its lease run out: the same
      // test, as an apply in flight holds its lease in next_attempt_at.
      .whereIn('status', ['approved', 'applying'])
      .andWhere(when =>
        when.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now),
      )
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }

  async deleteExpired({
    olderThan,
    maxHistoryPerRequest,
  }: {
    olderThan?: Date;
    maxHistoryPerRequest?: number;
  }): Promise<{ requests: number; history: number }> {
    const BATCH = 500;
    let requests = 0;
    let history = 0;
    if (olderThan) {
      // updated_at is the database's own now(): SQLite keeps it as text.
      const cutoff = /sqlite/.test(String(this.db.client.config.client))
        ? olderThan.toISOString().replace('T', ' ').slice(0, 19)
        : olderThan;
      for (;;) {
        const ids = (
          await this.db<RequestRow>(REQUESTS)
            .select('id')
            .whereIn('status', FINISHED)
            .where('updated_at', '<', cutoff)
            .limit(BATCH)
        ).map(row => row.id);
        if (ids.length === 0) break;
        const [historyGone, requestsGone] = await this.db.transaction(
          async tx => [
            // Explicitly, as SQLite enforces no cascade unless told to.
            await tx(HISTORY).whereIn('request_id', ids).delete(),
            await tx(REQUESTS)
              .whereIn('id', ids)
              .whereIn('status', FINISHED)
              .delete(),
          ],
        );
        history += historyGone;
        requests += requestsGone;
      }
    }
    if (maxHistoryPerRequest !== undefined && maxHistoryPerRequest >= 1) {
      for (;;) {
        const ids = (
          await this.db
            .select('id')
            .from(
              this.db(HISTORY)
                .select(
                  'id',
                  this.db.raw(
                    'row_number() over (partition by request_id order by id desc) as position',
                  ),
                )
                .as('ranked'),
            )
            .where('position', '>', maxHistoryPerRequest)
            .limit(5000)
        ).map(row => row.id);
        if (ids.length === 0) break;
        history += await this.db(HISTORY).whereIn('id', ids).delete();
      }
    }
    return { requests, history };
  }

  async history(id: string): Promise<RequestHistoryEntry[]> {
    const rows: HistoryRow[] = await this.db(HISTORY)
      .where('request_id', id)
      .orderBy('id', 'asc');
    return rows.map(row => ({
      fromStatus: row.from_status ?? undefined,
      toStatus: row.to_status,
      reason: row.reason ?? undefined,
      actor: row.actor,
      at: toIso(row.created_at),
    }));
  }
}
