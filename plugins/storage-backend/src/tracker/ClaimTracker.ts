import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Diagnosis,
  DiagnosisInput,
  diagnose,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
} from '@kubernetes/client-node';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import {
  ClaimTransition,
  ClaimTransitionStore,
  stateKeyOf,
} from '../database/ClaimTransitionStore';
import { claimKey, splitClaimKey } from './claimKey';
import { RateLimitedQueue } from './RateLimitedQueue';
import { ClaimChange, ClusterCache, VolumeSnapshot } from './ClusterCache';
import { ClusterIndex } from './clusterIndex';
import {
  ClaimDetail,
  ClaimSummary,
  detailOf,
  diagnosisInputOf,
  summarizeClaim,
  summarizeVolume,
} from './claimView';
import {
  LabelSelector,
  matchesLabelSelector,
} from '@eks-storage/backstage-plugin-storage-common';

export interface ClaimTrackerOptions {
  clusters: ClusterRegistry;
  transitions: ClaimTransitionStore;
  logger: LoggerService;
  /**
   * Told of every visible change of a claim (size, phase, diagnosis), with
   * the transition when its state changed. A deleted claim comes with its
   * last summary and a `deleted` transition.
   */
  onChange?: (claim: ClaimSummary, transition?: ClaimTransition) => void;
  /** Changes arriving within this window are diagnosed together. */
  debounceMs?: number;
  restartDelayMs?: number;
  /** The longest wait before a dropped watch reconnects (default 2 s). */
  maxReconnectDelayMs?: number;
  /**
   * How often every claim is diagnosed again without any event, so
   * diagnoses that depend on elapsed time (a claim waiting for a driver
   * for more than 10 minutes, a resize stuck for an hour) do not go stale.
   * Default 60 s; 0 turns it off.
   */
  resyncIntervalMs?: number;
  /** First delay before recording failed transitions again; doubles per failure. */
  retryBaseDelayMs?: number;
  /** The longest delay between attempts to record a transition (default 5 min). */
  retryMaxDelayMs?: number;
  /** The time diagnoses are made at; tests move it. */
  clock?: () => Date;
}

export interface ClaimFilter {
  selector: LabelSelector;
  namespaces?: string[];
}

/**
 * What the claim's pages show — the claim, its volume, its pods, its
 * snapshots, its events and the diagnosis — as one string: any change here
 * is worth telling an open page, even when the claim's state stays the same.
 */
function fingerprint(claim: ClaimSummary, input: DiagnosisInput): string {
  const pv = input.pv;
  return JSON.stringify([
    claim.requested,
    claim.capacity,
    claim.phase,
    claim.volumeName,
    claim.diagnosis.state,
    claim.diagnosis.headline,
    pv?.spec?.capacity?.storage,
    pv?.status?.phase,
    (input.pods ?? []).map(p => [
      p.metadata?.name,
      p.status?.phase,
      p.spec?.nodeName,
    ]),
    (input.snapshots as VolumeSnapshot[] | undefined)?.map(s => [
      s.metadata?.name,
      s.status?.readyToUse,
    ]),
    (input.events ?? []).map(e => [e.metadata?.name, e.count]),
  ]);
}

/** A diagnosis, or the end of a claim. */
type Observed = {
  state: Diagnosis['state'] | 'deleted';
  severity: string;
  headline: string;
};

const stateKey = (diagnosis: Observed) =>
  stateKeyOf({ ...diagnosis, toState: diagnosis.state });

interface TrackedCluster {
  cache: ClusterCache;
  summaries: Map<string, ClaimSummary>;
  /** The index the last flush built; claim pages read from it too. */
  index?: ClusterIndex;
  /** What the pages of each claim last showed, to tell them of changes. */
  fingerprints: Map<string, string>;
  last: Map<string, { key: string; transition?: ClaimTransition }>;
  dirty: Set<string>;
  allDirty: boolean;
  /** Every informer has listed: claims may be diagnosed. */
  synced: boolean;
  /** The first diagnosis of every claim is done (and recorded or queued). */
  firstFlushDone: boolean;
  timer?: NodeJS.Timeout;
  resyncTimer?: NodeJS.Timeout;
  retryTimer?: NodeJS.Timeout;
  /** Flushes run one after another: the last one queued or running. */
  chain: Promise<void>;
  /** A flush queued behind the running one; later changes join it. */
  queued?: { announce: boolean };
  /** Transitions not recorded yet, per claim, oldest first. */
  unrecorded: Map<string, ClaimTransition[]>;
  /** Claims whose transitions failed to record, waiting to be retried. */
  retries: RateLimitedQueue;
}

