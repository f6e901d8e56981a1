import { Knex } from 'knex';
import {
  ClaimKey,
  ClaimTransition,
  ClaimTransitionStore,
  NewClaimTransition,
  stateKeyOf,
} from './ClaimTransitionStore';
import { claimKey } from '../tracker/claimKey';

const TABLE = 'storage_claim_transitions';
/** Serializes transition writes across replicas sharing a PostgreSQL. */
const WRITE_LOCK = 7_301_001;

const keyOf = (cluster: string, namespace: string, name: string) =>
  `${cluster}|${claimKey(namespace, name)}`;
const millis = (value: Date | string | number) => new Date(value).getTime();

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

  private isPostgres() {
    return /^(pg|postgres)/.test(String(this.db.client.config.client));
  }

  private async recordChunk(chunk: NewClaimTransition[]): Promise<number> {
    return this.db.transaction(async tx => {
      // Two replicas seeing the same change must not both find it missing.
      if (this.isPostgres()) {
        await tx.raw('select pg_advisory_xact_lock(?)', [WRITE_LOCK]);
      }
      const latest = new Map<string, Row>();
      const exact = new Set<string>();
      for (const cluster of new Set(chunk.map(t => t.cluster))) {
        const ofCluster = chunk.filter(t => t.cluster === cluster);
        const claims = ofCluster.map(t => [t.namespace, t.name]);
        const latestIds = tx(TABLE)
          .max('id')
          .where({ cluster })
          .whereIn(['namespace', 'claim_name'], claims)
          .groupBy(['namespace', 'claim_name']);
        for (const row of await tx<Row>(TABLE).whereIn('id', latestIds)) {
          latest.set(keyOf(row.cluster, row.namespace, row.claim_name), row);
        }
        // A retry of a batch that was partly stored: what is stored, with
        // its time of observation, is not stored again.
        const times = ofCluster.flatMap(t =>
          t.observedAt ? [t.observedAt] : [],
        );
        if (times.length) {
          const rows = await tx<Row>(TABLE)
            .select('namespace', 'claim_name', 'to_state', 'observed_at')
            .where({ cluster })
            .whereIn(['namespace', 'claim_name'], claims)
            .whereIn('observed_at', times);
          for (const row of rows) {
            exact.add(
              `${keyOf(cluster, row.namespace, row.claim_name)}|${
                row.to_state
              }|${millis(row.observed_at)}`,
            );
          }
        }
      }
      const rows = [];
      for (const transition of chunk) {
        const claim = keyOf(
          transition.cluster,
          transition.namespace,
          transition.name,
        );
        const last = latest.get(claim);
        if (
          transition.observedAt &&
          exact.has(
            `${claim}|${transition.toState}|${millis(transition.observedAt)}`,
          )
        ) {
          continue;
        }
        if (
          last &&
          stateKeyOf({
            toState: last.to_state,
            severity: last.severity,
            headline: last.headline,
          }) === stateKeyOf(transition) &&
          (last.claim_uid ?? undefined) === transition.uid
        ) {
          continue;
        }
        const row = {
          ...whereClaim(transition),
          claim_uid: transition.uid ?? null,
          entity_ref: transition.entityRef ?? null,
          request_id: transition.requestId ?? null,
          // The stored history is one chain: each row starts where the
          // claim's previous row ended, whichever replica wrote that one.
          from_state: last?.to_state ?? transition.fromState ?? null,
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
      rows.map(row => [claimKey(row.namespace, row.claim_name), fromRow(row)]),
    );
  }

  async deleteExpired({
    olderThan,
    maxPerClaim,
  }: {
    olderThan?: Date;
    maxPerClaim?: number;
  }): Promise<number> {
    let deleted = 0;
    // In batches, so no statement holds the table for long.
    const BATCH = 5000;
    if (maxPerClaim !== undefined && maxPerClaim >= 1) {
      for (;;) {
        const ids = (
          await this.db
            .select('id')
            .from(
              this.db(TABLE)
                .select(
                  'id',
                  this.db.raw(
                    'row_number() over (partition by cluster, namespace, claim_name order by id desc) as position',
                  ),
                )
                .as('ranked'),
            )
            .where('position', '>', maxPerClaim)
            .limit(BATCH)
        ).map(row => row.id);
        if (ids.length === 0) break;
        deleted += await this.db(TABLE).whereIn('id', ids).delete();
      }
    }
    if (olderThan) {
      for (;;) {
        const latestIds = this.db(TABLE)
          .max('id')
          .groupBy(['cluster', 'namespace', 'claim_name']);
        const ids = (
          await this.db(TABLE)
            .select('id')
            .where('observed_at', '<', olderThan)
            .andWhere(expired =>
              expired
                .where('to_state', 'deleted')
                .orWhereNotIn('id', latestIds),
            )
            .limit(BATCH)
        ).map(row => row.id);
        if (ids.length === 0) break;
        deleted += await this.db(TABLE).whereIn('id', ids).delete();
      }
    }
    return deleted;
  }

  async list(claim: ClaimKey, limit = 200): Promise<ClaimTransition[]> {
    const rows = await this.db<Row>(TABLE)
      .where(whereClaim(claim))
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.reverse().map(fromRow);
  }
}
