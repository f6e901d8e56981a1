import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import { STORAGE_SIGNAL_CHANNEL } from '@eks-storage/backstage-plugin-storage-common';

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
 * Calls `refresh` when the backend nudges the page's channel; without
 * signals in the app, polls slowly instead. No polling while signals work,
 * except to retry a load that failed. Signals say only that something
 * changed: the page refetches through the permission-checked API.
 */
export function useLiveRefresh(
  refresh: () => void,
  options: {
    /**
     * The page's channel, as the API named it in its answer (`signalChannel`);
     * the shared channel until the first answer arrives.
     */
    channel?: string;
    pollMs?: number;
    failed?: boolean;
    /**
     * Whether a load is in progress. A refresh asked for meanwhile is run
     * when it ends: loaders such as useAsyncRetry ignore a retry while
     * loading, and the change that sent the signal would be lost.
     */
    loading?: boolean;
  } = {},
): { live: boolean } {
  const {
    channel = STORAGE_SIGNAL_CHANNEL,
    pollMs = FALLBACK_POLL_MS,
    failed = false,
    loading = false,
  } = options;
  const { lastSignal, isSignalsAvailable } = useSignal<any>(channel);
  const latest = useRef({ refresh, loading });
  latest.current = { refresh, loading };
  const pending = useRef(false);

  // Every refresh goes through here, so none is lost to a load in progress.
  const request = useRef(() => {
    if (latest.current.loading) {
      pending.current = true;
    } else {
      latest.current.refresh();
    }
  }).current;

  useEffect(() => {
    if (!loading && pending.current) {
      pending.current = false;
      latest.current.refresh();
    }
  }, [loading]);

  useEffect(() => {
    if (lastSignal) {
      request();
    }
  }, [lastSignal, request]);

  useEffect(() => {
    if (isSignalsAvailable) return undefined;
    const timer = setInterval(request, pollMs);
    return () => clearInterval(timer);
  }, [isSignalsAvailable, pollMs, request]);

  useEffect(() => {
    if (!isSignalsAvailable) return undefined;
    const timer = setTimeout(request, CATCH_UP_MS);
    return () => clearTimeout(timer);
  }, [isSignalsAvailable, channel, request]);

  // A failed load (a backend restart, a network blip) is retried soon: no
  // signal would otherwise bring the page back.
  useEffect(() => {
    if (!failed) return undefined;
    const timer = setTimeout(request, ERROR_RETRY_MS);
    return () => clearTimeout(timer);
  }, [failed, request]);

  return { live: isSignalsAvailable };
}
