export * from './ApprovalStore';
export { DatabaseApprovalStore } from './DatabaseApprovalStore';
export * from './ApprovalService';
export {
  ConfiguredRequestPolicy,
  readApprovalPolicy,
} from './ConfiguredRequestPolicy';
export { CatalogMembership } from './membership';
export type { Membership } from './membership';
export { APPROVALS_TOPIC, REQUESTS_TOPIC, requestLink } from './notifications';
export type { ApprovalNotifier } from './notifications';
export {
  APPROVAL_HOUSEKEEPING_TASK,
  scheduleApprovalHousekeeping,
} from './housekeeping';
export { missingApprovers, settleVotes } from './settle';
export { sizeBefore, StoragePolicyRegistry } from './policyInput';
