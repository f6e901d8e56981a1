import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  STORAGE_SIGNAL_CHANNEL,
  StorageSignal,
} from '@eks-storage/backstage-plugin-storage-common';

/** How often pages poll when the app has no signals. */
export const FALLBACK_POLL_MS = 30_000;

/**
 * Calls `refresh` when the backend signals a relevant change; without
 * signals in the app, polls slowly instead. No polling while signals work.
 */
export function useLiveRefresh(
  isRelevant: (signal: StorageSignal) => boolean,
  refresh: () => void,
  pollMs = FALLBACK_POLL_MS,
): { live: boolean } {
  const { lastSignal, isSignalsAvailable } = useSignal<any>(
    STORAGE_SIGNAL_CHANNEL,
  );
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

  return { live: isSignalsAvailable };
}
