/**
 * Watch streams: newline-delimited JSON events resumed from a
 * resourceVersion inside the history window, a single 410 ERROR event when
 * it is too old, bookmarks on request, and selector transitions reported as
 * ADDED/DELETED as the real watch cache does.
 */
import { ServerResponse } from 'node:http';
import { ResourceKind, resourceKey } from '../kinds';
import { ObjectStore } from '../store/objectStore';
import { Selector } from '../store/selectors';
import { K8sObject, StoreEvent } from '../store/types';
import { errors } from './errors';
import { toTable } from './tables';

export interface WatchRequest {
  kind: ResourceKind;
  namespace?: string;
  resourceVersion?: string;
  labelSelector?: Selector;
  fieldSelector?: Selector;
  allowBookmarks: boolean;
  /** Watch-list (`sendInitialEvents`): initial ADDED events, then a bookmark. */
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  asTable: boolean;
}

export interface WatchOptions {
  bookmarkIntervalMs: number;
  /** Server-side watch lifetime when the client sets no timeoutSeconds. */
  defaultTimeoutMs: number;
  now: () => number;
}

type OutgoingType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** Tracks open watch streams so they can be dropped (fault) or closed. */
export class WatchHub {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly store: ObjectStore,
    private readonly options: WatchOptions,
  ) {}

  get size() {
    return this.open.size;
  }

  /** Ends every open watch (clients reconnect from their last version). */
  dropAll() {
    for (const end of [...this.open]) {
      end();
    }
  }

  serve(res: ServerResponse, request: WatchRequest) {
    const { kind } = request;
    const resource = resourceKey(kind);
    const namespace = kind.namespaced ? request.namespace : undefined;
    let firstTableEvent = true;

    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();

    const send = (type: OutgoingType, object: unknown) => {
      let payload = object;
      if (
        request.asTable &&
        (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
      ) {
        payload = toTable(kind.kind, [object as K8sObject], {
          now: this.options.now(),
          includeColumns: firstTableEvent,
        });
        firstTableEvent = false;
      }
      res.write(`${JSON.stringify({ type, object: payload })}\n`);
    };

    const matches = (object: K8sObject | undefined) =>
      object !== undefined &&
      (!namespace || object.metadata.namespace === namespace) &&
      (!request.labelSelector || request.labelSelector(object)) &&
      (!request.fieldSelector || request.fieldSelector(object));

    const deliver = (event: StoreEvent) => {
      if (event.resource !== resource) return;
      const now = matches(event.object);
      const before = event.type !== 'ADDED' && matches(event.previous);
      if (event.type === 'DELETED') {
        if (before || now) send('DELETED', event.object);
      } else if (event.type === 'ADDED') {
        if (now) send('ADDED', event.object);
      } else if (now && before) {
        send('MODIFIED', event.object);
      } else if (now) {
        send('ADDED', event.object);
      } else if (before) {
        // The object left the selection: watchers see it as deleted.
        send('DELETED', event.object);
      }
    };

    const bookmark = (annotations?: Record<string, string>) =>
      send('BOOKMARK', {
        kind: kind.kind,
        apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
        metadata: {
          resourceVersion: String(this.store.currentResourceVersion()),
          ...(annotations ? { annotations } : {}),
        },
      });
    const rv = request.resourceVersion;
    const fromNow = rv === undefined || rv === '' || rv === '0';
    if (
      request.sendInitialEvents === true ||
      (fromNow && request.sendInitialEvents === undefined)
    ) {
      // "Get State and Start at Most Recent" / watch-list: synthetic ADDED
      // events for the current state (apiserver watch cache).
      for (const object of this.store.list(resource, namespace)) {
        if (matches(object)) send('ADDED', object);
      }
      if (request.sendInitialEvents === true) {
        // k8s.io/apimachinery/pkg/apis/meta/v1 InitialEventsAnnotationKey.
        bookmark({ 'k8s.io/initial-events-end': 'true' });
      }
    } else if (!fromNow) {
      const version = Number(rv);
      const current = this.store.currentResourceVersion();
      if (Number.isInteger(version) && version > current) {
        send(
          'ERROR',
          errors.tooLargeResourceVersion(version, current).toStatus(),
        );
        res.end();
        return;
      }
      const backlog = Number.isInteger(version)
        ? this.store.changesSince(version)
        : 'expired';
      if (backlog === 'expired') {
        const oldest = this.store.oldestResumableVersion();
        send(
          'ERROR',
          errors
            .expiredWatch(Number.isInteger(version) ? version : 0, oldest)
            .toStatus(),
        );
        res.end();
        return;
      }
      backlog.forEach(deliver);
    }

    const unsubscribe = this.store.subscribe(deliver);
    const timers: NodeJS.Timeout[] = [];
    const end = () => {
      if (!this.open.delete(end)) return;
      unsubscribe();
      timers.forEach(t => clearTimeout(t));
      if (!res.writableEnded) res.end();
    };
    this.open.add(end);
    res.on('close', end);

    if (request.allowBookmarks) {
      timers.push(
        setInterval(() => bookmark(), this.options.bookmarkIntervalMs),
      );
    }
    const lifetimeMs =
      request.timeoutSeconds !== undefined && request.timeoutSeconds > 0
        ? request.timeoutSeconds * 1000
        : this.options.defaultTimeoutMs;
    timers.push(setTimeout(end, lifetimeMs));
  }
}
