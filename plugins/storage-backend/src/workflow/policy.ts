import type {
  CostEstimate,
  StorageOffering,
  StorageRequest,
  StorageRequestPolicyDecision,
  StorageRequestPolicyInput,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * What policy sees of a request: the request, its offering, cost before
 * and after, the entity (owner, lifecycle) and the requester.
 */
export type RequestPolicyInput = StorageRequestPolicyInput;

/** What policy decides: approve at once, wait for approvers, or deny. */
export type RequestPolicyDecision = StorageRequestPolicyDecision;

/**
 * The request workflow's policy: modules' policies, then the configured
 * rules (`ConfiguredRequestPolicy` in ../approvals). Always decides.
 */
export interface StorageRequestDecider {
  decide(input: RequestPolicyInput): Promise<RequestPolicyDecision>;
}

/**
 * What policy sees of a request.
 *
 * @deprecated The request workflow moves to {@link StorageRequestDecider}.
 */
export interface PolicyInput {
  request: StorageRequest;
  offering?: StorageOffering;
  cost?: CostEstimate;
  requestedBy: string;
}

/** @deprecated See {@link RequestPolicyDecision}. */
export type PolicyDecision =
  | { result: 'approve'; reason: string }
  | { result: 'review'; reason: string };

/**
 * Decides whether a request is applied at once or waits for the platform
 * team.
 *
 * @deprecated The request workflow moves to {@link StorageRequestDecider}.
 */
export interface RequestPolicy {
  decide(input: PolicyInput): Promise<PolicyDecision>;
}

/** Approves every valid request; the default until an approval policy is configured. */
export class ApproveAllPolicy implements RequestPolicy, StorageRequestDecider {
  async decide(): Promise<PolicyDecision & RequestPolicyDecision> {
    return {
      result: 'approve',
      outcome: 'auto-approve',
      reason: 'Approved automatically',
    };
  }
}
