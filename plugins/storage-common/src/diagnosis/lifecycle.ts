import type { V1PersistentVolume } from '@kubernetes/client-node';
import { ClaimFacts, activePods, isoOf, sizeOf, timeOf } from './facts';
import { Diagnosis, DiagnosisInput } from './types';

/** A volume without its claim: Released (left behind) or another phase. */
export function diagnoseVolumeOnly(
  pv: V1PersistentVolume | undefined,
  facts: ClaimFacts,
): Diagnosis {
  const name = pv?.metadata?.name ?? 'unknown';
  if (pv?.status?.phase === 'Released') {
    return {
      state: 'released',
      severity: 'warning',
      headline: `Volume ${name} was left behind after claim ${facts.ref} was deleted, and is still billed`,
      explanation: `Its reclaim policy is ${
        pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain'
      }, so deleting the claim kept the volume (${sizeOf(
        pv,
      )}) and its data. A Released volume is not bound again automatically.`,
      fix: `If the data is no longer needed, delete PersistentVolume ${name} and then the cloud volume (${
        pv.spec?.csi?.volumeHandle ?? 'its volume handle'
      }). To reuse it, remove spec.claimRef from the PV and bind a new claim with spec.volumeName: ${name}.`,
    };
  }
  return {
    state: pv?.status?.phase === 'Failed' ? 'failed' : 'bound',
    severity: pv?.status?.phase === 'Failed' ? 'error' : 'info',
    headline: `Volume ${name} is ${pv?.status?.phase ?? 'in an unknown state'}`,
    explanation: pv?.status?.message ?? 'No claim was given for this volume.',
    fix:
      pv?.status?.phase === 'Failed'
        ? 'Check the volume with kubectl describe pv.'
        : '',
  };
}

/** A claim being deleted, and whether a pod holds it back. */
export function diagnoseTerminating(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis {
  const since = isoOf(timeOf(input.pvc?.metadata?.deletionTimestamp));
  const users = activePods(facts).map(pod => pod.metadata?.name);
  if (users.length > 0) {
    return {
      state: 'terminating',
      severity: 'warning',
      headline: `Claim ${facts.ref} is being deleted but pod ${users.join(
        ', ',
      )} still uses it`,
      explanation:
        'Kubernetes keeps a claim (finalizer kubernetes.io/pvc-protection) until no pod uses it, so the data is not pulled from under a running app.',
      fix: `Delete or scale down ${
        users.length > 1 ? 'the pods' : `pod ${users[0]}`
      } (its Deployment or StatefulSet); the claim goes away afterwards.`,
      since,
    };
  }
  return {
    state: 'terminating',
    severity: 'info',
    headline: `Claim ${facts.ref} is being deleted`,
    explanation: `No pod uses it; Kubernetes is removing it${
      input.pv?.spec?.persistentVolumeReclaimPolicy === 'Retain'
        ? ' and will keep its volume (Retain)'
        : ' and its volume'
    }.`,
    fix: '',
    since,
  };
}
