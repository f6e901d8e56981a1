import type { CoreV1Event } from '@kubernetes/client-node';
import {
  ClaimFacts,
  activePods,
  eventTime,
  isoOf,
  latest,
  podName,
  quote,
  timeOf,
} from './facts';
import { Diagnosis, DiagnosisInput } from './types';

/** A claim with storageClassName "": it binds only to a pre-created volume. */
export function diagnoseStaticPending(
  input: DiagnosisInput,
  facts: ClaimFacts,
  warning: CoreV1Event | undefined,
): Diagnosis {
  const volumeName = input.pvc?.spec?.volumeName;
  if (volumeName && input.pv?.metadata?.name !== volumeName) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} waits for PersistentVolume ${volumeName}, which does not exist`,
      explanation:
        'The claim uses static binding (storageClassName "") and names a volume that has not been created.',
      fix: `Create PersistentVolume ${volumeName} for the existing volume or bucket (the storage request form renders it).`,
      since: isoOf(timeOf(input.pvc?.metadata?.creationTimestamp)),
    };
  }
  return {
    state: 'failed',
    severity: warning ? 'error' : 'warning',
    headline: `Claim ${facts.ref} has no PersistentVolume to bind to`,
    explanation:
      `With storageClassName "" nothing is provisioned: the claim binds only to a pre-created PV whose size, access modes and class match. ${quote(
        warning,
      )}`.trim(),
    fix: 'Create the PersistentVolume for the existing volume (for S3: csi.volumeAttributes.bucketName, storageClassName "") and set spec.volumeName on the claim, or use a StorageClass to provision a new volume.',
    since: isoOf(eventTime(warning)),
  };
}

/** A WaitForFirstConsumer claim: normal until its pod cannot be scheduled. */
export function diagnoseWaitingForConsumer(
  facts: ClaimFacts,
  className: string,
): Diagnosis {
  const pods = activePods(facts);
  const scheduling = latest(facts.podEvents, 'FailedScheduling');
  if (pods.length === 0) {
    const event = latest(facts.claimEvents, 'WaitForFirstConsumer');
    return {
      state: 'waiting-for-consumer',
      severity: 'info',
      headline: `Claim ${facts.ref} waits for a pod to use it — this is normal`,
      explanation: `StorageClass ${className} uses volumeBindingMode WaitForFirstConsumer: the volume is created only when a pod that uses the claim is scheduled, so it lands in that pod's Availability Zone.`,
      fix: 'Nothing to fix. Deploy the workload that mounts the claim and it will bind.',
      since: isoOf(eventTime(event)),
    };
  }
  const pod = pods[0].metadata?.name ?? 'the pod';
  if (scheduling) {
    return {
      state: 'waiting-for-consumer',
      severity: 'warning',
      headline: `Claim ${facts.ref} waits for pod ${podName(
        scheduling,
      )}, which cannot be scheduled`,
      explanation: `The volume is created once the pod has a node, and the scheduler finds none. ${quote(
        scheduling,
      )}`,
      fix: 'Fix what stops the pod from scheduling (resources, node selectors, taints); the claim follows.',
      since: isoOf(eventTime(scheduling)),
    };
  }
  return {
    state: 'waiting-for-consumer',
    severity: 'info',
    headline: `Claim ${facts.ref} waits for pod ${pod} to be scheduled`,
    explanation: `The volume is created in the zone of the node pod ${pod} gets (volumeBindingMode WaitForFirstConsumer).`,
    fix: '',
    since: isoOf(
      eventTime(
        latest(
          facts.claimEvents,
          'WaitForPodScheduled',
          'WaitForFirstConsumer',
        ),
      ),
    ),
  };
}

/** A claim restored from a VolumeSnapshot that is missing or not ready. */
export function diagnoseRestoreSource(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis | undefined {
  const source = input.pvc?.spec?.dataSource;
  if (source?.kind !== 'VolumeSnapshot' || !Array.isArray(input.snapshots))
    return undefined;
  const snapshot = input.snapshots.find(
    s =>
      (s as { metadata?: { name?: string; namespace?: string } })?.metadata
        ?.name === source.name &&
      ((s as { metadata?: { namespace?: string } }).metadata?.namespace ??
        facts.namespace) === facts.namespace,
  ) as
    | { status?: { readyToUse?: boolean; error?: { message?: string } } }
    | undefined;
  if (!snapshot) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} restores from VolumeSnapshot ${source.name}, which does not exist`,
      explanation: `The claim's dataSource names snapshot ${source.name} in namespace ${facts.namespace}, and there is no such snapshot.`,
      fix: 'Re-create the claim from an existing snapshot (kubectl get volumesnapshot).',
    };
  }
  if (snapshot.status?.readyToUse !== true) {
    return {
      state: 'provisioning',
      severity: snapshot.status?.error ? 'error' : 'info',
      headline: `Claim ${facts.ref} waits for VolumeSnapshot ${source.name} to be ready`,
      explanation: snapshot.status?.error?.message
        ? `The snapshot failed: "${snapshot.status.error.message}"`
        : 'The volume is restored once the snapshot is ready to use.',
      fix: snapshot.status?.error
        ? 'Take a new snapshot, then restore from it.'
        : '',
    };
  }
  return undefined;
}
