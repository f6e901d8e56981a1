import type { Entity } from '@backstage/catalog-model';
import type { CostEstimate } from '../cost';
import type { StorageOffering } from '../model/offering';
import type { StorageRequest } from '../model/request';

/** What a request policy sees of a request. */
export interface StorageRequestPolicyInput {
  request: StorageRequest;
  offering?: StorageOffering;
  /** The monthly cost after the request (new claims and resizes). */
  cost?: CostEstimate;
  /** Resizes: the monthly cost before it. */
  previousCost?: CostEstimate;
  /** Resizes: the claim's size before it (a quantity such as `100Gi`). */
  previousSize?: string;
  /** The catalog entity the storage belongs to. */
  entity: Entity;
  /** The requester's user entity ref. */
  requestedBy: string;
}

/** Who may approve: group or user refs; `owner` stands for the entity's owning group. */
export const OWNER_APPROVER = 'owner';

/** What a policy decides: at once, by people, or not at all. */
export type StorageRequestPolicyDecision =
  | { outcome: 'auto-approve'; rule?: string; reason: string }
  | {
      outcome: 'require-approval';
      rule?: string;
      reason: string;
      /** Group or user refs; `owner` stands for the entity's owning group. */
      approvers: string[];
      /** `any` approver is enough, or `all` of them must approve. */
      mode: 'any' | 'all';
      /** Distinct people who must approve (default 1). */
      minApprovals?: number;
    }
  | { outcome: 'deny'; rule?: string; reason: string };

/** A decision that waits for people. */
export type StorageApprovalRequirement = Extract<
  StorageRequestPolicyDecision,
  { outcome: 'require-approval' }
>;

/**
 * Decides a storage request. Answers undefined to leave the request to the
 * next policy (and finally to the configured rules).
 */
export interface StorageRequestPolicy {
  decide(
    input: StorageRequestPolicyInput,
  ): Promise<StorageRequestPolicyDecision | undefined>;
}
