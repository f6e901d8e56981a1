import { Knex } from 'knex';
import {
  ClaimKey,
  ClaimTransition,
  ClaimTransitionStore,
  NewClaimTransition,
  claimKeyString,
} from './ClaimTransitionStore';

const TABLE = 'storage_claim_transitions';

type Row = {
  id: number;
  cluster: string;
  namespace: string;
  claim_name: string;
  claim_uid: string | null;
  entity_ref: string | null;
  request_id: string | null;
  from_state: string | null;
  to_state: string;
  severity: string;
  headline: string;
  observed_at: Date | string;
};

function fromRow(row: Row): ClaimTransition {
  return {
    cluster: row.cluster,
    namespace: row.namespace,
    name: row.claim_name,
    uid: row.claim_uid ?? undefined,
    entityRef: row.entity_ref ?? undefined,
    requestId: row.request_id ?? undefined,
    fromState: row.from_state ?? undefined,
    toState: row.to_state,
    severity: row.severity,
    headline: row.headline,
    observedAt: new Date(row.observed_at).toISOString(),
  };
}

function whereClaim(key: ClaimKey) {
  return {
    cluster: key.cluster,
    namespace: key.namespace,
    claim_name: key.name,
  };
}

export class DatabaseClaimTransitionStore implements ClaimTransitionStore {
  constructor(private readonly db: Knex) {}

  async record(transition: NewClaimTransition): Promise<boolean> {
    return (await this.recordMany([transition])) > 0;
  }

  async recordMany(transitions: NewClaimTransition[]): Promise<number> {
    let recorded = 0;
    // Chunks keep each statement's parameters within SQLite's limits.
    for (let i = 0; i < transitions.length; i += 300) {
      recorded += await this.recordChunk(transitions.slice(i, i + 300));
    }
    return recorded;
  }

  private async recordChunk(chunk: NewClaimTransition[]): Promise<number> {
    return this.db.transaction(async tx => {
      const latest = new Map<string, Row>();
      for (const cluster of new Set(chunk.map(t => t.cluster))) {
        const claims = chunk
          .filter(t => t.cluster === cluster)
          .map(t => [t.namespace, t.name]);
        const latestIds = tx(TABLE)
          .max('id')
          .where({ cluster })
          .whereIn(['namespace', 'claim_name'], claims)
          .groupBy(['namespace', 'claim_name']);
        for (const row of await tx<Row>(TABLE).whereIn('id', latestIds)) {
          latest.set(claimKeyString(fromRow(row)), row);
        }
      }
      const rows = [];
      for (const transition of chunk) {
        const claim = claimKeyString(transition);
        const last = latest.get(claim);
        if (
          last &&
          last.to_state === transition.toState &&
          last.headline === transition.headline &&
          (last.claim_uid ?? undefined) === transition.uid
        ) {
          continue;
        }
        const row = {
          ...whereClaim(transition),
          claim_uid: transition.uid ?? null,
          entity_ref: transition.entityRef ?? null,
          request_id: transition.requestId ?? null,
          from_state: transition.fromState ?? last?.to_state ?? null,
          to_state: transition.toState,
          severity: transition.severity,
          headline: transition.headline,
          observed_at: transition.observedAt ?? new Date(),
        };
        rows.push(row);
        // A later transition of the same claim in this chunk follows this one.
        latest.set(claim, { ...row, id: 0 } as Row);
      }
      if (rows.length) {
        await tx(TABLE).insert(rows);
      }
      return rows.length;
    });
  }

  async latestByClaim(cluster: string): Promise<Map<string, ClaimTransition>> {
    const latestIds = this.db(TABLE)
      .max('id')
      .where({ cluster })
      .groupBy(['namespace', 'claim_name']);
    const rows = await this.db<Row>(TABLE).whereIn('id', latestIds);
    return new Map(
      rows.map(row => [claimKeyString(fromRow(row)), fromRow(row)]),
    );
  }

  async list(claim: ClaimKey, limit = 200): Promise<ClaimTransition[]> {
    const rows = await this.db<Row>(TABLE)
      .where(whereClaim(claim))
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.reverse().map(fromRow);
  }
}