/**
 * Follows every claim in every cluster: keeps each one's diagnosis current
 * from the informer caches, records each change of state once, and tells
 * the listener so the browser can update live.
 *
 * As client-go's informers and workqueue do: nothing is diagnosed before
 * every informer of the cluster has listed; diagnoses run one batch at a
 * time per cluster, in order; transitions that fail to record go back on a
 * rate-limited queue; and a periodic resync re-evaluates what depends on
 * time.
 */
export class ClaimTracker {
  private readonly tracked = new Map<string, TrackedCluster>();
  private readonly debounceMs: number;
  private readonly now: () => Date;
  private stopped = false;

  constructor(private readonly options: ClaimTrackerOptions) {
    this.debounceMs = options.debounceMs ?? 200;
    this.now = options.clock ?? (() => new Date());
  }

  async start(): Promise<void> {
    await Promise.all(
      this.options.clusters.list().map(async client => {
        const latest = await this.options.transitions.latestByClaim(
          client.name,
        );
        const tracked: TrackedCluster = {
          summaries: new Map(),
          fingerprints: new Map(),
          last: new Map(
            [...latest.values()].map(transition => [
              claimKey(transition.namespace, transition.name),
              {
                key: stateKey({
                  ...transition,
                  state: transition.toState as Observed['state'],
                }),
                transition,
              },
            ]),
          ),
          dirty: new Set(),
          allDirty: true,
          synced: false,
          firstFlushDone: false,
          chain: Promise.resolve(),
          unrecorded: new Map(),
          retries: new RateLimitedQueue({
            baseDelayMs: this.options.retryBaseDelayMs ?? 500,
            maxDelayMs: this.options.retryMaxDelayMs ?? 5 * 60_000,
          }),
          cache: new ClusterCache(client, {
            logger: this.options.logger,
            restartDelayMs: this.options.restartDelayMs,
            maxReconnectDelayMs: this.options.maxReconnectDelayMs,
            onChange: change => this.markDirty(client.name, change),
            onSynced: () => this.onSynced(client.name),
          }),
        };
        this.tracked.set(client.name, tracked);
        await tracked.cache.start();
        // The lists are stored a macrotask after they arrive; then the first
        // flush, if every list is in, has been queued: wait for it.
        await new Promise(resolve => setImmediate(resolve));
        await tracked.chain;
      }),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const tracked of this.tracked.values()) {
      clearTimeout(tracked.timer);
      clearInterval(tracked.resyncTimer);
      clearTimeout(tracked.retryTimer);
      await tracked.cache.stop();
    }
    await Promise.all([...this.tracked.values()].map(t => t.chain));
  }

  /** Every informer of the cluster has listed: the gate opens. */
  private onSynced(cluster: string) {
    const tracked = this.tracked.get(cluster);
    if (!tracked || this.stopped) return;
    tracked.synced = true;
    tracked.allDirty = true;
    // The first sync records where every claim stands; no page is waiting
    // to hear about it, so nothing is announced.
    this.enqueueFlush(cluster, { announce: false }).then(() => {
      tracked.firstFlushDone = true;
    });
    const interval = this.options.resyncIntervalMs ?? 60_000;
    if (interval > 0) {
      tracked.resyncTimer = setInterval(() => {
        tracked.allDirty = true;
        this.enqueueFlush(cluster, { announce: true });
      }, interval);
      tracked.resyncTimer.unref?.();
    }
  }

  private markDirty(cluster: string, change: ClaimChange) {
    const tracked = this.tracked.get(cluster);
    if (!tracked) return;
    if ('all' in change) {
      tracked.allDirty = true;
    } else {
      change.keys.forEach(key => tracked.dirty.add(key));
    }
    // Before every list is in, a diagnosis could say a class or a volume
    // is missing that is merely not listed yet: changes only accumulate.
    if (!tracked.synced || this.stopped) return;
    if (!tracked.timer) {
      tracked.timer = setTimeout(() => {
        tracked.timer = undefined;
        this.enqueueFlush(cluster, { announce: true });
      }, this.debounceMs);
    }
  }

