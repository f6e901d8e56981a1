/**
 * Roll-ups for the console's overview: monthly cost by owner team, system,
 * driver and cluster; the cost trend from recorded totals; claims and
 * capacity by cluster, driver and state.
 */
import type { V1PersistentVolume } from '@kubernetes/client-node';
import { DRIVERS, DriverId } from '../catalogue';
import { PriceTable } from '../cost';
import { timeOf } from '../diagnosis/facts';
import { GIB, parseQuantity } from '../quantity';
import { entityOfObject } from './entities';
import {
  claimDriver,
  claimKey,
  kubernetesIdOf,
  labelsOf,
  nameOf,
  namespaceOf,
  objectsOf,
  round2,
  volumeDriver,
} from './objects';
import { ClusterStorage, FleetEntity, VolumeUsageSample } from './types';
import { volumeMonthlyCost } from './volumeCost';

/** The group key of volumes no entity owns (or whose entity names no team or system). */
export const UNOWNED = 'unowned';

export interface CostGroup {
  key: string;
  monthlyUsd: number;
  volumes: number;
}

export interface CostRollup {
  currency: 'USD';
  region: string;
  priceDate: string;
  totalMonthlyUsd: number;
  byTeam: CostGroup[];
  bySystem: CostGroup[];
  byDriver: CostGroup[];
  byCluster: CostGroup[];
  /** Volumes billed by use with no usage reading to price them by (EFS, S3). */
  unpricedVolumes: number;
}

/** One volume, priced, with who owns it. */
export interface PricedVolumeRow {
  cluster: string;
  volume: string;
  driver: DriverId | 'unknown';
  phase: string;
  claim?: { namespace: string; name: string };
  kubernetesId?: string;
  entityRef?: string;
  owner?: string;
  system?: string;
  monthlyUsd?: number;
}

/**
 * Every PersistentVolume of the clusters with its monthly list price and its
 * owner (through its claim, or the remembered claim of a Released volume).
 * Volumes billed by use (EFS, S3) are priced by their claim's newest usage
 * reading when there is one.
 */
export function priceVolumes(input: {
  clusters: readonly ClusterStorage[];
  prices: PriceTable;
  entities?: readonly FleetEntity[];
  /** Newest readings per cluster name, for volumes billed by use. */
  usage?: Readonly<Record<string, readonly VolumeUsageSample[]>>;
}): PricedVolumeRow[] {
  const rows: PricedVolumeRow[] = [];
  for (const storage of objectsOf(input?.clusters)) {
    const classes = objectsOf(storage.storageClasses);
    const claims = new Map(
      objectsOf(storage.persistentVolumeClaims).map(pvc => [
        claimKey(namespaceOf(pvc), nameOf(pvc)),
        pvc,
      ]),
    );
    const formerClaims = objectsOf(storage.formerClaims);
    const newestUse = newestUsage(objectsOf(input.usage?.[storage.cluster]));
    for (const pv of objectsOf(storage.persistentVolumes)) {
      const driver = volumeDriver(pv, classes);
      const ref = pv.spec?.claimRef;
      const claim = ref?.name
        ? { namespace: ref.namespace ?? 'default', name: ref.name }
        : undefined;
      const key = claim ? claimKey(claim.namespace, claim.name) : undefined;
      const live = key ? claims.get(key) : undefined;
      const former = claim
        ? formerClaims.find(
            c => c?.namespace === claim.namespace && c.name === claim.name,
          )
        : undefined;
      const labels = {
        ...(former?.labels ?? {}),
        ...labelsOf(pv),
        ...(live ? labelsOf(live) : {}),
      };
      const entity = entityOfObject(labels, claim?.namespace, input.entities);
      rows.push({
        cluster: storage.cluster,
        volume: nameOf(pv),
        driver: driver ?? 'unknown',
        phase: pv.status?.phase ?? 'Unknown',
        ...(claim ? { claim } : {}),
        kubernetesId: kubernetesIdOf(labels),
        entityRef: entity?.entityRef,
        owner: entity?.owner,
        system: entity?.system,
        monthlyUsd: volumePrice(
          pv,
          driver,
          classes,
          input.prices,
          key ? newestUse.get(key) : undefined,
        ),
      });
    }
  }
  return rows;
}

function newestUsage(
  samples: readonly VolumeUsageSample[],
): Map<string, number> {
  const newest = new Map<string, { at: number; used: number }>();
  for (const sample of samples) {
    const at = timeOf(sample?.time);
    if (at === undefined || !(sample.usedBytes >= 0)) continue;
    const key = claimKey(sample.namespace, sample.claim);
    if ((newest.get(key)?.at ?? -Infinity) < at)
      newest.set(key, { at, used: sample.usedBytes });
  }
  return new Map([...newest].map(([key, value]) => [key, value.used]));
}

function volumePrice(
  pv: V1PersistentVolume,
  driver: DriverId | undefined,
  classes: Parameters<typeof volumeMonthlyCost>[1],
  prices: PriceTable,
  usedBytes: number | undefined,
): number | undefined {
  const estimate = volumeMonthlyCost(pv, classes, prices);
  if (!estimate) return undefined;
  if (estimate.totalMonthlyUsd !== undefined) return estimate.totalMonthlyUsd;
  if (
    driver &&
    !DRIVERS[driver].billedByProvisionedSize &&
    usedBytes !== undefined &&
    estimate.usagePricePerGiBMonth !== undefined
  ) {
    return round2((usedBytes / GIB) * estimate.usagePricePerGiBMonth);
  }
  return undefined;
}

