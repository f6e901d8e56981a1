export { OWNER_APPROVER } from './types';
export type {
  StorageApprovalRequirement,
  StorageRequestPolicy,
  StorageRequestPolicyDecision,
  StorageRequestPolicyInput,
} from './types';
export {
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_PENDING_TIMEOUT_MS,
  approvalRuleSchema,
  durationMs,
  parseApprovalPolicy,
} from './config';
export type {
  ApprovalMatch,
  ApprovalOutcomeConfig,
  ApprovalPolicy,
  ApprovalRule,
} from './config';
export { evaluateApprovalPolicy, ownersOf, resolveApprovers } from './evaluate';