  /**
   * Queues a flush behind the one running, so transitions are recorded and
   * announced in the order they were observed. Changes arriving while a
   * flush waits in the queue join it.
   */
  private enqueueFlush(
    cluster: string,
    { announce }: { announce: boolean },
  ): Promise<void> {
    const tracked = this.tracked.get(cluster)!;
    if (tracked.queued) {
      tracked.queued.announce ||= announce;
      return tracked.chain;
    }
    const queued = { announce };
    tracked.queued = queued;
    tracked.chain = tracked.chain.then(async () => {
      tracked.queued = undefined;
      if (this.stopped) return;
      try {
        await this.flush(cluster, queued);
      } catch (error) {
        this.options.logger.error(
          `Tracking claims of cluster ${cluster} failed`,
          error as Error,
        );
      }
    });
    return tracked.chain;
  }

  /** Diagnoses the claims that changed and records what is new. */
  private async flush(
    cluster: string,
    { announce }: { announce: boolean },
  ): Promise<void> {
    const tracked = this.tracked.get(cluster)!;
    const now = this.now();
    const keys = tracked.allDirty
      ? new Set([
          ...tracked.summaries.keys(),
          ...tracked.cache
            .list<V1PersistentVolumeClaim>('PersistentVolumeClaim')
            .map(pvc => claimKey(pvc.metadata?.namespace, pvc.metadata?.name)),
        ])
      : tracked.dirty;
    tracked.allDirty = false;
    tracked.dirty = new Set();

    const index = new ClusterIndex(tracked.cache);
    tracked.index = index;
    const changes: Array<{
      claim: ClaimSummary;
      transition?: ClaimTransition;
    }> = [];
    for (const key of keys) {
      const { namespace, name } = splitClaimKey(key);
      const pvc = tracked.cache.get<V1PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        name,
        namespace,
      );
      if (!pvc) {
        const gone = tracked.summaries.get(key);
        tracked.summaries.delete(key);
        tracked.fingerprints.delete(key);
        if (gone) {
          const transition = this.transitionOf(key, cluster, tracked, gone, {
            state: 'deleted',
            severity: 'info',
            headline: `Claim ${key} was deleted`,
          });
          changes.push({ claim: gone, transition });
        }
        continue;
      }
      const input = diagnosisInputOf(tracked.cache, pvc, now, index);
      const diagnosis = diagnose(input);
      const summary = summarizeClaim(cluster, input, diagnosis);
      const shownBefore = tracked.fingerprints.get(key);
      const shownNow = fingerprint(summary, input);
      tracked.summaries.set(key, summary);
      tracked.fingerprints.set(key, shownNow);
      const transition = this.transitionOf(
        key,
        cluster,
        tracked,
        summary,
        diagnosis,
      );
      if (transition) {
        // Behind any of the claim's transitions still waiting to be recorded.
        const waiting = tracked.unrecorded.get(key) ?? [];
        waiting.push(transition);
        tracked.unrecorded.set(key, waiting);
      }
      if (transition || shownBefore !== shownNow) {
        changes.push({ claim: summary, transition });
      }
    }

