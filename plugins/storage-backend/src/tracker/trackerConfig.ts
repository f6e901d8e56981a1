import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { ClaimTrackerOptions } from './ClaimTracker';

/** The tracker's settings under `storage.tracker`. */
export function readTrackerOptions(
  config: Config,
): Pick<ClaimTrackerOptions, 'resyncIntervalMs'> {
  const tracker = config.getOptionalConfig('storage.tracker');
  if (!tracker?.has('resyncInterval')) return {};
  return {
    resyncIntervalMs: durationToMilliseconds(
      readDurationFromConfig(tracker, { key: 'resyncInterval' }),
    ),
  };
}
