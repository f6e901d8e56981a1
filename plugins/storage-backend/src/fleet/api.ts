/**
 * The platform console's answers, as the API contract
 * (src/schema/openapi.yaml) defines them and storage-common names the
 * generated types: one definition for the backend, the client and the page.
 */
export type {
  ClaimUsage,
  ClaimUsageHistory,
  ClaimUsageSuggestion as UsageSuggestion,
  ConsoleFinding as FleetFinding,
  FleetAction,
  FleetBackupItem,
  FleetBackupsResponse,
  FleetClaim,
  FleetClaimDeleteInput,
  FleetClaimsResponse,
  FleetClassesResponse,
  FleetComplianceResponse,
  FleetComplianceRule,
  FleetExpiriesResponse,
  FleetExpiryItem,
  FleetFindingsResponse,
  FleetGroup,
  FleetOverviewResponse,
  FleetOwnerHint,
  FleetStorageClass,
  FleetSubmitResponse,
  FleetUsageItem,
  FleetUsageResponse,
  FleetViewer,
  FleetVolume,
  SnapshotSchedule,
  UsageSample,
  VolumeAdoptInput,
  VolumeDeleteInput,
} from '@eks-storage/backstage-plugin-storage-common';
