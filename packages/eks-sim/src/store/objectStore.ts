/**
 * A versioned in-memory object store with a bounded watch history, standing
 * in for etcd plus the API server's watch cache.
 *
 * Stored objects are never mutated: every write stores a new object with a
 * new, cluster-wide increasing resourceVersion, so readers may hold
 * references and serialise them freely.
 */
import { K8sObject, StoreEvent, WatchEventType } from './types';

export type StoreListener = (event: StoreEvent) => void;

export interface ObjectStoreOptions {
  /** How many recent changes a watch can resume from. */
  historySize?: number;
  /** The first resourceVersion handed out (real clusters are far from 1). */
  initialResourceVersion?: number;
}

export function objectKey(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}

class ResourceTable {
  readonly objects = new Map<string, K8sObject>();
  private sorted: string[] | undefined;

  // Controllers list while objects are being written: keeping the order
  // current with a binary-search insert costs far less than sorting every
  // key again at the next list.
  set(key: string, object: K8sObject) {
    if (!this.objects.has(key) && this.sorted) {
      this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    }
    this.objects.set(key, object);
  }

  delete(key: string) {
    if (this.objects.delete(key) && this.sorted) {
      const index = lowerBound(this.sorted, key);
      if (this.sorted[index] === key) this.sorted.splice(index, 1);
    }
  }

  /** Keys in etcd order (namespace, then name). */
  sortedKeys(): string[] {
    if (!this.sorted) {
      this.sorted = [...this.objects.keys()].sort();
    }
    return this.sorted;
  }
}

export class ObjectStore {
  private resourceVersion: number;
  private readonly tables = new Map<string, ResourceTable>();
  private history: StoreEvent[] = [];
  /** Watches may resume from this resourceVersion or any later one. */
  private oldestResumable: number;
  private readonly historySize: number;
  private readonly listeners = new Set<StoreListener>();
  private pending: StoreEvent[] = [];
  private dispatching = false;

  constructor(options: ObjectStoreOptions = {}) {
    this.resourceVersion = options.initialResourceVersion ?? 1000;
    this.oldestResumable = this.resourceVersion;
    this.historySize = options.historySize ?? 10_000;
  }

  currentResourceVersion() {
    return this.resourceVersion;
  }

  oldestResumableVersion() {
    return this.oldestResumable;
  }

  private table(resource: string) {
    let table = this.tables.get(resource);
    if (!table) {
      table = new ResourceTable();
      this.tables.set(resource, table);
    }
    return table;
  }

  get(resource: string, namespace: string | undefined, name: string) {
    return this.table(resource).objects.get(objectKey(namespace, name));
  }

  count(resource: string) {
    return this.table(resource).objects.size;
  }

  /** Objects of a resource in key order, optionally from one namespace. */
  list(resource: string, namespace?: string): K8sObject[] {
    return this.listFrom(resource, namespace, undefined);
  }

  /** Like list, starting after the given key (for paginated lists). */
  listFrom(
    resource: string,
    namespace: string | undefined,
    afterKey: string | undefined,
  ): K8sObject[] {
    const table = this.table(resource);
    const keys = table.sortedKeys();
    const prefix = namespace ? `${namespace}/` : '';
    let start = prefix ? lowerBound(keys, prefix) : 0;
    if (afterKey !== undefined) {
      start = Math.max(start, upperBound(keys, afterKey));
    }
    const result: K8sObject[] = [];
    for (let i = start; i < keys.length; i++) {
      if (prefix && !keys[i].startsWith(prefix)) {
        break;
      }
      result.push(table.objects.get(keys[i])!);
    }
    return result;
  }

