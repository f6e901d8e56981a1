import { LoggerService } from '@backstage/backend-plugin-api';
import {
  diagnose,
  diagnosisCanAge,
  LabelSelector,
  matchesLabelSelector,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  KubernetesObject,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
} from '@kubernetes/client-node';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import {
  ClaimTransition,
  ClaimTransitionStore,
} from '../database/ClaimTransitionStore';
import { claimKey } from './claimKey';
import { ClaimStates } from './claimStates';
import { ClaimSummaries } from './ClaimSummaries';
import {
  ClaimDetail,
  ClaimSummary,
  detailOf,
  diagnosisInputOf,
  summarizeVolume,
} from './claimView';
import { ClaimChange, ClusterCache } from './ClusterCache';
import { ClusterIndex } from './clusterIndex';
import { diagnoseChangedClaims } from './diagnoseClaims';
import { FlushChain, FlushOptions } from './FlushChain';
import { FlushTimers } from './FlushTimers';
import { TrackedCluster } from './TrackedCluster';
import { TransitionRecorder } from './TransitionRecorder';

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
  /**
   * The shortest time between two flushes (default 50 ms): changes arriving
   * within it are diagnosed together; a change after a quiet spell is
   * diagnosed at once (FlushTimers).
   */
  debounceMs?: number;
  restartDelayMs?: number;
  /** The longest wait before a dropped watch reconnects (default 2 s). */
  maxReconnectDelayMs?: number;
  /**
   * How often the claims whose diagnosis can age are diagnosed again
   * without any event, so diagnoses that depend on elapsed time (a claim waiting for a driver
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
 * Follows every claim in every cluster: keeps each one's diagnosis current
 * from the informer caches, records each change of state once, and tells
 * the listener so the browser can update live.
 *
 * As client-go's informers and workqueue do: nothing is diagnosed before
 * every informer of the cluster has listed; diagnoses run one batch at a
 * time per cluster, in order (FlushChain); transitions that fail to record
 * go back on a rate-limited queue (TransitionRecorder); and a periodic
 * resync re-evaluates what depends on time (FlushTimers).
 */
export class ClaimTracker {
  private readonly tracked = new Map<string, TrackedCluster>();
  private readonly debounceMs: number;
  private readonly now: () => Date;
  private stopped = false;

  constructor(private readonly options: ClaimTrackerOptions) {
    this.debounceMs = options.debounceMs ?? 50;
    this.now = options.clock ?? (() => new Date());
  }

  async start(): Promise<void> {
    await Promise.all(
      this.options.clusters.list().map(async client => {
        const latest = await this.options.transitions.latestByClaim(
          client.name,
        );
        const isStopped = () => this.stopped;
        const tracked: TrackedCluster = {
          summaries: new ClaimSummaries(),
          version: 0,
          states: new ClaimStates(latest.values()),
          dirty: new Set(),
          allDirty: true,
          synced: false,
          firstFlushDone: false,
          timers: new FlushTimers(),
          flushes: new FlushChain({
            flush: options => this.flush(client.name, options),
            onError: error =>
              this.options.logger.error(
                `Tracking claims of cluster ${client.name} failed`,
                error,
              ),
            isStopped,
          }),
          recorder: new TransitionRecorder({
            cluster: client.name,
            transitions: this.options.transitions,
            logger: this.options.logger,
            retryBaseDelayMs: this.options.retryBaseDelayMs,
            retryMaxDelayMs: this.options.retryMaxDelayMs,
            onRetryDue: () =>
              this.enqueueFlush(client.name, { announce: true }),
            isStopped,
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
        await tracked.flushes.idle();
      }),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const tracked of this.tracked.values()) {
      tracked.timers.stop();
      tracked.recorder.stop();
      await tracked.cache.stop();
    }
    await Promise.all([...this.tracked.values()].map(t => t.flushes.idle()));
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
    tracked.timers.startResync(this.options.resyncIntervalMs ?? 60_000, () => {
      // Only what time alone can change: a fleet's Bound claims cost the
      // resync nothing (re-diagnosing 50,000 every minute held page views).
      let aging = 0;
      for (const summary of tracked.summaries.values()) {
        if (diagnosisCanAge(summary.diagnosis.state)) {
          tracked.dirty.add(claimKey(summary.namespace, summary.name));
          aging += 1;
        }
      }
      if (aging > 0) this.enqueueFlush(cluster, { announce: true });
    });
  }

  private markDirty(cluster: string, change: ClaimChange) {
    const tracked = this.tracked.get(cluster);
    if (!tracked) return;
    tracked.version += 1;
    if ('all' in change) {
      tracked.allDirty = true;
    } else {
      change.keys.forEach(key => tracked.dirty.add(key));
    }
    // Before every list is in, a diagnosis could say a class or a volume
    // is missing that is merely not listed yet: changes only accumulate.
    if (!tracked.synced || this.stopped) return;
    tracked.timers.debounce(this.debounceMs, () =>
      this.enqueueFlush(cluster, { announce: true }),
    );
  }

  private enqueueFlush(cluster: string, options: FlushOptions): Promise<void> {
    return this.tracked.get(cluster)!.flushes.enqueue(options);
  }

  /** Diagnoses the claims that changed, records what is new, then tells. */
  private async flush(
    cluster: string,
    { announce }: FlushOptions,
  ): Promise<void> {
    const tracked = this.tracked.get(cluster)!;
    const changes = await diagnoseChangedClaims(cluster, tracked, this.now);
    await tracked.recorder.recordDue();
    if (announce) {
      for (const { claim, transition } of changes) {
        this.options.onChange?.(claim, transition);
      }
    }
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
      for (const summary of tracked.summaries.candidates(filter.selector)) {
        if (
          (!filter.namespaces ||
            filter.namespaces.includes(summary.namespace)) &&
          matchesLabelSelector(filter.selector, summary.labels)
        ) {
          claims.push(summary);
        }
      }
      for (const pv of tracked.cache.releasedVolumes()) {
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

  /**
   * A claim's annotations as the cache has them: what a list of claims
   * needs of each, without building every claim's page (getClaim).
   */
  claimAnnotations(
    cluster: string,
    namespace: string,
    name: string,
  ): Record<string, string> | undefined {
    return this.tracked
      .get(cluster)
      ?.cache.get<V1PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        name,
        namespace,
      )?.metadata?.annotations;
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
    if (tracked.pageIndex?.version !== tracked.version) {
      tracked.pageIndex = {
        version: tracked.version,
        index: new ClusterIndex(tracked.cache),
      };
    }
    return detailOf(
      summary,
      diagnosisInputOf(tracked.cache, pvc, this.now(), tracked.pageIndex.index),
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
   * Each cluster's cached objects and claim summaries, for the platform
   * console's findings: read from the informers' caches, never the cluster.
   * Kinds are the cache's (PersistentVolumeClaim, PersistentVolume,
   * StorageClass, CSIDriver, Node, Pod, VolumeSnapshot).
   */
  clusterObjects(): Array<{
    cluster: string;
    synced: boolean;
    claims: ClaimSummary[];
    list<T extends KubernetesObject>(kind: string): readonly T[];
  }> {
    return [...this.tracked].map(([cluster, tracked]) => ({
      cluster,
      synced: tracked.firstFlushDone && tracked.cache.isSynced(),
      claims: [...tracked.summaries.values()],
      list: <T extends KubernetesObject>(kind: string) =>
        tracked.cache.list<T>(kind),
    }));
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
