import type {
  CostEstimate,
  StorageOffering,
  StorageRequest,
} from '@eks-storage/backstage-plugin-storage-common';

/** What policy sees of a request. */
export interface PolicyInput {
  request: StorageRequest;
  offering?: StorageOffering;
  cost?: CostEstimate;
  requestedBy: string;
}

export type PolicyDecision =
  | { result: 'approve'; reason: string }
  | { result: 'review'; reason: string };

/**
 * Decides whether a request is applied at once or waits for the platform
 * team. The approval queue plugs in here.
 */
export interface RequestPolicy {
  decide(input: PolicyInput): Promise<PolicyDecision>;
}

/** Approves every valid request; the default until an approval policy is configured. */
export class ApproveAllPolicy implements RequestPolicy {
  async decide(): Promise<PolicyDecision> {
    return { result: 'approve', reason: 'Approved automatically' };
  }
}
