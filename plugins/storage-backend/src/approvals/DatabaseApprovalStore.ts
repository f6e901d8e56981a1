import { Knex } from 'knex';
import type {
  RequestStore,
  StoredStorageRequest,
} from '../database/RequestStore';
import type {
  ApprovalRequirement,
  ApprovalState,
  ApprovalStore,
  ApprovalVote,
  PendingApproval,
  VoteOutcome,
  VoteResult,
} from './ApprovalStore';

const REQUESTS = 'storage_requests';
const HISTORY = 'storage_request_history';
const APPROVALS = 'storage_request_approvals';

type RequirementRow = {
  id: string;
  approval_rule: string | null;
  approval_reason: string | null;
  approval_approvers: string | null;
  approval_mode: 'any' | 'all' | null;
  approval_min_approvals: number | null;
  approval_expires_at: Date | string | number | null;
  approval_remind_at: Date | string | number | null;
  approval_reminded_at: Date | string | number | null;
};

type VoteRow = {
  request_id: string;
  approver: string;
  approver_for: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  created_at: Date | string | number;
};

const REQUIREMENT_COLUMNS = [
  'id',
  'approval_rule',
  'approval_reason',
  'approval_approvers',
  'approval_mode',
  'approval_min_approvals',
  'approval_expires_at',
  'approval_remind_at',
  'approval_reminded_at',
];

// SQLite hands timestamps back as strings or numbers, PostgreSQL as Dates.
function toIso(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function requirementOf(row: RequirementRow): ApprovalRequirement | undefined {
  if (!row.approval_approvers || !row.approval_expires_at) return undefined;
  return {
    ...(row.approval_rule && { rule: row.approval_rule }),
    reason: row.approval_reason ?? '',
    approvers: JSON.parse(row.approval_approvers),
    mode: row.approval_mode ?? 'any',
    minApprovals: Number(row.approval_min_approvals ?? 1),
    expiresAt: toIso(row.approval_expires_at),
    remindAt: toIso(row.approval_remind_at ?? row.approval_expires_at),
    ...(row.approval_reminded_at && {
      remindedAt: toIso(row.approval_reminded_at),
    }),
  };
}

function voteOf(row: VoteRow): ApprovalVote {
  return {
    approver: row.approver,
    onBehalfOf: JSON.parse(row.approver_for),
    decision: row.decision,
    ...(row.comment !== null && { comment: row.comment }),
    at: toIso(row.created_at),
  };
}

function isBusy(error: unknown): boolean {
  return /^SQLITE_BUSY/.test(String((error as { code?: string })?.code));
}

/**
 * Runs a transaction again while SQLite answers "database is locked" (a
 * writer in another connection): PostgreSQL queues on the row instead.
 */
async function retryWhileBusy<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isBusy(error) || attempt >= 50) throw error;
      await new Promise(resolve => setTimeout(resolve, 5 + attempt * 5));
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(String(e?.message))
  );
}

/**
 * Approvals in the plugin's database. Deciding takes the request's row
 * first (an UPDATE on a pending row), so deciders queue on it in
 * PostgreSQL and SQLite alike and each sees the votes before it.
 */
export class DatabaseApprovalStore implements ApprovalStore {
  constructor(
    private readonly db: Knex,
    private readonly requests: RequestStore,
  ) {}

  async open(
    id: string,
    requirement: Omit<ApprovalRequirement, 'remindedAt'>,
    actor: string,
  ): Promise<StoredStorageRequest | undefined> {
    const opened = await this.db.transaction(async tx => {
      const updated = await tx(REQUESTS)
        .where({ id, status: 'submitted' })
        .update({
          status: 'pending-approval',
          updated_at: tx.fn.now(),
          approval_rule: requirement.rule ?? null,
          approval_reason: requirement.reason,
          approval_approvers: JSON.stringify(requirement.approvers),
          approval_mode: requirement.mode,
          approval_min_approvals: requirement.minApprovals,
          approval_expires_at: new Date(requirement.expiresAt),
          approval_remind_at: new Date(requirement.remindAt),
          approval_reminded_at: null,
        });
      if (updated === 0) return false;
      await tx(HISTORY).insert({
        request_id: id,
        from_status: 'submitted',
        to_status: 'pending-approval',
        // The history names the rule, as every decision's entry does.
        reason: requirement.rule
          ? `${requirement.reason} (rule ${requirement.rule})`
          : requirement.reason,
        actor,
      });
      return true;
    });
    return opened ? this.requests.get(id) : undefined;
  }

  async get(id: string): Promise<ApprovalState> {
    const row: RequirementRow | undefined = await this.db(REQUESTS)
      .select(REQUIREMENT_COLUMNS)
      .where({ id })
      .first();
    const votes = await this.votesOf(this.db, id);
    const requirement = row ? requirementOf(row) : undefined;
    return { ...(requirement && { requirement }), votes };
  }

  private async votesOf(db: Knex, id: string): Promise<ApprovalVote[]> {
    const rows: VoteRow[] = await db(APPROVALS)
      .where('request_id', id)
      .orderBy('id', 'asc');
    return rows.map(voteOf);
  }

