import { Diagnosis } from '@eks-storage/backstage-plugin-storage-common';
import { ClaimTransition, stateKeyOf } from '../database/ClaimTransitionStore';
import { hash53, smallParts } from './hash';
import { ClaimSummary } from './claimView';

/** A diagnosis, or the end of a claim. */
export type Observed = {
  state: Diagnosis['state'] | 'deleted';
  severity: string;
  headline: string;
};

/**
 * The state key (ClaimTransitionStore's) as a 53-bit hash, in two small
 * integers (see smallParts): all a comparison needs.
 */
const stateKey = (diagnosis: Observed) =>
  smallParts(hash53(stateKeyOf({ ...diagnosis, toState: diagnosis.state })));

/** What is kept of one claim. */
interface ClaimState {
  /** A hash of its state key, low and high bits. */
  keyLow: number;
  keyHigh: number;
  state: string;
  /** A hash of what its pages last showed (claimFingerprint). */
  shown: number | undefined;
}

/**
 * The state each claim of a cluster was last observed in, and a hash of
 * what its pages last showed. Seeded from the transitions recorded before,
 * so a restart records only what changed. Per claim it keeps the state and
 * two hashes, not the transition nor the pages: with a hundred thousand
 * claims that is most of the difference. By namespace, then name, with the
 * summary's strings (the cached claim's): no key string of its own.
 */
export class ClaimStates {
  private readonly byNamespace = new Map<string, Map<string, ClaimState>>();

  constructor(recorded: Iterable<ClaimTransition>) {
    for (const transition of recorded) {
      // A deleted claim is gone: a claim made again under its name is new.
      if (transition.toState === 'deleted') continue;
      const key = stateKey({
        ...transition,
        state: transition.toState as Observed['state'],
      });
      this.names(transition.namespace).set(transition.name, {
        keyLow: key.low,
        keyHigh: key.high,
        state: transition.toState,
        shown: undefined,
      });
    }
  }

  private names(namespace: string): Map<string, ClaimState> {
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    return names;
  }

  /** The transition to a newly observed state; undefined when nothing changed. */
  transitionTo(
    cluster: string,
    claim: ClaimSummary,
    diagnosis: Observed,
    now: () => Date,
  ): ClaimTransition | undefined {
    const names = this.names(claim.namespace);
    const previous = names.get(claim.name);
    const next = stateKey(diagnosis);
    if (previous?.keyLow === next.low && previous.keyHigh === next.high) {
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
    if (previous) {
      previous.keyLow = next.low;
      previous.keyHigh = next.high;
      previous.state = diagnosis.state;
    } else {
      names.set(claim.name, {
        keyLow: next.low,
        keyHigh: next.high,
        state: diagnosis.state,
        shown: undefined,
      });
    }
    return transition;
  }

  /**
   * Forgets a deleted claim once its deletion is observed: keeping every
   * claim ever deleted would grow without end where claims come and go
   * (preview environments, CI). A claim made again under the name starts
   * anew, as it is a new claim.
   */
  forget(claim: Pick<ClaimSummary, 'namespace' | 'name'>): void {
    const names = this.byNamespace.get(claim.namespace);
    names?.delete(claim.name);
    if (names?.size === 0) this.byNamespace.delete(claim.namespace);
  }

  /** How many claims are kept. */
  get size(): number {
    let count = 0;
    for (const names of this.byNamespace.values()) count += names.size;
    return count;
  }

  /** The hash of what the claim's pages last showed, if they showed it. */
  shown(claim: ClaimSummary): number | undefined {
    return this.byNamespace.get(claim.namespace)?.get(claim.name)?.shown;
  }

  /**
   * Remembers what the claim's pages show now. Call after transitionTo,
   * which keeps the claim's state.
   */
  show(claim: ClaimSummary, fingerprint: number | undefined): void {
    const state = this.byNamespace.get(claim.namespace)?.get(claim.name);
    if (state) state.shown = fingerprint;
  }
}
