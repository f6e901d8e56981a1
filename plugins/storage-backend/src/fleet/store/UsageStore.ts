import { Knex } from 'knex';

const TABLE = 'storage_volume_usage';

/** One reading of a claim's file system in one cluster. */
export interface UsageReading {
  cluster: string;
  namespace: string;
  claim: string;
  /** ISO 8601: the kubelet's time of the reading. */
  time: string;
  usedBytes: number;
  capacityBytes: number;
}

export interface ClaimSelector {
  cluster: string;
  namespace: string;
  claim: string;
}

type Row = {
  cluster: string;
  namespace: string;
  claim_name: string;
  observed_at: Date | string;
  used_bytes: number | string;
  capacity_bytes: number | string;
};

function fromRow(row: Row): UsageReading {
  return {
    cluster: row.cluster,
    namespace: row.namespace,
    claim: row.claim_name,
    time: new Date(row.observed_at).toISOString(),
    usedBytes: Number(row.used_bytes),
    capacityBytes: Number(row.capacity_bytes),
  };
}

/**
 * Usage samples of claims, as the collector reads them from the kubelets.
 * A reading is stored once however often it is collected (the kubelet's
 * time is part of its key), so replicas and retries add no duplicates.
 */
export class UsageStore {
  constructor(private readonly db: Knex) {}

  /** Stores readings; returns how many were new. */
  async record(readings: readonly UsageReading[]): Promise<number> {
    let added = 0;
    // SQLite allows 999 bound parameters: batches of 100 rows of 6.
    for (let i = 0; i < readings.length; i += 100) {
      const rows = readings.slice(i, i + 100).map(r => ({
        cluster: r.cluster,
        namespace: r.namespace,
        claim_name: r.claim,
        observed_at: new Date(r.time),
        used_bytes: r.usedBytes,
        capacity_bytes: r.capacityBytes,
      }));
      const inserted = await this.db(TABLE)
        .insert(rows)
        .onConflict(['cluster', 'namespace', 'claim_name', 'observed_at'])
        .ignore()
        .returning('id');
      added += inserted.length;
    }
    return added;
  }

  /** One claim's readings since a time, oldest first. */
  async history(claim: ClaimSelector, since: Date): Promise<UsageReading[]> {
    const rows: Row[] = await this.db(TABLE)
      .where({
        cluster: claim.cluster,
        namespace: claim.namespace,
        claim_name: claim.claim,
      })
      .andWhere('observed_at', '>=', since)
      .orderBy('observed_at', 'asc')
      .limit(20_000);
    return rows.map(fromRow);
  }

  /** Every reading since a time (the suggestions' window), oldest first. */
  async since(since: Date): Promise<UsageReading[]> {
    const rows: Row[] = await this.db(TABLE)
      .where('observed_at', '>=', since)
      .orderBy('observed_at', 'asc');
    return rows.map(fromRow);
  }

  /** The newest reading of each of these claims (those that have one). */
  async latestOf(claims: readonly ClaimSelector[]): Promise<UsageReading[]> {
    const readings: UsageReading[] = [];
    // A bounded number of claims per query keeps SQLite's parameter limit.
    for (let i = 0; i < claims.length; i += 200) {
      const batch = claims.slice(i, i + 200);
      const rows: Row[] = await this.db(TABLE)
        .whereIn(
          ['cluster', 'namespace', 'claim_name'],
          batch.map(c => [c.cluster, c.namespace, c.claim]),
        )
        .andWhere(
          'observed_at',
          '>=',
          this.db(TABLE)
            .max('observed_at')
            .whereRaw('?? = ??', [`${TABLE}.cluster`, 'u2.cluster'])
            .from(`${TABLE} as u2`)
            .whereRaw('?? = ??', [`${TABLE}.namespace`, 'u2.namespace'])
            .whereRaw('?? = ??', [`${TABLE}.claim_name`, 'u2.claim_name']),
        );
      readings.push(...rows.map(fromRow));
    }
    return readings;
  }

  /** When the newest reading of any claim was taken. */
  async lastObservedAt(): Promise<string | undefined> {
    const row = await this.db(TABLE)
      .max({ at: 'observed_at' })
      .first<{ at: Date | string | null }>();
    return row?.at ? new Date(row.at).toISOString() : undefined;
  }

  /** Deletes readings older than a time; returns how many. */
  async deleteOlderThan(before: Date): Promise<number> {
    return this.db(TABLE).where('observed_at', '<', before).delete();
  }
}
