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
  claimKeyString,
} from '../database/ClaimTransitionStore';
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

// Headlines may count minutes; a new count is not a new state.
const stateKey = (diagnosis: Observed) =>
  `${diagnosis.state}|${diagnosis.severity}|${diagnosis.headline.replace(
    /\d+/g,
    '#',
  )}`;

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
  timer?: NodeJS.Timeout;
}

/**
 * Follows every claim in every cluster: keeps each one's diagnosis current
 * from the informer caches, records each change of state once, and tells
 * the listener so the browser can update live.
 */
export class ClaimTracker {
  private readonly tracked = new Map<string, TrackedCluster>();
  private readonly debounceMs: number;

  constructor(private readonly options: ClaimTrackerOptions) {
    this.debounceMs = options.debounceMs ?? 200;
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
            [...latest].map(([key, transition]) => [
              key,
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
          cache: new ClusterCache(client, {
            logger: this.options.logger,
            restartDelayMs: this.options.restartDelayMs,
            onChange: change => this.markDirty(client.name, change),
          }),
        };
        this.tracked.set(client.name, tracked);
        await tracked.cache.start();
        // The first sync records where every claim stands; no page is
        // waiting to hear about it, so nothing is announced.
        await this.flush(client.name, { announce: false });
      }),
    );
  }

  async stop(): Promise<void> {
    for (const tracked of this.tracked.values()) {
      clearTimeout(tracked.timer);
      await tracked.cache.stop();
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
    if (!tracked.timer) {
      tracked.timer = setTimeout(() => {
        this.flush(cluster).catch(error =>
          this.options.logger.error(
            `Tracking claims of cluster ${cluster} failed`,
            error,
          ),
        );
      }, this.debounceMs);
    }
  }

  /** Diagnoses the claims that changed and records what is new. */
  private async flush(
    cluster: string,
    { announce }: { announce: boolean } = { announce: true },
  ): Promise<void> {
    const tracked = this.tracked.get(cluster)!;
    tracked.timer = undefined;
    const now = new Date();
    const keys = tracked.allDirty
      ? new Set([
          ...tracked.summaries.keys(),
          ...tracked.cache
            .list<V1PersistentVolumeClaim>('PersistentVolumeClaim')
            .map(pvc => `${pvc.metadata?.namespace}/${pvc.metadata?.name}`),
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
      const [namespace, name] = key.split('/');
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
          const transition = this.transitionOf(cluster, tracked, gone, {
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
        cluster,
        tracked,
        summary,
        diagnosis,
      );
      if (transition || shownBefore !== shownNow) {
        changes.push({ claim: summary, transition });
      }
    }

    const transitions = changes.flatMap(({ transition }) =>
      transition
        ? [{ ...transition, observedAt: new Date(transition.observedAt) }]
        : [],
    );
    if (transitions.length) {
      try {
        await this.options.transitions.recordMany(transitions);
      } catch (error) {
        this.options.logger.warn(
          `Could not record ${transitions.length} claim state changes in ${cluster}: ${error}`,
        );
      }
    }
    if (announce) {
      for (const { claim, transition } of changes) {
        this.options.onChange?.(claim, transition);
      }
    }
  }

  /** The transition to a newly observed state; undefined when nothing changed. */
  private transitionOf(
    cluster: string,
    tracked: TrackedCluster,
    claim: ClaimSummary,
    diagnosis: Observed,
  ): ClaimTransition | undefined {
    const fullKey = claimKeyString({
      cluster,
      namespace: claim.namespace,
      name: claim.name,
    });
    const previous = tracked.last.get(fullKey);
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
      observedAt: new Date().toISOString(),
    };
    tracked.last.set(fullKey, { key: next, transition });
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
    const diagnosis = diagnose({ pv, storageClass, now: new Date() });
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
    const summary = tracked?.summaries.get(`${namespace}/${name}`);
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
      diagnosisInputOf(tracked.cache, pvc, new Date(), tracked.index),
    );
  }

  /** The StorageClass names each cluster has. */
  storageClassesByCluster(): Record<string, string[]> {
    return Object.fromEntries(
      [...this.tracked].map(([name, tracked]) => [
        name,
        tracked.cache
          .list<V1StorageClass>('StorageClass')
          .map(sc => sc.metadata?.name ?? ''),
      ]),
    );
  }

  /** Whether each cluster's informers are connected. */
  clusterStatus(): Array<{ name: string; synced: boolean; claims: number }> {
    return [...this.tracked].map(([name, tracked]) => ({
      name,
      synced: tracked.cache.isSynced(),
      claims: tracked.summaries.size,
    }));
  }
}
