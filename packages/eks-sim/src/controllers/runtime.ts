/**
 * A tiny controller runtime in the client-go spirit: store changes map to
 * keys, keys are reconciled one at a time (deduplicated), and failures are
 * retried with backoff.
 */
import { SimClock } from '../clock';
import { ObjectStore } from '../store/objectStore';
import { K8sObject, StoreEvent } from '../store/types';

export interface ControllerSpec {
  name: string;
  /** Maps a store change to the keys it should reconcile. */
  keysFor(event: StoreEvent): string[];
  /** Reconciles one key; throwing retries it with backoff. */
  reconcile(key: string): void;
}

export class Controller {
  private readonly queue = new Set<string>();
  private scheduled = false;
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly spec: ControllerSpec,
    private readonly clock: SimClock,
    store: ObjectStore,
  ) {
    store.subscribe(event => {
      if (!this.stopped) spec.keysFor(event).forEach(k => this.enqueue(k));
    });
  }

  enqueue(key: string) {
    if (this.stopped) return;
    this.queue.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  enqueueAfter(key: string, ms: number) {
    this.clock.after(ms, () => this.enqueue(key));
  }

  stop() {
    this.stopped = true;
    this.queue.clear();
  }

  private drain() {
    this.scheduled = false;
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      if (this.stopped) return;
      try {
        this.spec.reconcile(key);
        this.failures.delete(key);
      } catch {
        // Conflicts and transient errors: retry with backoff, as a workqueue does.
        const attempts = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, attempts);
        this.enqueueAfter(key, Math.min(5 * 2 ** attempts, 5000));
      }
    }
  }
}

export function keyOf(object: K8sObject) {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

export function splitKey(key: string): [string | undefined, string] {
  const index = key.indexOf('/');
  const namespace = key.slice(0, index);
  return [namespace || undefined, key.slice(index + 1)];
}
