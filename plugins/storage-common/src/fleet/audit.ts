/**
 * The audit of one cluster: class health, compliance and waste findings from
 * the same functions the platform console uses, in a stable order.
 */
import { DEFAULT_PRICES, PriceTable } from '../cost';
import { StorageOffering } from '../model/offering';
import { Severity } from '../validation/findings';
import { checkClassHealth } from './classHealth';
import { checkCompliance } from './compliance';
import { DEFAULT_FLEET_RULES, FleetRules } from './rules';
import {
  ClaimTime,
  ClusterStorage,
  FleetEntity,
  FleetFinding,
  FleetSection,
  Instant,
  VolumeUsageSample,
} from './types';
import { findWaste } from './waste';

export interface AuditInput {
  storage: ClusterStorage;
  now: Instant;
  offerings?: readonly StorageOffering[];
  rules?: FleetRules;
  prices?: PriceTable;
  lastMounted?: readonly ClaimTime[];
  usage?: readonly VolumeUsageSample[];
  entities?: readonly FleetEntity[];
}

const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};
const SECTION_ORDER: Record<FleetSection, number> = {
  'class-health': 0,
  compliance: 1,
  waste: 2,
  usage: 3,
  backups: 4,
  expiry: 5,
};

/** Code-unit order (not locale order), so every runtime sorts alike. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Section, then severity (errors first), then id: the same input prints the same list. */
export function sortFleetFindings(
  findings: readonly FleetFinding[],
): FleetFinding[] {
  return [...findings].sort(
    (a, b) =>
      SECTION_ORDER[a.section] - SECTION_ORDER[b.section] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.id, b.id),
  );
}

/** Class health, compliance and waste of one cluster. */
export function auditCluster(input: AuditInput): FleetFinding[] {
  const rules = input.rules ?? DEFAULT_FLEET_RULES;
  return sortFleetFindings([
    ...checkClassHealth(input.storage, input.offerings),
    ...checkCompliance(input.storage, rules),
    ...findWaste({
      storage: input.storage,
      prices: input.prices ?? DEFAULT_PRICES,
      rules,
      now: input.now,
      lastMounted: input.lastMounted,
      usage: input.usage,
      offerings: input.offerings,
      entities: input.entities,
    }),
  ]);
}

/** How many findings of each severity. */
export function countBySeverity(
  findings: readonly FleetFinding[],
): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
