import { diagnoseBound } from './bound';
import { gatherFacts } from './facts';
import { diagnoseTerminating, diagnoseVolumeOnly } from './lifecycle';
import { diagnosePending } from './pending';
import { Diagnosis, DiagnosisInput } from './types';

/**
 * Explains the state of one claim in plain words with the fix. Pure and
 * total: partial or missing objects give a less specific answer, never an error.
 */
export function diagnose(input: DiagnosisInput): Diagnosis {
  try {
    const safeInput = input ?? {};
    const facts = gatherFacts(safeInput);
    if (!safeInput.pvc) return diagnoseVolumeOnly(safeInput.pv, facts);
    if (safeInput.pvc.metadata?.deletionTimestamp)
      return diagnoseTerminating(safeInput, facts);
    switch (safeInput.pvc.status?.phase) {
      case 'Bound':
        return diagnoseBound(safeInput, facts);
      case 'Lost':
        return {
          state: 'lost',
          severity: 'error',
          headline: `Claim ${facts.ref} lost its volume ${
            safeInput.pvc.spec?.volumeName ?? ''
          }`.trim(),
          explanation:
            'The PersistentVolume this claim was bound to no longer exists; the data on it cannot be reached through this claim.',
          fix: 'Restore from a snapshot into a new claim, or delete this claim and create a new one.',
        };
      default:
        return diagnosePending(safeInput, facts);
    }
  } catch (error) {
    return {
      state: 'provisioning',
      severity: 'warning',
      headline: 'The claim could not be diagnosed',
      explanation: `The objects given were not in the expected shape (${String(
        error,
      )}).`,
      fix: 'Check the claim with kubectl describe pvc.',
    };
  }
}
