import { DRIVERS } from '../catalogue';
import {
  ClaimFacts,
  driverOf,
  eventTime,
  isoOf,
  latest,
  latestMatching,
  podName,
  quote,
  sizeOf,
} from './facts';
import { efsMountTimeout } from './provisioningFailure';
import { diagnoseResize } from './resize';
import { diagnoseZoneConflict } from './topology';
import { Diagnosis, DiagnosisInput } from './types';

/** A Bound claim: resizing, a pod that cannot use it, or ready. */
export function diagnoseBound(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis {
  const pvc = input.pvc!;
  const resize = diagnoseResize(input, facts);
  if (resize) return resize;
  const podProblem = diagnosePodProblems(input, facts);
  if (podProblem) return podProblem;
  const volume =
    pvc.spec?.volumeName ?? input.pv?.metadata?.name ?? 'its volume';
  const retain = input.pv?.spec?.persistentVolumeReclaimPolicy === 'Retain';
  return {
    state: 'bound',
    severity: 'ok',
    headline: `Claim ${facts.ref} is bound to ${volume}${describeVolume(
      sizeOf(input.pv, pvc.status?.capacity?.storage),
      pvc.spec?.storageClassName,
    )}`,
    explanation: `The volume is ready for pods to use.${
      retain
        ? ' Its reclaim policy is Retain: deleting the claim keeps the volume, which is still billed until someone deletes it.'
        : ''
    }`,
    fix: '',
    since: isoOf(eventTime(latest(facts.claimEvents, 'ProvisioningSucceeded'))),
  };
}

/** " (20Gi, class gp3)", or less when not known. */
function describeVolume(size: string, className: string | undefined): string {
  const parts = [size, className ? `class ${className}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Pods that cannot start with the claim: attached elsewhere, wrong zone, mount failure. */
function diagnosePodProblems(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis | undefined {
  const multiAttach = latestMatching(facts.podEvents, /Multi-Attach error/i);
  if (multiAttach) {
    const driver = driverOf(input);
    return {
      state: 'bound',
      severity: 'error',
      headline: `Pod ${podName(multiAttach)} cannot start: claim ${
        facts.ref
      } is still attached to another node`,
      explanation: `The volume is ReadWriteOnce${
        driver ? ` (${DRIVERS[driver].title})` : ''
      }: it attaches to one node at a time. This happens during rolling updates (the new pod lands on another node while the old one still holds the volume) and after a node is lost. ${quote(
        multiAttach,
      )}`,
      fix: 'Use the Recreate strategy (or maxSurge: 0) for Deployments with a ReadWriteOnce claim, or a StatefulSet. After a node loss the volume is force-detached after about 6 minutes. If several pods must write at once, use an EFS claim (ReadWriteMany).',
      since: isoOf(eventTime(multiAttach)),
    };
  }
  const affinity = latestMatching(
    facts.podEvents,
    /volume node affinity conflict/i,
  );
  if (affinity) return diagnoseZoneConflict(input, facts, affinity);
  const mountFailure = latest(
    facts.podEvents,
    'FailedMount',
    'FailedAttachVolume',
  );
  if (mountFailure) {
    if (
      driverOf(input) === 'efs' &&
      /timed out|timeout|Connection refused/i.test(mountFailure.message ?? '')
    ) {
      return efsMountTimeout(mountFailure, facts);
    }
    return {
      state: 'bound',
      severity: 'warning',
      headline: `Pod ${podName(mountFailure)} cannot mount claim ${facts.ref}`,
      explanation: quote(mountFailure),
      fix: 'Read the message above: it names the node-side problem (driver node plugin not running, permissions, file system errors). kubectl describe pod shows the rest.',
      since: isoOf(eventTime(mountFailure)),
    };
  }
  return undefined;
}
