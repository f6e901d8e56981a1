import {
  CostGroup,
  claimInventory,
  costTrend,
  parseQuantity,
  priceVolumes,
  rollUpCosts,
} from '@eks-storage/backstage-plugin-storage-common';
import { FleetGroup, FleetOverviewResponse } from '../api';
import { FleetSnapshot, samplesOf } from '../snapshot';
import { DailyCost } from '../store/FleetHistoryStore';

/** The readings of each cluster, for storage billed by use. */
function usageByCluster(snapshot: FleetSnapshot) {
  return Object.fromEntries(
    snapshot.clusters.map(({ storage }) => [
      storage.cluster,
      samplesOf(snapshot, storage.cluster),
    ]),
  );
}

/** The fleet's cost as storage-common rolls it up (what the collector records each day). */
export function fleetCost(snapshot: FleetSnapshot) {
  return rollUpCosts({
    clusters: snapshot.clusters.map(c => c.storage),
    prices: snapshot.prices,
    entities: snapshot.entities,
    usage: usageByCluster(snapshot),
  });
}

/** Cost groups with the claims and capacity of their volumes. */
function costGroups(
  groups: CostGroup[],
  rows: ReturnType<typeof priceVolumes>,
  capacityOf: (cluster: string, volume: string) => number,
  keyOf: (row: ReturnType<typeof priceVolumes>[number]) => string | undefined,
): FleetGroup[] {
  return groups.map(group => {
    const members = rows.filter(row => (keyOf(row) ?? 'unowned') === group.key);
    return {
      key: group.key,
      claims: members.filter(row => row.phase === 'Bound').length,
      volumes: members.filter(row => row.phase !== 'Bound').length,
      capacityBytes: members.reduce(
        (sum, row) => sum + capacityOf(row.cluster, row.volume),
        0,
      ),
      monthlyUsd: group.monthlyUsd,
    };
  });
}

function inventoryGroups(
  rows: ReturnType<typeof claimInventory>,
  keyOf: (row: ReturnType<typeof claimInventory>[number]) => string,
  monthlyOf: (key: string) => number,
): FleetGroup[] {
  const groups = new Map<string, FleetGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? {
      key,
      claims: 0,
      volumes: 0,
      capacityBytes: 0,
      monthlyUsd: 0,
    };
    group.claims += row.claims;
    group.volumes += row.unclaimedVolumes;
    group.capacityBytes += row.capacityBytes;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(group => ({ ...group, monthlyUsd: monthlyOf(group.key) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Claims and capacity by cluster, driver and state (storage-common's
 * claimInventory), cost by team, system and driver (rollUpCosts) with the
 * recorded trend (costTrend), and the count of every section.
 */
export function overview(
  snapshot: FleetSnapshot,
  costs: readonly DailyCost[],
  counts: FleetOverviewResponse['counts'],
): FleetOverviewResponse {
  const storages = snapshot.clusters.map(c => c.storage);
  const inventory = claimInventory(storages);
  const rollup = fleetCost(snapshot);
  const rows = priceVolumes({
    clusters: storages,
    prices: snapshot.prices,
    entities: snapshot.entities,
    usage: usageByCluster(snapshot),
  });
  const capacity = new Map<string, number>();
  for (const { storage } of snapshot.clusters) {
    for (const pv of storage.persistentVolumes ?? []) {
      const bytes = parseQuantity(pv.spec?.capacity?.storage) ?? 0;
      capacity.set(`${storage.cluster}|${pv.metadata?.name}`, bytes);
    }
  }
  const capacityOf = (cluster: string, volume: string) =>
    capacity.get(`${cluster}|${volume}`) ?? 0;
  const sumBy = (keyOf: (row: (typeof rows)[number]) => string) => {
    const sums = new Map<string, number>();
    for (const row of rows) {
      sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + (row.monthlyUsd ?? 0));
    }
    return (key: string) => Math.round((sums.get(key) ?? 0) * 100) / 100;
  };
  const trend = costTrend(
    costs.map(cost => ({
      time: cost.recordedAt,
      key: cost.cluster,
      monthlyUsd: cost.monthlyUsd,
    })),
  );
  return {
    generatedAt: snapshot.now.toISOString(),
    clusters: snapshot.status,
    byCluster: inventoryGroups(
      inventory,
      row => row.cluster,
      sumBy(row => row.cluster),
    ),
    byDriver: inventoryGroups(
      inventory,
      row => row.driver,
      sumBy(row => row.driver),
    ),
    byState: inventoryGroups(
      inventory,
      row => row.state,
      sumBy(row => row.phase),
    ),
    cost: {
      currency: 'USD',
      totalMonthlyUsd: rollup.totalMonthlyUsd,
      byTeam: costGroups(rollup.byTeam, rows, capacityOf, row => row.owner),
      bySystem: costGroups(
        rollup.bySystem,
        rows,
        capacityOf,
        row => row.system,
      ),
      byDriver: costGroups(
        rollup.byDriver,
        rows,
        capacityOf,
        row => row.driver,
      ),
      trend: trend.points.map(point => ({
        date: point.date,
        totalMonthlyUsd: point.monthlyUsd,
      })),
      region: rollup.region,
      priceDate: rollup.priceDate,
    },
    counts,
  };
}
