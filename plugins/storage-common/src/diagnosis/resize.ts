import { formatQuantity, parseQuantity } from '../quantity';
import {
  ClaimFacts,
  activePods,
  eventTime,
  isoOf,
  latest,
  minutesBetween,
  quote,
  timeOf,
} from './facts';
import { Diagnosis, DiagnosisInput } from './types';

/** How long a controller-side resize may take before we call it stuck. */
const RESIZE_STUCK_MINUTES = 60;

/** A Bound claim being resized: waiting for a restart, failed, throttled or in progress. */
export function diagnoseResize(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis | undefined {
  const pvc = input.pvc!;
  const conditions = pvc.status?.conditions ?? [];
  const condition = (type: string) => conditions.find(c => c.type === type);
  const allocated = pvc.status?.allocatedResourceStatuses?.storage;
  const requested = parseQuantity(pvc.spec?.resources?.requests?.storage);
  const capacity = parseQuantity(pvc.status?.capacity?.storage);
  const target =
    requested !== undefined ? formatQuantity(requested) : 'the new size';

  const pending = condition('FileSystemResizePending');
  if (pending || allocated === 'NodeResizePending') {
    const users = activePods(facts).map(pod => pod.metadata?.name);
    return {
      state: 'resize-pending-restart',
      severity: 'warning',
      headline: `Claim ${
        facts.ref
      }: the volume has grown to ${target}; restart ${
        users.length ? `pod ${users.join(', ')}` : 'the pod that uses it'
      } to finish`,
      explanation:
        'The cloud volume is already larger, but the file system on it is grown only when a pod mounts the volume again ("Waiting for user to (re-)start a pod to finish file system resize of volume on node.").',
      fix: users.length
        ? `Restart pod ${users.join(
            ', ',
          )} (kubectl delete pod, or a rollout restart of its workload).`
        : 'Start a pod that uses the claim.',
      since: isoOf(timeOf(pending?.lastTransitionTime)),
    };
  }
  const failedEvent = latest(facts.claimEvents, 'VolumeResizeFailed');
  const errorCondition =
    condition('ControllerResizeError') ?? condition('NodeResizeError');
  const infeasible =
    allocated === 'ControllerResizeInfeasible' ||
    allocated === 'NodeResizeInfeasible';
  if (
    failedEvent &&
    /VolumeModificationRateExceeded|rate exceeded|modification rate/i.test(
      failedEvent.message ?? '',
    )
  ) {
    return {
      state: 'resizing',
      severity: 'warning',
      headline: `Claim ${facts.ref}: the resize to ${target} waits for EBS to allow another modification`,
      explanation: `EBS allows one modification per volume every 6 hours; this volume was modified recently. The resizer keeps retrying. ${quote(
        failedEvent,
      )}`,
      fix: 'Wait: the resize completes on its own once the 6-hour window has passed. Ask for the final size at once next time.',
      since: isoOf(eventTime(failedEvent)),
    };
  }
  if (infeasible || errorCondition || failedEvent) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref}: the resize to ${target} failed`,
      explanation: `${
        errorCondition?.message
          ? `"${errorCondition.message}"`
          : quote(failedEvent) ||
            'The driver reported the new size cannot be reached.'
      }`,
      fix: infeasible
        ? 'Ask for a size the volume type allows; you can lower spec.resources.requests.storage back to a size above the current capacity to recover.'
        : 'Fix what the message names (size bounds, permissions), then the resizer retries.',
      since: isoOf(
        eventTime(failedEvent) ?? timeOf(errorCondition?.lastTransitionTime),
      ),
    };
  }
  const resizing = condition('Resizing') ?? condition('ModifyingVolume');
  const growing =
    requested !== undefined && capacity !== undefined && requested > capacity;
  if (
    resizing ||
    allocated === 'ControllerResizeInProgress' ||
    allocated === 'NodeResizeInProgress' ||
    growing
  ) {
    const start =
      timeOf(resizing?.lastTransitionTime) ??
      eventTime(latest(facts.claimEvents, 'Resizing'));
    const minutes = minutesBetween(start, facts.now);
    const stuck = minutes !== undefined && minutes > RESIZE_STUCK_MINUTES;
    return {
      state: 'resizing',
      severity: stuck ? 'warning' : 'info',
      headline: stuck
        ? `Claim ${facts.ref} has been resizing to ${target} for ${Math.round(
            minutes!,
          )} minutes`
        : `Claim ${facts.ref} is being resized to ${target}`,
      explanation: stuck
        ? 'The external resizer has not finished. Common causes: AWS API throttling, EBS still optimizing a previous modification, or a resizer sidecar that is not running.'
        : `The driver is growing the volume${
            capacity !== undefined ? ` from ${formatQuantity(capacity)}` : ''
          }; the claim stays usable meanwhile.`,
      fix: stuck
        ? 'Check the csi-resizer container of the driver controller (kubectl logs) and the volume modification state in the EC2 console.'
        : '',
      since: isoOf(start),
    };
  }
  return undefined;
}
