export type {
  ClaimTime,
  ClusterStorage,
  FleetEntity,
  FleetFinding,
  FleetObjectKind,
  FleetObjectRef,
  FleetSection,
  FormerClaim,
  Instant,
  UsageSuggestion,
  FleetVolumeSnapshot,
  VolumeUsageSample,
} from './types';
export {
  DEFAULT_FLEET_RULES,
  fleetRulesSchema,
  parseFleetRules,
} from './rules';
export type { FleetRules, FleetRulesInput } from './rules';
export { claimOwnership, entityOfObject } from './entities';
export {
  claimDriver,
  findingId,
  isDefaultClass,
  mountedClaims,
  volumeDriver,
} from './objects';
export type { ClaimOwnership } from './entities';
export { parseKubernetesVersion, versionAtLeast } from './kubernetesVersion';
export { checkClassHealth } from './classHealth';
export {
  checkCompliance,
  ebsEncryptionOf,
  efsEncryptedInTransit,
} from './compliance';
export type { EbsEncryption } from './compliance';
export { volumeMonthlyCost } from './volumeCost';
export { findWaste } from './waste';
export type { WasteInput } from './waste';
export {
  EBS_MODIFICATION_INTERVAL_MS,
  findOverProvisioned,
  offeringOfClaim,
  suggestUsage,
  volumeUsageFromSummary,
} from './usage';
export type { UsageInput } from './usage';
export { backupStatus, isReadySnapshot, snapshotTime } from './backups';
export type { ClaimBackup } from './backups';
export {
  BACKUP_SCHEDULE_LABEL,
  planSnapshots,
  scheduledSnapshotName,
} from './snapshotSchedule';
export type {
  ExpiredSnapshot,
  PlannedSnapshot,
  SnapshotPlan,
} from './snapshotSchedule';
export { expiringClaims, planExpiry } from './expiry';
export type { ExpiringClaim, ExpiringItem, ExpiryPlan } from './expiry';
export {
  UNOWNED,
  claimInventory,
  costTrend,
  priceVolumes,
  rollUpCosts,
} from './rollups';
export type {
  CostGroup,
  CostRollup,
  CostSample,
  CostTrend,
  InventoryRow,
  PricedVolumeRow,
} from './rollups';
export { auditCluster, countBySeverity, sortFleetFindings } from './audit';
export type { AuditInput } from './audit';
