import { Watch } from '@kubernetes/client-node';

/**
 * Whether a watch ERROR event is the API server's "Too large resource
 * version" (504, cause ResourceVersionTooLarge): the watch asked for a
 * version the server has not reached, as after a restore or a new cluster
 * behind the same address.
 */
export function isTooLargeResourceVersion(status: unknown): boolean {
  const value = status as {
    code?: number;
    details?: { causes?: Array<{ reason?: string }> };
  };
  return (
    value?.code === 504 &&
    (value.details?.causes ?? []).some(
      cause => cause?.reason === 'ResourceVersionTooLarge',
    )
  );
}

/**
 * A Watch that behaves as client-go's reflector does where client-node's
 * ListWatch does not:
 *
 * - It asks for bookmarks (`allowWatchBookmarks`). The informer takes each
 *   bookmark's resourceVersion, so a quiet kind (no claims changing for an
 *   hour) reconnects from a recent version instead of one the server has
 *   long forgotten, which answers 410 and costs a full relist; and the
 *   bookmarks keep a quiet watch from hitting client-node's 30-second
 *   inactivity timeout.
 * - It relists when the server has not reached the version watched from.
 *   client-node relists only after 410 Expired; on any other ERROR event it
 *   watches again from the same version, and would wait forever for a
 *   version the server may never reach. Such an event is passed on as the
 *   410 it amounts to: the informer's version is unusable, list again.
 */
export class RelistingWatch extends Watch {
  override watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    return super.watch(
      path,
      { ...queryParams, allowWatchBookmarks: true },
      (phase, apiObj, watchObj) =>
        phase === 'ERROR' && isTooLargeResourceVersion(apiObj)
          ? callback(phase, { ...apiObj, code: 410 }, watchObj)
          : callback(phase, apiObj, watchObj),
      done,
    );
  }
}