  async vote(
    id: string,
    vote: Omit<ApprovalVote, 'at'>,
    settle: (votes: ApprovalVote[]) => VoteOutcome,
  ): Promise<VoteResult> {
    type Outcome =
      | { result: 'recorded'; decided: boolean; votes: ApprovalVote[] }
      | { result: 'not-pending' }
      | { result: 'already-voted' };
    let outcome: Outcome;
    try {
      outcome = await retryWhileBusy(() =>
        this.db.transaction(async (tx): Promise<Outcome> => {
          // Takes the row (and SQLite's write lock) before reading anything:
          // a second decider waits here and then sees this one's vote.
          const held = await tx(REQUESTS)
            .where({ id, status: 'pending-approval' })
            .update({ updated_at: tx.fn.now() });
          if (held === 0) return { result: 'not-pending' };
          const before = await this.votesOf(tx, id);
          if (before.some(v => v.approver === vote.approver)) {
            return { result: 'already-voted' };
          }
          await tx(APPROVALS).insert({
            request_id: id,
            approver: vote.approver,
            approver_for: JSON.stringify(vote.onBehalfOf),
            decision: vote.decision,
            comment: vote.comment ?? null,
          });
          const votes = await this.votesOf(tx, id);
          const settled = settle(votes);
          if (settled.to) {
            await tx(REQUESTS)
              .where({ id, status: 'pending-approval' })
              .update({
                status: settled.to,
                decided_by: vote.approver,
                decision_reason: settled.reason,
              });
          }
          await tx(HISTORY).insert({
            request_id: id,
            from_status: 'pending-approval',
            to_status: settled.to ?? 'pending-approval',
            reason: settled.reason,
            actor: vote.approver,
          });
          return { result: 'recorded', decided: Boolean(settled.to), votes };
        }),
      );
    } catch (error) {
      // The unique (request, approver) index: the same person twice at once.
      if (!isUniqueViolation(error)) throw error;
      outcome = { result: 'already-voted' };
    }
    const request = await this.requests.get(id);
    if (outcome.result === 'recorded') return { ...outcome, request: request! };
    if (outcome.result === 'already-voted' && request) {
      return { result: 'already-voted', request };
    }
    return { result: 'not-pending', ...(request && { request }) };
  }

  private async pending(
    where: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<PendingApproval[]> {
    const rows: RequirementRow[] = await where(
      this.db(REQUESTS)
        .select(REQUIREMENT_COLUMNS)
        .where('status', 'pending-approval')
        .whereNotNull('approval_expires_at'),
    ).orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    if (rows.length === 0) return [];
    const requests = new Map(
      (await this.requests.list({ status: ['pending-approval'] })).map(r => [
        r.id,
        r,
      ]),
    );
    const votes = new Map<string, ApprovalVote[]>();
    for (const row of (await this.db(APPROVALS)
      .whereIn(
        'request_id',
        rows.map(r => r.id),
      )
      .orderBy('id', 'asc')) as VoteRow[]) {
      votes.set(row.request_id, [
        ...(votes.get(row.request_id) ?? []),
        voteOf(row),
      ]);
    }
    return rows.flatMap(row => {
      const request = requests.get(row.id);
      const requirement = requirementOf(row);
      return request && requirement
        ? [{ request, requirement, votes: votes.get(row.id) ?? [] }]
        : [];
    });
  }

  listPending(): Promise<PendingApproval[]> {
    return this.pending(query => query);
  }

  listDueReminders(now: Date): Promise<PendingApproval[]> {
    return this.pending(query =>
      query
        .whereNull('approval_reminded_at')
        .where('approval_remind_at', '<=', now),
    );
  }

  async markReminded(id: string, now: Date): Promise<boolean> {
    const updated = await this.db(REQUESTS)
      .where({ id, status: 'pending-approval' })
      .whereNull('approval_reminded_at')
      .update({ approval_reminded_at: now });
    return updated > 0;
  }

  async expireDue(now: Date, reason: string): Promise<StoredStorageRequest[]> {
    const due: string[] = (
      await this.db(REQUESTS)
        .select('id')
        .where('status', 'pending-approval')
        .where('approval_expires_at', '<=', now)
        .limit(500)
    ).map((row: { id: string }) => row.id);
    const expired: StoredStorageRequest[] = [];
    for (const id of due) {
      const moved = await this.db.transaction(async tx => {
        const updated = await tx(REQUESTS)
          .where({ id, status: 'pending-approval' })
          .where('approval_expires_at', '<=', now)
          .update({
            status: 'cancelled',
            updated_at: tx.fn.now(),
            decided_by: 'storage:approval-expiry',
            decision_reason: reason,
          });
        if (updated === 0) return false;
        await tx(HISTORY).insert({
          request_id: id,
          from_status: 'pending-approval',
          to_status: 'cancelled',
          reason,
          actor: 'storage:approval-expiry',
        });
        return true;
      });
      if (moved) {
        const request = await this.requests.get(id);
        if (request) expired.push(request);
      }
    }
    // SQLite enforces no cascade: approvals of requests retention deleted.
    await this.db(APPROVALS)
      .whereNotIn('request_id', this.db(REQUESTS).select('id'))
      .delete();
    return expired;
  }
}
