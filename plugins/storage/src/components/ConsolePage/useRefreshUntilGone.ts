import { useCallback, useEffect, useMemo, useState } from 'react';

/** How often a section is loaded again while an accepted action settles. */
export const SETTLE_POLL_MS = 3_000;

/** How long it waits for the cluster to confirm an action. */
export const SETTLE_LIMIT_MS = 120_000;

/**
 * After an accepted action (a delete applied at once), the finding it
 * removes goes only once the cluster confirms: load the section again every
 * few seconds until the finding is gone, for two minutes at most. Signals
 * may bring the change sooner; this covers the moment between the request
 * being applied and the cluster's cache showing it.
 */
export function useRefreshUntilGone(
  refresh: () => void,
  presentIds: readonly string[],
): (id: string) => void {
  const [awaited, setAwaited] = useState<Array<{ id: string; until: number }>>(
    [],
  );
  const present = useMemo(() => new Set(presentIds), [presentIds]);

  useEffect(() => {
    const now = Date.now();
    const still = awaited.filter(a => present.has(a.id) && now < a.until);
    if (still.length !== awaited.length) {
      setAwaited(still);
      return undefined;
    }
    if (!still.length) return undefined;
    const timer = setTimeout(refresh, SETTLE_POLL_MS);
    return () => clearTimeout(timer);
  }, [awaited, present, refresh]);

  return useCallback(
    (id: string) =>
      setAwaited(current => [
        ...current.filter(a => a.id !== id),
        { id, until: Date.now() + SETTLE_LIMIT_MS },
      ]),
    [],
  );
}
