import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { ClaimTransitionStore } from '../database/ClaimTransitionStore';
import { RequestStore } from '../database/RequestStore';

export const RETENTION_TASK = 'storage-retention';

/** How long history is kept; `undefined` keeps it forever. */
export interface RetentionSettings {
  claimTransitions: { maxAgeMs?: number; maxPerClaim?: number };
  requests: { maxAgeMs?: number; maxHistoryPerRequest?: number };
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const DAY = 24 * 60 * 60 * 1000;

export const DEFAULT_RETENTION: RetentionSettings = {
  claimTransitions: { maxAgeMs: 90 * DAY, maxPerClaim: 200 },
  requests: { maxAgeMs: 365 * DAY, maxHistoryPerRequest: 100 },
  schedule: {
    frequency: { hours: 6 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 5 },
  },
};

function maxAge(config: Config | undefined, fallback?: number) {
  if (!config?.has('maxAge')) return fallback;
  if (config.getOptional('maxAge') === false) return undefined;
  return durationToMilliseconds(
    readDurationFromConfig(config, { key: 'maxAge' }),
  );
}

function cap(config: Config | undefined, key: string, fallback?: number) {
  if (!config?.has(key)) return fallback;
  if (config.getOptional(key) === false) return undefined;
  const value = config.getNumber(key);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `storage.retention: ${key} must be a whole number of at least 1`,
    );
  }
  return value;
}

/** Reads `storage.retention`; anything left out takes the default. */
export function readRetentionConfig(config: Config): RetentionSettings {
  const retention = config.getOptionalConfig('storage.retention');
  const transitions = retention?.getOptionalConfig('claimTransitions');
  const requests = retention?.getOptionalConfig('requests');
  const defaults = DEFAULT_RETENTION;
  return {
    claimTransitions: {
      maxAgeMs: maxAge(transitions, defaults.claimTransitions.maxAgeMs),
      maxPerClaim: cap(
        transitions,
        'maxPerClaim',
        defaults.claimTransitions.maxPerClaim,
      ),
    },
    requests: {
      maxAgeMs: maxAge(requests, defaults.requests.maxAgeMs),
      maxHistoryPerRequest: cap(
        requests,
        'maxHistoryPerRequest',
        defaults.requests.maxHistoryPerRequest,
      ),
    },
    schedule: retention?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          retention.getConfig('schedule'),
        )
      : defaults.schedule,
  };
}

export interface RetentionResult {
  claimTransitions: number;
  requests: number;
  requestHistory: number;
}

/** Deletes what retention no longer keeps. */
export async function runRetention(options: {
  settings: RetentionSettings;
  transitions: ClaimTransitionStore;
  requests: RequestStore;
  logger: LoggerService;
  now?: Date;
}): Promise<RetentionResult> {
  const { settings, logger } = options;
  const now = (options.now ?? new Date()).getTime();
  const before = (ms?: number) =>
    ms === undefined ? undefined : new Date(now - ms);
  const claimTransitions = await options.transitions.deleteExpired({
    olderThan: before(settings.claimTransitions.maxAgeMs),
    maxPerClaim: settings.claimTransitions.maxPerClaim,
  });
  const requests = await options.requests.deleteExpired({
    olderThan: before(settings.requests.maxAgeMs),
    maxHistoryPerRequest: settings.requests.maxHistoryPerRequest,
  });
  const result = {
    claimTransitions,
    requests: requests.requests,
    requestHistory: requests.history,
  };
  if (claimTransitions || requests.requests || requests.history) {
    logger.info(
      `Storage retention deleted ${claimTransitions} claim transitions, ${requests.requests} finished requests and ${requests.history} request history entries`,
    );
  }
  return result;
}

/**
 * Schedules retention on Backstage's scheduler: a global task, so one
 * replica runs it at a time however many share the database.
 */
export async function scheduleRetention(options: {
  config: Config;
  scheduler: SchedulerService;
  transitions: ClaimTransitionStore;
  requests: RequestStore;
  logger: LoggerService;
}): Promise<void> {
  const settings = readRetentionConfig(options.config);
  await options.scheduler.scheduleTask({
    id: RETENTION_TASK,
    scope: 'global',
    ...settings.schedule,
    fn: async () => {
      await runRetention({ ...options, settings });
    },
  });
}
