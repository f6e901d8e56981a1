import { ClaimState } from './types';

/**
 * The states whose diagnosis can change with nothing but time passing: a
 * claim waiting for a driver that never starts (failed after 10 minutes),
 * FSx for Lustre still creating its file system, a resize stuck for an
 * hour, and the minutes their headlines count. Every other state depends
 * on the objects alone, so a periodic re-diagnosis (the tracker's resync)
 * needs only these: a fleet's Bound claims cost it nothing.
 */
const AGING_STATES: ReadonlySet<ClaimState> = new Set<ClaimState>([
  'provisioning',
  'resizing',
  'failed',
]);

/** Whether a claim in this state can be diagnosed differently later, unchanged. */
export function diagnosisCanAge(state: ClaimState): boolean {
  return AGING_STATES.has(state);
}
