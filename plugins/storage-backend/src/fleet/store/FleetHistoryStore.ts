import { FormerClaim } from '@eks-storage/backstage-plugin-storage-common';
import { Knex } from 'knex';

/** A cluster's monthly cost as recorded on a day. */
export interface DailyCost {
  /** YYYY-MM-DD (UTC). */
  day: string;
  cluster: string;
  monthlyUsd: number;
  recordedAt: string;
}

export interface RememberedClaim extends FormerClaim {
  cluster: string;
}

/**
 * What the console remembers beyond the clusters' present: each day's
 * cost (for the trend), and the claims seen deleted (for the owners of the
 * volumes they left behind).
 */
export class FleetHistoryStore {
  constructor(private readonly db: Knex) {}

  /** Records a cluster's cost for a day; the day's last recording counts. */
  async recordCost(cost: Omit<DailyCost, 'day'>): Promise<void> {
    const at = new Date(cost.recordedAt);
    await this.db('storage_fleet_costs')
      .insert({
        day: at.toISOString().slice(0, 10),
        cluster: cost.cluster,
        monthly_usd: cost.monthlyUsd,
        recorded_at: at,
      })
      .onConflict(['day', 'cluster'])
      .merge(['monthly_usd', 'recorded_at']);
  }

  async costsSince(since: Date): Promise<DailyCost[]> {
    const rows = await this.db('storage_fleet_costs')
      .where('day', '>=', since.toISOString().slice(0, 10))
      .orderBy('day', 'asc');
    return rows.map(row => ({
      day: row.day,
      cluster: row.cluster,
      monthlyUsd: Number(row.monthly_usd),
      recordedAt: new Date(row.recorded_at).toISOString(),
    }));
  }

  /** Remembers a deleted claim's labels (the first sighting wins). */
  async rememberClaim(claim: RememberedClaim, deletedAt: Date): Promise<void> {
    await this.db('storage_former_claims')
      .insert({
        cluster: claim.cluster,
        namespace: claim.namespace,
        claim_name: claim.name,
        claim_uid: claim.uid ?? '',
        labels: JSON.stringify(claim.labels ?? {}),
        deleted_at: deletedAt,
      })
      .onConflict(['cluster', 'namespace', 'claim_name', 'claim_uid'])
      .ignore();
  }

  async formerClaims(cluster: string): Promise<RememberedClaim[]> {
    const rows = await this.db('storage_former_claims').where({ cluster });
    return rows.map(row => ({
      cluster: row.cluster,
      namespace: row.namespace,
      name: row.claim_name,
      ...(row.claim_uid ? { uid: row.claim_uid } : {}),
      labels: JSON.parse(row.labels),
    }));
  }

  /** Deletes cost days and former claims older than a time. */
  async deleteOlderThan(before: Date): Promise<number> {
    const costs = await this.db('storage_fleet_costs')
      .where('day', '<', before.toISOString().slice(0, 10))
      .delete();
    const claims = await this.db('storage_former_claims')
      .where('deleted_at', '<', before)
      .delete();
    return costs + claims;
  }
}
