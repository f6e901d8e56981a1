import { ClusterCache } from './ClusterCache';
import { ClusterIndex } from './clusterIndex';
import { ClaimStates } from './claimStates';
import { ClaimSummary } from './claimView';
import { FlushChain } from './FlushChain';
import { FlushTimers } from './FlushTimers';
import { TransitionRecorder } from './TransitionRecorder';

/** What the tracker keeps of one cluster. */
export interface TrackedCluster {
  cache: ClusterCache;
  summaries: Map<string, ClaimSummary>;
  /** The index the last flush built; claim pages read from it too. */
  index?: ClusterIndex;
  /** What the pages of each claim last showed, to tell them of changes. */
  fingerprints: Map<string, string>;
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
