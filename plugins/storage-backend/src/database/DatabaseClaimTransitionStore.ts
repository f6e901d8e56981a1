import { Knex } from 'knex';
import {
  ClaimKey,
  ClaimTransition,
  ClaimTransitionStore,
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

  async record(
    transition: Omit<ClaimTransition, 'observedAt'> & { observedAt?: Date },
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const latest = await tx<Row>(TABLE)
        .where(whereClaim(transition))
        .orderBy('id', 'desc')
        .first();
      if (
        latest &&
        latest.to_state === transition.toState &&
        latest.headline === transition.headline &&
        (latest.claim_uid ?? undefined) === transition.uid
      ) {
        return false;
      }
      await tx(TABLE).insert({
        ...whereClaim(transition),
        claim_uid: transition.uid ?? null,
        entity_ref: transition.entityRef ?? null,
        request_id: transition.requestId ?? null,
        from_state: transition.fromState ?? latest?.to_state ?? null,
        to_state: transition.toState,
        severity: transition.severity,
        headline: transition.headline,
        observed_at: transition.observedAt ?? new Date(),
      });
      return true;
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