    await this.recordDue(cluster, tracked);
    if (announce) {
      for (const { claim, transition } of changes) {
        this.options.onChange?.(claim, transition);
      }
    }
  }

  /**
   * Records the transitions of every claim not waiting out a retry delay.
   * When recording fails they stay queued, and their claims go back on the
   * rate-limited queue: nothing observed is dropped.
   */
  private async recordDue(cluster: string, tracked: TrackedCluster) {
    const due = [...tracked.unrecorded.keys()].filter(
      key => !tracked.retries.isWaiting(key),
    );
    if (due.length === 0) return;
    const transitions = due.flatMap(key =>
      tracked.unrecorded.get(key)!.map(transition => ({
        ...transition,
        observedAt: new Date(transition.observedAt),
      })),
    );
    try {
      await this.options.transitions.recordMany(transitions);
      for (const key of due) {
        tracked.unrecorded.delete(key);
        tracked.retries.forget(key);
      }
    } catch (error) {
      let delay = Infinity;
      for (const key of due) {
        delay = Math.min(delay, tracked.retries.addRateLimited(key));
      }
      this.options.logger.warn(
        `Could not record ${transitions.length} claim state changes in ${cluster}, retrying in ${delay} ms: ${error}`,
      );
    }
    this.scheduleRetry(cluster, tracked);
  }

  private scheduleRetry(cluster: string, tracked: TrackedCluster) {
    clearTimeout(tracked.retryTimer);
    tracked.retryTimer = undefined;
    const wait = tracked.retries.nextDueInMs();
    if (wait === undefined || this.stopped) return;
    tracked.retryTimer = setTimeout(() => {
      tracked.retryTimer = undefined;
      this.enqueueFlush(cluster, { announce: true });
    }, wait);
  }

  /** The transition to a newly observed state; undefined when nothing changed. */
  private transitionOf(
    key: string,
    cluster: string,
    tracked: TrackedCluster,
    claim: ClaimSummary,
    diagnosis: Observed,
  ): ClaimTransition | undefined {
    const previous = tracked.last.get(key);
    const next = stateKey(diagnosis);
    if (previous?.key === next) {
      return undefined;
    }
    const transition: ClaimTransition = {
      cluster,
      namespace: claim.namespace,
      name: claim.name,
      uid: claim.uid,
      entityRef: claim.entityRef,
      requestId: claim.requestId,
      fromState: previous?.transition?.toState,
      toState: diagnosis.state,
      severity: diagnosis.severity,
      headline: diagnosis.headline,
      observedAt: this.now().toISOString(),
    };
    tracked.last.set(key, { key: next, transition });
    return transition;
  }

  /**
   * Claims matching an entity's selector, across clusters, and the volumes
   * its deleted claims left behind (Released, kept by a Retain policy, still
   * billed): those carry no labels, so they are matched by the namespace
   * their claim lived in.
   */
  listClaims(filter: ClaimFilter): ClaimSummary[] {
    const claims: ClaimSummary[] = [];
    for (const [cluster, tracked] of this.tracked) {
      for (const summary of tracked.summaries.values()) {
        if (
          (!filter.namespaces ||
            filter.namespaces.includes(summary.namespace)) &&
          matchesLabelSelector(filter.selector, summary.labels)
        ) {
          claims.push(summary);
        }
      }
      for (const pv of tracked.cache.list<V1PersistentVolume>(
        'PersistentVolume',
      )) {
        const claimNamespace = pv.spec?.claimRef?.namespace ?? '';
        const labels = pv.metadata?.labels;
        if (
          pv.status?.phase === 'Released' &&
          (filter.namespaces?.includes(claimNamespace) ||
            (labels && matchesLabelSelector(filter.selector, labels)))
        ) {
          claims.push(this.summarizeVolume(cluster, tracked.cache, pv));
        }
      }
    }
    return claims.sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
  }

  private summarizeVolume(
    cluster: string,
    cache: ClusterCache,
    pv: V1PersistentVolume,
  ): ClaimSummary {
    const className = pv.spec?.storageClassName;
    const storageClass = className
      ? cache.get<V1StorageClass>('StorageClass', className)
      : undefined;
    const diagnosis = diagnose({ pv, storageClass, now: this.now() });
    return summarizeVolume(cluster, pv, storageClass, diagnosis);
  }

  /** A cluster's StorageClass by name, from the cache. */
  storageClass(
    cluster: string,
    name: string | undefined,
  ): V1StorageClass | undefined {
    return name
      ? this.tracked
          .get(cluster)
          ?.cache.get<V1StorageClass>('StorageClass', name)
      : undefined;
  }

  getClaim(
    cluster: string,
    namespace: string,
    name: string,
  ): ClaimDetail | undefined {
    const tracked = this.tracked.get(cluster);
    const summary = tracked?.summaries.get(claimKey(namespace, name));
    const pvc = tracked?.cache.get<V1PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      name,
      namespace,
    );
    if (!tracked || !summary || !pvc) {
      return undefined;
    }
    return detailOf(
      summary,
      diagnosisInputOf(tracked.cache, pvc, this.now(), tracked.index),
    );
  }

  /**
   * The StorageClass names each cluster has, of synced clusters only:
   * before every list is in, an empty or partial class list would say a
   * class is missing that is merely not listed yet.
   */
  storageClassesByCluster(): Record<string, string[]> {
    return Object.fromEntries(
      [...this.tracked]
        .filter(([, tracked]) => tracked.synced)
        .map(([name, tracked]) => [
          name,
          tracked.cache
            .list<V1StorageClass>('StorageClass')
            .map(sc => sc.metadata?.name ?? ''),
        ]),
    );
  }

  /**
   * Whether each cluster's informers have all completed their first list
   * and are connected, and its claims have been diagnosed.
   */
  clusterStatus(): Array<{ name: string; synced: boolean; claims: number }> {
    return [...this.tracked].map(([name, tracked]) => ({
      name,
      synced: tracked.firstFlushDone && tracked.cache.isSynced(),
      claims: tracked.summaries.size,
    }));
  }
}
