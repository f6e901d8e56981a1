import { diagnose } from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { ClaimTransition } from '../database/ClaimTransitionStore';
import { claimKey, splitClaimKey } from './claimKey';
import { claimFingerprint } from './claimFingerprint';
import { ClusterIndex } from './clusterIndex';
import { ClaimSummary, diagnosisInputOf, summarizeClaim } from './claimView';
import { TrackedCluster } from './TrackedCluster';

/** A change worth telling the listener about. */
export interface ClaimChangeNotice {
  claim: ClaimSummary;
  transition?: ClaimTransition;
}

/** Claims diagnosed between two turns of the event loop. */
const CLAIMS_PER_TURN = 500;

/**
 * Diagnoses the cluster's claims that changed (all of them after a sync or
 * a resync), queues each new transition to be recorded, and returns what
 * an open page would show differently. A few hundred claims at a time: a
 * resync of 50,000 claims otherwise held every page view for a second.
 */
export async function diagnoseChangedClaims(
  cluster: string,
  tracked: TrackedCluster,
  clock: () => Date,
): Promise<ClaimChangeNotice[]> {
  const now = clock();
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
  tracked.pageIndex = undefined;
  const changes: ClaimChangeNotice[] = [];
  let diagnosed = 0;
  for (const key of keys) {
    if (++diagnosed % CLAIMS_PER_TURN === 0) {
      await new Promise(resolve => setImmediate(resolve));
    }
    const { namespace, name } = splitClaimKey(key);
    const pvc = tracked.cache.get<V1PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      name,
      namespace,
    );
    if (!pvc) {
      const gone = tracked.summaries.get(key);
      tracked.summaries.delete(key);
      if (gone) {
        const transition = tracked.states.transitionTo(
          cluster,
          gone,
          {
            state: 'deleted',
            severity: 'info',
            headline: `Claim ${key} was deleted`,
          },
          clock,
        );
        tracked.states.forget(gone);
        changes.push({ claim: gone, transition });
      }
      continue;
    }
    const input = diagnosisInputOf(tracked.cache, pvc, now, index);
    const diagnosis = diagnose(input);
    const summary = summarizeClaim(cluster, input, diagnosis);
    const shownBefore = tracked.states.shown(summary);
    const shownNow = claimFingerprint(summary, input);
    tracked.summaries.set(key, summary);
    const transition = tracked.states.transitionTo(
      cluster,
      summary,
      diagnosis,
      clock,
    );
    tracked.states.show(summary, shownNow);
    if (transition) {
      tracked.recorder.add(key, transition);
    }
    if (transition || shownBefore !== shownNow) {
      changes.push({ claim: summary, transition });
    }
  }
  return changes;
}
