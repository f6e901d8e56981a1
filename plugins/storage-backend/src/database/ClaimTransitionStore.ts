/** Where a claim lives. */
export interface ClaimKey {
  cluster: string;
  namespace: string;
  name: string;
}

import type { ClaimTransition } from '@eks-storage/backstage-plugin-storage-common';

export type { ClaimTransition };

/** The history of claim states observed in the clusters. */
export interface ClaimTransitionStore {
  /**
   * Records a transition unless the claim's latest recorded one already has
   * this state and headline, so replicas that see the same change record
   * it once. Returns whether it recorded.
   */
  record(
    transition: Omit<ClaimTransition, 'observedAt'> & { observedAt?: Date },
  ): Promise<boolean>;
  /** The latest transition of each claim in a cluster: the state to resume from. */
  latestByClaim(cluster: string): Promise<Map<string, ClaimTransition>>;
  /** A claim's transitions, oldest first. */
  list(claim: ClaimKey, limit?: number): Promise<ClaimTransition[]>;
}

export function claimKeyString(key: ClaimKey): string {
  return `${key.cluster}/${key.namespace}/${key.name}`;
}