function groupBy(
  rows: readonly PricedVolumeRow[],
  keyOf: (row: PricedVolumeRow) => string | undefined,
): CostGroup[] {
  const groups = new Map<string, CostGroup>();
  for (const row of rows) {
    const key = keyOf(row) ?? UNOWNED;
    const group = groups.get(key) ?? { key, monthlyUsd: 0, volumes: 0 };
    group.monthlyUsd += row.monthlyUsd ?? 0;
    group.volumes += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(group => ({ ...group, monthlyUsd: round2(group.monthlyUsd) }))
    .sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.key.localeCompare(b.key));
}

/** Monthly cost by owner team, system, driver and cluster. */
export function rollUpCosts(
  input: Parameters<typeof priceVolumes>[0],
): CostRollup {
  const rows = priceVolumes(input);
  return {
    currency: 'USD',
    region: input.prices.region,
    priceDate: input.prices.effectiveDate,
    totalMonthlyUsd: round2(
      rows.reduce((sum, row) => sum + (row.monthlyUsd ?? 0), 0),
    ),
    byTeam: groupBy(rows, row => row.owner),
    bySystem: groupBy(rows, row => row.system),
    byDriver: groupBy(rows, row => row.driver),
    byCluster: groupBy(rows, row => row.cluster),
    unpricedVolumes: rows.filter(row => row.monthlyUsd === undefined).length,
  };
}

/** A recorded monthly cost at a time, of one group (team, driver, …) or of everything. */
export interface CostSample {
  /** ISO 8601. */
  time: string;
  /** The group the figure is for; samples of different keys add up. */
  key?: string;
  monthlyUsd: number;
}

export interface CostTrend {
  /** One point per UTC day: the sum over keys of each key's last sample that day. */
  points: Array<{ date: string; monthlyUsd: number }>;
  /** Last point minus first point (0 with fewer than two points). */
  changeUsd: number;
  /** Change relative to the first point, in percent; undefined when the first is 0. */
  changePercent?: number;
}

/** The trend of recorded monthly cost totals, by day. */
export function costTrend(samples: readonly CostSample[]): CostTrend {
  const days = new Map<string, Map<string, { at: number; usd: number }>>();
  for (const sample of objectsOf(samples)) {
    const at = timeOf(sample?.time);
    if (at === undefined || !Number.isFinite(sample.monthlyUsd)) continue;
    const date = new Date(at).toISOString().slice(0, 10);
    const perKey = days.get(date) ?? new Map();
    const key = sample.key ?? '';
    if ((perKey.get(key)?.at ?? -Infinity) <= at)
      perKey.set(key, { at, usd: sample.monthlyUsd });
    days.set(date, perKey);
  }
  const points = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, perKey]) => ({
      date,
      monthlyUsd: round2(
        [...perKey.values()].reduce((sum, entry) => sum + entry.usd, 0),
      ),
    }));
  if (points.length < 2) return { points, changeUsd: 0 };
  const first = points[0].monthlyUsd;
  const last = points[points.length - 1].monthlyUsd;
  return {
    points,
    changeUsd: round2(last - first),
    ...(first !== 0
      ? { changePercent: Math.round(((last - first) / first) * 1000) / 10 }
      : {}),
  };
}

/** Claims and capacity of one cluster, driver and state. */
export interface InventoryRow {
  cluster: string;
  driver: DriverId | 'unknown';
  /** A claim's phase (Bound, Pending, Lost) or Terminating; for volumes without a claim, the volume's phase (Released, Available, Failed). */
  state: string;
  claims: number;
  /** Volumes without a claim in this row (claims' volumes are not counted twice). */
  unclaimedVolumes: number;
  capacityBytes: number;
}

/** Claims and capacity by cluster, driver and state. */
export function claimInventory(
  clusters: readonly ClusterStorage[],
): InventoryRow[] {
  const rows = new Map<string, InventoryRow>();
  const add = (
    cluster: string,
    driver: DriverId | undefined,
    state: string,
    bytes: number,
    kind: 'claims' | 'unclaimedVolumes',
  ) => {
    const key = `${cluster}\u0000${driver ?? 'unknown'}\u0000${state}`;
    const row = rows.get(key) ?? {
      cluster,
      driver: driver ?? 'unknown',
      state,
      claims: 0,
      unclaimedVolumes: 0,
      capacityBytes: 0,
    };
    row[kind] += 1;
    row.capacityBytes += bytes;
    rows.set(key, row);
  };
  for (const storage of objectsOf(clusters)) {
    const classes = objectsOf(storage.storageClasses);
    const volumes = objectsOf(storage.persistentVolumes);
    const claimed = new Set<string>();
    for (const pvc of objectsOf(storage.persistentVolumeClaims)) {
      const state = pvc.metadata?.deletionTimestamp
        ? 'Terminating'
        : pvc.status?.phase ?? 'Pending';
      if (pvc.spec?.volumeName) claimed.add(pvc.spec.volumeName);
      add(
        storage.cluster,
        claimDriver(pvc, volumes, classes),
        state,
        parseQuantity(pvc.status?.capacity?.storage) ??
          parseQuantity(pvc.spec?.resources?.requests?.storage) ??
          0,
        'claims',
      );
    }
    for (const pv of volumes) {
      const phase = pv.status?.phase ?? 'Unknown';
      if (claimed.has(nameOf(pv)) || phase === 'Bound') continue;
      add(
        storage.cluster,
        volumeDriver(pv, classes),
        phase,
        parseQuantity(pv.spec?.capacity?.storage) ?? 0,
        'unclaimedVolumes',
      );
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) ||
      a.driver.localeCompare(b.driver) ||
      a.state.localeCompare(b.state),
  );
}
