import { Diagnosis } from '@eks-storage/backstage-plugin-storage-common';
import { ClaimTransition, stateKeyOf } from '../database/ClaimTransitionStore';
import { claimKey } from './claimKey';
import { hash53 } from './hash';
import { ClaimSummary } from './claimView';

/** A diagnosis, or the end of a claim. */
export type Observed = {
  state: Diagnosis['state'] | 'deleted';
  severity: string;
  headline: string;
};

/** The state key (ClaimTransitionStore's) as a hash: all a comparison needs. */
const stateKey = (diagnosis: Observed) =>
  hash53(stateKeyOf({ ...diagnosis, toState: diagnosis.state }));

/**
 * The state each claim of a cluster was last observed in. Seeded from the
 * transitions recorded before, so a restart records only what changed.
 * Per claim it keeps the state and a hash of its key, not the transition:
 * with a hundred thousand claims that is most of the difference.
 */
export class ClaimStates {
  private readonly last: Map<string, { key: number; state: string }>;

  constructor(recorded: Iterable<ClaimTransition>) {
    this.last = new Map(
      [...recorded].map(transition => [
        claimKey(transition.namespace, transition.name),
        {
          key: stateKey({
            ...transition,
            state: transition.toState as Observed['state'],
          }),
          state: transition.toState,
        },
      ]),
    );
  }

  /** The transition to a newly observed state; undefined when nothing changed. */
  transitionTo(
    key: string,
    cluster: string,
    claim: ClaimSummary,
    diagnosis: Observed,
    now: () => Date,
  ): ClaimTransition | undefined {
    const previous = this.last.get(key);
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
      fromState: previous?.state,
      toState: diagnosis.state,
      severity: diagnosis.severity,
      headline: diagnosis.headline,
      observedAt: now().toISOString(),
    };
    this.last.set(key, { key: next, state: diagnosis.state });
    return transition;
  }
}
