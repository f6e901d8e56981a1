/** Where a claim lives. */
export interface ClaimKey {
  cluster: string;
  namespace: string;
  name: string;
}

import type { ClaimTransition } from '@eks-storage/backstage-plugin-storage-common';

export type { ClaimTransition };

export type NewClaimTransition = Omit<ClaimTransition, 'observedAt'> & {
  observedAt?: Date;
};

/** The history of claim states observed in the clusters. */
export interface ClaimTransitionStore {
  /**
   * Records a transition unless the claim's latest recorded one already has
   * this state and headline, so replicas that see the same change record
   * it once. Returns whether it recorded.
   */
  record(transition: NewClaimTransition): Promise<boolean>;
  /** Records many at once (a cluster's first sync); returns how many were new. */
  recordMany(transitions: NewClaimTransition[]): Promise<number>;
  /**
   * The latest transition of each claim in a cluster, by `claimKey`
   * (namespace/name): the state to resume from.
   */
  latestByClaim(cluster: string): Promise<Map<string, ClaimTransition>>;
  /** A claim's transitions, oldest first. */
  list(claim: ClaimKey, limit?: number): Promise<ClaimTransition[]>;
  /**
   * Deletes transitions older than `olderThan` and all but the newest
   * `maxPerClaim` of each claim. The newest transition of a claim that
   * still exists is always kept: it is the state the tracker resumes from
   * after a restart. Returns how many rows went.
   */
  deleteExpired(options: {
    olderThan?: Date;
    maxPerClaim?: number;
  }): Promise<number>;
}

/**
 * What makes two observations the same state: state, severity and headline
 * with its numbers blanked, since headlines may count minutes and a new
 * count is not a new state.
 */
export function stateKeyOf(transition: {
  toState: string;
  severity: string;
  headline: string;
}): string {
  return `${transition.toState}|${
    transition.severity
  }|${transition.headline.replace(/\d+/g, '#')}`;
}
