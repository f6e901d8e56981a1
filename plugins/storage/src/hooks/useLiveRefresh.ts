import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  STORAGE_SIGNAL_CHANNEL,
  StorageSignal,
} from '@eks-storage/backstage-plugin-storage-common';

/** How often pages poll when the app has no signals. */
export const FALLBACK_POLL_MS = 30_000;

/** How soon a failed load is tried again, signals or not. */
export const ERROR_RETRY_MS = 10_000;

/**
 * How long after subscribing the page loads once more. A change that lands
 * between the first load and the subscription taking effect sends its
 * signal to nobody; this one catch-up load picks it up.
 */
export const CATCH_UP_MS = 3_000;

/**
 * Calls `refresh` when the backend signals a relevant change; without
 * signals in the app, polls slowly instead. No polling while signals work,
 * except to retry a load that failed.
 */
export function useLiveRefresh(
  isRelevant: (signal: StorageSignal) => boolean,
  refresh: () => void,
  options: {
    /** The channel to listen on; an entity's own channel carries less. */
    channel?: string;
    pollMs?: number;
    failed?: boolean;
  } = {},
): { live: boolean } {
  const {
    channel = STORAGE_SIGNAL_CHANNEL,
    pollMs = FALLBACK_POLL_MS,
    failed = false,
  } = options;
  const { lastSignal, isSignalsAvailable } = useSignal<any>(channel);
  const latest = useRef({ isRelevant, refresh });
  latest.current = { isRelevant, refresh };

  useEffect(() => {
    if (lastSignal && latest.current.isRelevant(lastSignal as StorageSignal)) {
      latest.current.refresh();
    }
  }, [lastSignal]);

  useEffect(() => {
    if (isSignalsAvailable) return undefined;
    const timer = setInterval(() => latest.current.refresh(), pollMs);
    return () => clearInterval(timer);
  }, [isSignalsAvailable, pollMs]);

  useEffect(() => {
    if (!isSignalsAvailable) return undefined;
    const timer = setTimeout(() => latest.current.refresh(), CATCH_UP_MS);
    return () => clearTimeout(timer);
  }, [isSignalsAvailable, channel]);

  // A failed load (a backend restart, a network blip) is retried soon: no
  // signal would otherwise bring the page back.
  useEffect(() => {
    if (!failed) return undefined;
    const timer = setTimeout(() => latest.current.refresh(), ERROR_RETRY_MS);
    return () => clearTimeout(timer);
  }, [failed]);

  return { live: isSignalsAvailable };
}
