import { ClusterCache } from './ClusterCache';
import { ClusterIndex } from './clusterIndex';
import { ClaimStates } from './claimStates';
import { ClaimSummaries } from './ClaimSummaries';
import { FlushChain } from './FlushChain';
import { FlushTimers } from './FlushTimers';
import { TransitionRecorder } from './TransitionRecorder';

/** What the tracker keeps of one cluster. */
export interface TrackedCluster {
  cache: ClusterCache;
  /** By claim key, with an index by label for entity pages. */
  summaries: ClaimSummaries;
  /** Counts the cache's changes: an index built since the last one is current. */
  version: number;
  /**
   * The index claim pages read, reused while the cache has not changed (a
   * list of claims asks for many at once); dropped at the next flush.
   */
  pageIndex?: { version: number; index: ClusterIndex };
  /** Each claim's last state, and a hash of what its pages last showed. */
  states: ClaimStates;
  dirty: Set<string>;
  allDirty: boolean;
  /** Every informer has listed: claims may be diagnosed. */
  synced: boolean;
  /** The first diagnosis of every claim is done (and recorded or queued). */
  firstFlushDone: boolean;
  timers: FlushTimers;
  flushes: FlushChain;
  recorder: TransitionRecorder;
}
