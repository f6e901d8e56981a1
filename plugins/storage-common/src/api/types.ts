/**
 * The storage API's request and response types. They come from the API
 * contract (plugins/storage-backend/src/schema/openapi.yaml) through
 * `openapi.generated.ts`; this module only names them.
 */
import type { components } from './openapi.generated';

type Schemas = components['schemas'];

/** A claim as the Storage tab lists it. */
export type ClaimSummary = Schemas['ClaimSummary'];
export type ClaimVolume = Schemas['ClaimVolume'];
export type ClaimConsumer = Schemas['ClaimConsumer'];
export type ClaimSnapshot = Schemas['ClaimSnapshot'];
export type ClaimEvent = Schemas['ClaimEvent'];
/** Everything the cluster says about one claim. */
export type ClaimDetail = Schemas['ClaimDetail'];
/** A change of a claim's state, as the backend saw it in its cluster. */
export type ClaimTransition = Schemas['ClaimTransition'];
/** A request as the backend stores it. */
export type StoredStorageRequest = Schemas['StoredStorageRequest'];
export type RequestHistoryEntry = Schemas['RequestHistoryEntry'];
export type ClusterStatus = Schemas['ClusterStatus'];
export type OfferingListItem = Schemas['OfferingListItem'];
/** What the backend answers to a validation. */
export type ValidationResponse = Schemas['ValidationResponse'];
/** What the backend answers to a submission. */
export type SubmitResponse = Schemas['SubmitResponse'];
export type ClaimListItem = Schemas['ClaimListItem'];
export type ClaimsResponse = Schemas['ClaimsResponse'];
export type ClaimDetailResponse = Schemas['ClaimDetailResponse'];
export type RequestDetailResponse = Schemas['RequestDetailResponse'];
/** A Kubernetes object as the API server serves it. */
export type KubernetesObject = Schemas['KubernetesObject'];
/** Backstage's error body, with findings for validation failures. */
export type ErrorResponse = Schemas['ErrorResponse'];

/** What policy decided (or would decide), naming the rule that fired. */
export type PolicyDecision = Schemas['PolicyDecision'];
export type ApprovalRequirement = Schemas['ApprovalRequirement'];
export type ApprovalVote = Schemas['ApprovalVote'];
/** A request's approval: what it waits for and who decided so far. */
export type ApprovalState = Schemas['ApprovalState'];
/** Whether the caller may take an action, and if not, why. */
export type ActionAvailability = Schemas['ActionAvailability'];
export type RequestActions = Schemas['RequestActions'];
/** A request in the approval queue, with what an approver needs to decide it. */
export type ApprovalItem = Schemas['ApprovalItem'];
export type ApprovalsResponse = Schemas['ApprovalsResponse'];

/** The bodies the API takes. */
export type StorageRequestBody = Schemas['StorageRequestInput'];
export type ResizeInput = Schemas['ResizeInput'];
export type SnapshotInput = Schemas['SnapshotInput'];
export type RestoreInput = Schemas['RestoreInput'];
export type DeleteInput = Schemas['DeleteInput'];
export type DecisionInput = Schemas['DecisionInput'];
export type RejectInput = Schemas['RejectInput'];

/** Where a claim lives: the key of every claim action. */
export interface ClaimRef {
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * The platform console's answers. The finding and the usage suggestion as
 * the API serves them are named apart from storage-common's fleet types
 * (`FleetFinding`, `UsageSuggestion`), which the backend turns into these.
 */
export type ConsoleFinding = Schemas['FleetFinding'];
export type ClaimUsageSuggestion = Schemas['UsageSuggestion'];
export type ClaimUsage = Schemas['ClaimUsage'];
export type UsageSample = Schemas['UsageSample'];
export type ClaimUsageHistory = Schemas['ClaimUsageHistory'];
export type FleetVolume = Schemas['FleetVolume'];
/** An action that removes a finding. */
export type FleetAction = Schemas['FleetAction'];
/** What the caller may do from the console. */
export type FleetViewer = Schemas['FleetViewer'];
export type FleetFindingsResponse = Schemas['FleetFindingsResponse'];
export type FleetStorageClass = Schemas['FleetStorageClass'];
export type FleetClassesResponse = Schemas['FleetClassesResponse'];
export type FleetComplianceRule = Schemas['FleetComplianceRule'];
export type FleetComplianceResponse = Schemas['FleetComplianceResponse'];
export type FleetUsageItem = Schemas['FleetUsageItem'];
export type FleetUsageResponse = Schemas['FleetUsageResponse'];
export type FleetSnapshotRef = Schemas['FleetSnapshotRef'];
export type SnapshotSchedule = Schemas['SnapshotSchedule'];
export type FleetBackupItem = Schemas['FleetBackupItem'];
export type FleetBackupsResponse = Schemas['FleetBackupsResponse'];
export type FleetExpiryItem = Schemas['FleetExpiryItem'];
export type FleetExpiriesResponse = Schemas['FleetExpiriesResponse'];
export type FleetOwnerHint = Schemas['FleetOwnerHint'];
/** A claim of any cluster, or a volume no claim holds. */
export type FleetClaim = Schemas['FleetClaim'];
export type FleetClaimsResponse = Schemas['FleetClaimsResponse'];
/** Claims, capacity and cost of one cluster, driver, state, team or system. */
export type FleetGroup = Schemas['FleetGroup'];
export type FleetCostPoint = Schemas['FleetCostPoint'];
export type FleetOverviewResponse = Schemas['FleetOverviewResponse'];
export type VolumeDeleteInput = Schemas['VolumeDeleteInput'];
export type VolumeAdoptInput = Schemas['VolumeAdoptInput'];
export type FleetClaimDeleteInput = Schemas['FleetClaimDeleteInput'];
/** A submitted console action, with what the backend requests after it. */
export type FleetSubmitResponse = Schemas['FleetSubmitResponse'];
