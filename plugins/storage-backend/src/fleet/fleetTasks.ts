import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  FleetRules,
  parseFleetRules,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClaimCleanups } from './ClaimCleanups';
import { FleetReader } from './FleetReader';
import { fleetCost } from './sections/overview';
import { SnapshotSchedules } from './SnapshotSchedules';
import { CleanupStore } from './store/CleanupStore';
import { FleetHistoryStore } from './store/FleetHistoryStore';
import { UsageStore } from './store/UsageStore';
import { UsageCollector } from './UsageCollector';
import { readSnapshotFirstOfferings } from './offeringSettings';

export const COLLECT_TASK = 'storage-fleet-collect';
export const HOUSEKEEPING_TASK = 'storage-fleet-housekeeping';

const DAY_MS = 86_400_000;

/** The console's settings (`storage.fleet`), with their defaults. */
export interface FleetSettings {
  /** storage-common's rules: compliance, waste, usage, backups, expiry. */
  rules: FleetRules;
  /** Reading the kubelets' volume stats. */
  collection: SchedulerServiceTaskScheduleDefinition;
  /** How long usage readings, daily costs and finished clean-ups are kept. */
  maxAgeMs: number;
  /** Snapshot schedules and clean-ups (expiry, deletes after a snapshot). */
  housekeeping: SchedulerServiceTaskScheduleDefinition;
  /** Offerings whose claims are snapshotted before the backend deletes them. */
  snapshotFirstOfferings: Set<string>;
}

export const DEFAULT_COLLECTION: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

export const DEFAULT_HOUSEKEEPING: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  initialDelay: { minutes: 1 },
};

/** Reads `storage.fleet`; a bad value stops the backend with its path. */
export function readFleetSettings(config: Config): FleetSettings {
  const fleet = config.getOptionalConfig('storage.fleet');
  const parsed = parseFleetRules(config.getOptional('storage.fleet'));
  if (parsed.errors.length) {
    throw new Error(`Invalid storage config: ${parsed.errors.join('; ')}`);
  }
  const schedule = (key: string, fallback: typeof DEFAULT_COLLECTION) =>
    fleet?.has(key)
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          fleet.getConfig(key),
        )
      : fallback;
  return {
    rules: parsed.rules,
    collection: schedule('collection', DEFAULT_COLLECTION),
    maxAgeMs: fleet?.has('maxAge')
      ? durationToMilliseconds(readDurationFromConfig(fleet, { key: 'maxAge' }))
      : 90 * DAY_MS,
    housekeeping: schedule('housekeeping', DEFAULT_HOUSEKEEPING),
    snapshotFirstOfferings: readSnapshotFirstOfferings(
      config.getOptional('storage.offerings'),
    ),
  };
}

export interface FleetTaskParts {
  reader: FleetReader;
  collector: UsageCollector;
  schedules: SnapshotSchedules;
  cleanups: ClaimCleanups;
  usage: UsageStore;
  history: FleetHistoryStore;
  cleanupStore: CleanupStore;
  logger: LoggerService;
  clock?: () => Date;
}

/**
 * One collection: every kubelet's volume stats stored, each synced
 * cluster's cost recorded for the day's trend, and what is older than
 * `maxAge` deleted.
 */
export async function runCollection(
  parts: FleetTaskParts,
  maxAgeMs: number,
  signal?: AbortSignal,
) {
  const now = (parts.clock ?? (() => new Date()))();
  const collected = await parts.collector.runOnce(signal);
  const snapshot = await parts.reader.snapshot();
  const synced = new Set(
    snapshot.clusters.filter(c => c.synced).map(c => c.storage.cluster),
  );
  for (const group of fleetCost(snapshot).byCluster) {
    if (!synced.has(group.key)) continue;
    await parts.history.recordCost({
      cluster: group.key,
      monthlyUsd: group.monthlyUsd,
      recordedAt: now.toISOString(),
    });
  }
  const before = new Date(now.getTime() - maxAgeMs);
  await parts.usage.deleteOlderThan(before);
  await parts.history.deleteOlderThan(before);
  await parts.cleanupStore.deleteFinishedBefore(before);
  return collected;
}

/** One round of snapshot schedules and clean-ups. */
export async function runHousekeeping(parts: FleetTaskParts) {
  const snapshot = await parts.reader.snapshot();
  const schedules = await parts.schedules.runOnce(
    snapshot.clusters,
    snapshot.entities,
  );
  await parts.cleanups.runOnce(snapshot.clusters, snapshot.entities);
  return schedules;
}

/**
 * Both on Backstage's scheduler as global tasks: one replica runs each at a
 * time however many share the database, and pages never trigger them.
 */
export async function scheduleFleetTasks(
  scheduler: SchedulerService,
  settings: FleetSettings,
  parts: FleetTaskParts,
) {
  await scheduler.scheduleTask({
    id: COLLECT_TASK,
    scope: 'global',
    ...settings.collection,
    fn: async signal => {
      await runCollection(parts, settings.maxAgeMs, signal);
    },
  });
  await scheduler.scheduleTask({
    id: HOUSEKEEPING_TASK,
    scope: 'global',
    ...settings.housekeeping,
    fn: async () => {
      await runHousekeeping(parts);
    },
  });
}