  /**
   * Objects of a resource as they were at `resourceVersion` (after `afterKey`
   * when given), rebuilt from the current state and the change history as
   * etcd serves a read at an old revision; 'expired' once compaction has
   * dropped that revision.
   */
  listAt(
    resource: string,
    namespace: string | undefined,
    resourceVersion: number,
    afterKey?: string,
  ): K8sObject[] | 'expired' {
    if (resourceVersion >= this.resourceVersion) {
      return this.listFrom(resource, namespace, afterKey);
    }
    if (resourceVersion < this.oldestResumable) {
      return 'expired';
    }
    // Undo, newest first, the changes after resourceVersion to keys past
    // afterKey; most pages have none and are served as they are.
    const undo = new Map<string, K8sObject | null>();
    for (let i = this.history.length - 1; i >= 0; i--) {
      const event = this.history[i];
      if (event.resourceVersion <= resourceVersion) break;
      if (event.resource !== resource) continue;
      const meta = event.object.metadata;
      if (namespace && meta.namespace !== namespace) continue;
      const key = objectKey(meta.namespace, meta.name!);
      if (afterKey !== undefined && key <= afterKey) continue;
      undo.set(key, event.type === 'ADDED' ? null : event.previous ?? null);
    }
    const current = this.listFrom(resource, namespace, afterKey);
    if (undo.size === 0) return current;
    const state = new Map<string, K8sObject>();
    for (const object of current) {
      state.set(
        objectKey(object.metadata.namespace, object.metadata.name!),
        object,
      );
    }
    for (const [key, object] of undo) {
      if (object) state.set(key, object);
      else state.delete(key);
    }
    return [...state.keys()].sort().map(key => state.get(key)!);
  }

  /**
   * Writes an object (create or replace) and returns the stored copy with
   * its new resourceVersion.
   */
  put(resource: string, object: K8sObject): K8sObject {
    const key = objectKey(object.metadata.namespace, object.metadata.name!);
    const table = this.table(resource);
    const previous = table.objects.get(key);
    const stored = this.stamp(object);
    table.set(key, stored);
    this.record(previous ? 'MODIFIED' : 'ADDED', resource, stored, previous);
    return stored;
  }

  /** Removes an object; watchers see its last state with a new version. */
  remove(resource: string, namespace: string | undefined, name: string) {
    const key = objectKey(namespace, name);
    const table = this.table(resource);
    const previous = table.objects.get(key);
    if (!previous) {
      return undefined;
    }
    table.delete(key);
    const last = this.stamp(previous);
    this.record('DELETED', resource, last, previous);
    return last;
  }

  /**
   * Changes since a resourceVersion, or 'expired' when the history no longer
   * reaches back that far.
   */
  changesSince(resourceVersion: number): StoreEvent[] | 'expired' {
    if (resourceVersion < this.oldestResumable) {
      return 'expired';
    }
    const index = lowerBoundBy(
      this.history,
      resourceVersion + 1,
      e => e.resourceVersion,
    );
    return this.history.slice(index);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Forgets the watch history, as an API server restart with a compacted
   * etcd does: every resourceVersion handed out so far becomes too old to
   * watch from, so clients must relist.
   */
  compact() {
    this.resourceVersion += 1;
    this.oldestResumable = this.resourceVersion;
    this.history = [];
  }

  private stamp(object: K8sObject): K8sObject {
    this.resourceVersion += 1;
    return {
      ...object,
      metadata: {
        ...object.metadata,
        resourceVersion: String(this.resourceVersion),
      },
    };
  }

  private record(
    type: WatchEventType,
    resource: string,
    object: K8sObject,
    previous: K8sObject | undefined,
  ) {
    const event: StoreEvent = {
      type,
      resource,
      resourceVersion: this.resourceVersion,
      object,
      previous,
    };
    this.history.push(event);
    if (this.history.length > this.historySize * 1.25) {
      const dropped = this.history.length - this.historySize;
      this.oldestResumable = this.history[dropped - 1].resourceVersion;
      this.history = this.history.slice(dropped);
    }
    this.pending.push(event);
    this.dispatch();
  }

  /**
   * Delivers events in resourceVersion order even when a listener writes
   * while being notified.
   */
  private dispatch() {
    if (this.dispatching) {
      return;
    }
    this.dispatching = true;
    try {
      for (let i = 0; i < this.pending.length; i++) {
        for (const listener of [...this.listeners]) {
          listener(this.pending[i]);
        }
      }
    } finally {
      this.pending = [];
      this.dispatching = false;
    }
  }
}

function lowerBound(keys: string[], value: string) {
  return lowerBoundBy(keys, value, k => k);
}

function upperBound(keys: string[], value: string) {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function lowerBoundBy<T, V>(items: T[], value: V, of: (item: T) => V) {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (of(items[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
